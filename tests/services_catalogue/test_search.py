"""The cluster search finds an item by its name, its code and the everyday
words citizens type, and its hit carries the item code and the apply link."""
import pytest
from django.test import Client

from search import service
from services.search_indexes import code_key, looks_like_code

from ..search.conftest import EngineSwitch

FOOD = "11150100MB0000708H-XK-001"


@pytest.fixture(scope="module")
def whoosh_index(tmp_path_factory, django_db_setup, django_db_blocker):
    from search.rebuild import rebuild

    with EngineSwitch("whoosh", tmp_path_factory.mktemp("services-whoosh")) as switch:
        with django_db_blocker.unblock():
            rebuild(stream=None)
        yield switch


def search(q, **filters):
    return service.run_search(service.parse_params({"q": q, **filters}))


def service_hits(result):
    return [h for h in result.hits if h.content_type == "service"]


@pytest.mark.parametrize("query, title", [
    ("食品经营许可", "食品经营许可"),        # its name
    ("开饭店", "食品经营许可"),              # what a citizen says
    ("驾照到期", "机动车驾驶证换证"),
    ("社保卡", "社会保障卡申领"),
    ("生二胎", "生育登记"),
    ("摆摊", "个体工商户登记"),
])
def test_item_found_by_name_and_everyday_words(whoosh_index, db, query, title):
    titles = [h.title for h in service_hits(search(query))]
    assert title in titles[:5], (query, titles)


def test_item_found_by_its_code_however_typed(whoosh_index, db):
    for typed in (FOOD, FOOD.lower(), FOOD.replace("-", "")):
        result = search(typed)
        assert result.hits and result.hits[0].title == "食品经营许可", typed
        assert result.hits[0].exact and result.hits[0].item_code == FOOD


def test_kind_and_theme_facets_narrow_to_items(whoosh_index, db):
    result = search("登记", type="licence", theme="jiaotong")
    titles = {h.title for h in result.hits}
    assert "机动车注册登记" in titles
    assert all(h.content_type == "service" for h in result.hits)
    assert "出生登记" not in titles  # a 行政确认 of another theme


def test_search_page_shows_code_and_apply_link(whoosh_index, db):
    html = Client().get("/search/", {"q": "开饭店"}, HTTP_HOST="www.localhost").content.decode()
    assert "食品经营许可" in html and FOOD in html
    from services.models import ServiceItemPage

    item = ServiceItemPage.objects.get(item_code=FOOD, locale__language_code="zh-hans")
    if item.apply_url():
        assert f'href="{item.apply_url()}"' in html


def test_code_key_and_detection():
    assert code_key(" 11150100mb0000708h-xk-001 ") == "11150100MB0000708HXK001"
    assert looks_like_code(FOOD) and not looks_like_code("开饭店") and not looks_like_code("license")
