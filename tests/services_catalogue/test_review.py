"""A department's editor adds an item in the admin; it goes to the site's
review workflow and is public only after 初审 → 保密审查 → 签发."""
import pytest
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from services.models import ServiceIndexPage, ServiceItemPage, ServiceTheme

from ..conftest import SecondFactorClient

TITLE = "中小学教师资格定期注册"
FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


@pytest.fixture
def jyj_catalogue(jyj):
    return ServiceIndexPage.objects.child_of(jyj.root_page).get()


def add_item_as(username, catalogue, demo_user, **changes):
    client = SecondFactorClient()
    client.force_login(demo_user(username))
    url = f"/admin/pages/add/services/serviceitempage/{catalogue.pk}/"
    page = client.get(url, HTTP_HOST="jyj.localhost")
    assert page.status_code == 200
    data = {k: v for k, v in querydict_from_html(page.content.decode(), form_id="page-edit-form").items()
            if "__prefix__" not in k}
    theme = ServiceTheme.objects.get(slug="jiaoyu")
    data.update({
        "title": TITLE, "slug": "jszc", "item_code": "11150100MB0000203C-QR-003", "kind": "confirmation",
        "organisation": str(_education_id()),
        "audience": "person", "themes": [str(theme.pk)], "keywords": "教师资格注册 教资注册",
        "legal_basis": rich_text("<p>《中小学教师资格定期注册暂行办法》</p>", features=FEATURES),
        "conditions": rich_text("<p>持有教师资格证书并在岗任教。</p>", features=FEATURES),
        "procedure": rich_text("<ol><li>申请</li><li>审核</li></ol>", features=FEATURES),
        "statutory_limit": "20", "promised_limit": "10", "free": "on", "visits": "0",
        "materials-TOTAL_FORMS": "1", "materials-INITIAL_FORMS": "0",
        "materials-0-name": "定期注册申请表", "materials-0-form": "electronic", "materials-0-copies": "1",
        "materials-0-required": "on", "materials-0-source": "applicant", "materials-0-accept": "pdf,jpg,png",
        "materials-0-ORDER": "1",
        "action-submit": "submit",
    })
    data.update(changes)
    return client.post(url, data, HTTP_HOST="jyj.localhost")


def _education_id():
    from cluster.models import Organisation

    return Organisation.objects.get(code="11150100MB0000203C").pk


def approve(item, username, demo_user):
    page = ServiceItemPage.objects.get(pk=item.pk)
    state = page.current_workflow_task_state
    assert state is not None
    state.task.specific.on_action(state, demo_user(username), "approve")


def test_editors_item_is_public_only_after_the_three_approvals(jyj_catalogue, demo_user):
    response = add_item_as("jyj_editor", jyj_catalogue, demo_user)
    assert response.status_code == 302, response.content.decode()[:3000]
    item = ServiceItemPage.objects.get(slug="jszc")
    assert not item.live
    assert item.current_workflow_task is not None
    public = Client()
    assert public.get("/wsbs/jszc/", HTTP_HOST="jyj.localhost").status_code == 404
    for username in ("jyj_reviewer", "jyj_secrecy"):
        approve(item, username, demo_user)
        assert not ServiceItemPage.objects.get(pk=item.pk).live
    approve(item, "jyj_signer", demo_user)
    item = ServiceItemPage.objects.get(pk=item.pk)
    assert item.live and item.materials.get().name == "定期注册申请表"
    html = public.get("/wsbs/jszc/", HTTP_HOST="jyj.localhost").content.decode()
    assert TITLE in html and "定期注册申请表" in html


def test_a_longer_promise_is_refused_in_the_admin_and_keeps_the_input(jyj_catalogue, demo_user):
    response = add_item_as("jyj_editor", jyj_catalogue, demo_user, promised_limit="30")
    assert response.status_code == 200
    html = response.content.decode()
    assert "承诺时限（30个工作日）不得超过法定时限（20个工作日）" in html
    assert TITLE in html and "定期注册申请表" in html
    assert not ServiceItemPage.objects.filter(slug="jszc").exists()


def test_another_sites_editor_cannot_add_items_here(jyj_catalogue, demo_user):
    client = SecondFactorClient()
    client.force_login(demo_user("fgw_editor"))
    response = client.get(f"/admin/pages/add/services/serviceitempage/{jyj_catalogue.pk}/", HTTP_HOST="jyj.localhost")
    assert response.status_code in (302, 403)
    assert Page.objects.filter(slug="jszc").count() == 0
