"""Factories for catalogue items: a published item under a site's 网上办事."""
import factory

from services.models import ServiceItemPage, ServiceMaterial


class ServiceItemFactory(factory.Factory):
    """Build (not save) an item; ``publish_under`` adds and publishes it."""

    class Meta:
        model = ServiceItemPage

    title = factory.Sequence(lambda n: f"测试事项{n}：草原民宿经营备案")
    slug = factory.Sequence(lambda n: f"test-item-{n}")
    item_code = factory.Sequence(lambda n: f"11150100MB0000708H-BA-9{n:02d}")
    kind = "filing"
    audience = "both"
    keywords = "开民宿 牧家乐"
    summary = "在草原景区经营民宿的备案。"
    legal_basis = "<p>《旅游民宿基本要求与等级划分》</p>"
    conditions = "<ol><li>有合法的经营用房；</li><li>有消防设施。</li></ol>"
    procedure = "<ol><li>申请</li><li>备案</li></ol>"
    result = "民宿备案回执"
    statutory_limit = 10
    promised_limit = 3
    visits = 0
    fully_online = True
    online_apply = True
    enquiry_phone = "0471-6695315"
    complaint_phone = "12345"
    place = "敕勒川市政务服务中心二楼"
    hours = "工作日 9:00—17:00"


def publish_under(index, organisation, *, materials=(), **fields) -> ServiceItemPage:
    page = ServiceItemFactory.build(organisation=organisation, **fields)
    for position, material in enumerate(materials):
        page.materials.add(ServiceMaterial(sort_order=position, **material))
    index.add_child(instance=page)
    page.save_revision().publish()
    return ServiceItemPage.objects.get(pk=page.pk)
