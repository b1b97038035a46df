import pytest

from cluster.models import Organisation
from services.models import ServiceIndexPage, ServiceItemPage

FOOD = "11150100MB0000708H-XK-001"  # 食品经营许可, the demo's fullest guide


@pytest.fixture
def portal_catalogue(db) -> ServiceIndexPage:
    return ServiceIndexPage.objects.get(locale__language_code="zh-hans", all_organisations=True)


@pytest.fixture
def food_item(db) -> ServiceItemPage:
    return ServiceItemPage.objects.get(locale__language_code="zh-hans", item_code=FOOD)


@pytest.fixture
def market(db) -> Organisation:
    return Organisation.objects.get(code="11150100MB0000708H")

