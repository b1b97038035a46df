"""The demo catalogue: enough items, in enough departments, each with a full guide."""
from django.db.models import Count

from services.models import ServiceIndexPage, ServiceItemPage


def test_demo_builds_thirty_items_in_four_departments(db):
    items = ServiceItemPage.objects.live().filter(locale__language_code="zh-hans")
    assert items.count() >= 30
    per_org = items.values("organisation").annotate(n=Count("pk")).filter(n__gte=2)
    assert per_org.count() >= 4
    for item in items.prefetch_related("materials", "form_fields", "themes"):
        assert item.legal_basis and item.conditions and item.procedure, item.title
        assert 3 <= len(item.materials.all()) <= 6 or len(item.materials.all()) >= 2, item.title
        assert item.themes.all(), item.title
        assert item.keywords, item.title
        assert any(m.template_id and m.sample_id for m in item.materials.all()), item.title


def test_every_language_site_has_a_catalogue_with_translated_items(db):
    for code in ("zh-hans", "en", "mn-mong"):
        index = ServiceIndexPage.objects.live().get(locale__language_code=code, all_organisations=True)
        assert index.slug == "wsbs"
        assert index.items().count() >= 30, code
    food_en = ServiceItemPage.objects.get(locale__language_code="en", item_code="11150100MB0000708H-XK-001")
    assert food_en.title == "Food business licence"
    food_mn = ServiceItemPage.objects.get(locale__language_code="mn-mong", item_code="11150100MB0000708H-XK-001")
    assert "ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ" in food_mn.title
    assert food_mn.materials.count() == 5 and food_mn.themes.count() == 2
