"""The search as citizens type: pinyin, homophones, everyday words, a single
character, 您是不是要找, licensing items first, suggestions and popular queries."""
from __future__ import annotations

import pytest

from search import pinyin, querylog, suggest, synonyms
from search.service import parse_params, run_search
from tests.casekernel_app.models import PublicNote

from .conftest import EngineSwitch

NOTES = [
    "关于做好建设工程消防验收工作的通知",
    "税收征管服务指引",
    "纳税信用评价办法",
    "西安路改造工程公示",
    "先行区建设规划",
]


@pytest.fixture(scope="module")
def demo_index(tmp_path_factory, django_db_setup, django_db_blocker):
    """The demo cluster (its licensing items among it) and a few notes on tantivy."""
    from haystack import connections

    from search.rebuild import rebuild

    with EngineSwitch("tantivy", tmp_path_factory.mktemp("citizen")):
        with django_db_blocker.unblock():
            rebuild(stream=None)
            index = connections["default"].get_unified_index().get_index(PublicNote)
            notes = [PublicNote(pk=900000 + i, title=t, body=t, published=True) for i, t in enumerate(NOTES)]
            connections["default"].get_backend().update(index, notes)
            suggest.warm()
        yield


def search(q, **filters):
    return run_search(parse_params({"q": q, **filters}))


def titles(q):
    return [h.title for h in search(q).hits[:10]]


def test_latin_runs_are_cut_into_syllables_every_way():
    assert pinyin.segmentations("xian") == [["xian"], ["xi", "an"]]
    assert pinyin.segmentations("xingzhengxuke") == [["xing", "zheng", "xu", "ke"]]
    assert pinyin.segmentations("xzxk") == []
    assert pinyin.query_readings("行政xuke") == [["xing", "zheng", "xu", "ke"]]


def test_index_fields_hold_the_readings_in_context():
    assert pinyin.pinyin_field("银行").split()[0] == "yinhang"
    assert "xingzheng" in pinyin.pinyin_field("行政").split()
    assert pinyin.initials_field("行政许可") == "xz zx xk"
    assert pinyin.fold("zhang") == "zan" and pinyin.fold("neng") == "len"


@pytest.mark.django_db
def test_ambiguous_pinyin_finds_both_readings(demo_index):
    # xian is read as 西安 (xi an) and as one syllable: xianxingqu as 先行区 and xi an xing qu
    assert "西安路改造工程公示" in titles("xian")
    assert "先行区建设规划" in titles("xianxingqu")
    assert "西安路改造工程公示" in titles("xi'an lu")


@pytest.mark.django_db
def test_pinyin_full_spaced_mixed_and_initials(demo_index):
    for q in ("xiaofangyanshou", "xiao fang yan shou", "消防yanshou", "xfys"):
        assert "关于做好建设工程消防验收工作的通知" in titles(q), q


@pytest.mark.django_db
def test_a_homophone_typo_finds_the_document_and_offers_the_right_words(client, demo_index):
    result = search("消访验收")
    assert "关于做好建设工程消防验收工作的通知" in [h.title for h in result.hits]
    assert result.did_you_mean == "消防验收"
    page = client.get("/search/", {"q": "消访验收"}, HTTP_HOST="www.localhost").content.decode()
    assert "您是不是要找" in page and "?q=%E6%B6%88%E9%98%B2%E9%AA%8C%E6%94%B6" in page
    api = client.get("/api/v1/search/", {"q": "消访验收"}, HTTP_HOST="www.localhost").json()
    assert api["did_you_mean"] == "消防验收"
    # a query that finds what it names offers nothing
    assert search("消防验收").did_you_mean == ""


@pytest.mark.django_db
def test_a_single_character_finds_the_words_containing_it(demo_index):
    found = titles("税")
    assert "税收征管服务指引" in found and "纳税信用评价办法" in found


@pytest.mark.django_db
def test_everyday_words_lead_to_the_licensing_item_and_its_apply_link(client, demo_index):
    result = search("开饭店")
    assert result.leads and result.leads[0].title == "食品经营许可"
    assert result.hits[0].title == "食品经营许可" and result.hits[0].lead
    assert result.leads[0].apply_url
    page = client.get("/search/", {"q": "开饭店"}, HTTP_HOST="www.localhost").content.decode()
    assert "网上办事" in page and "在线办理" in page
    api = client.get("/api/v1/search/", {"q": "驾照"}, HTTP_HOST="www.localhost").json()
    assert api["results"][0]["lead"] and "机动车驾驶证" in api["results"][0]["title"]
    assert api["results"][0]["apply_url"]
    assert any("机动车驾驶证" in h.title for h in search("jiazhao").leads)


@pytest.mark.django_db
def test_only_licensing_items_lead_and_only_when_the_query_names_one(demo_index):
    # a notice's title holds the query: it stays an ordinary hit, with its snippet, not a lead
    result = search("元旦春节")
    assert result.hits and result.hits[0].title == "关于做好2027年元旦春节期间有关工作的通知"
    assert not result.leads and not result.hits[0].lead
    assert "<em>元旦春节</em>" in result.hits[0].snippet
    for q in ("开饭店", "驾照", "xzxk", "社保卡"):
        assert all(h.content_type == "service" for h in search(q).leads), q


@pytest.mark.django_db
def test_a_synonym_changed_in_the_admin_counts_at_once(client, demo_user, demo_index, django_capture_on_commit_callbacks):
    from search.models import Synonym

    client.force_login(demo_user("admin"))
    admin_client = client
    assert "税收征管服务指引" not in titles("完粮")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                "/admin/snippets/search/synonym/add/", {"term": "完粮", "official": "税收征管", "active": "on", "note": ""}
            )
        assert response.status_code == 302, response.content[:2000]
        assert "税收征管服务指引" in titles("完粮")
        syn = Synonym.objects.get(term="完粮")
        with django_capture_on_commit_callbacks(execute=True):
            syn.active = False
            syn.save()
        assert "税收征管服务指引" not in titles("完粮")
        listing = admin_client.get("/admin/snippets/search/synonym/", {"q": "驾照"}).content.decode()
        assert "机动车驾驶证" in listing
    finally:
        synonyms.bump()


@pytest.mark.django_db
def test_suggestions_by_characters_pinyin_and_initials(client, demo_index):
    def texts(q):
        response = client.get("/search/suggest/", {"q": q}, HTTP_HOST="en.localhost")
        assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
        return [s["text"] for s in response.json()["suggestions"]]

    assert any("机动车驾驶证" in t for t in texts("jiaz"))
    assert any("机动车驾驶证" in t for t in texts("驾"))
    assert "食品经营许可" in texts("spjy")
    assert "食品经营许可" in texts("shipin")
    assert texts("") == [] and texts("\x00") == []


@pytest.mark.django_db
def test_popular_queries_are_counted_without_personal_data_and_suggested(client, demo_index, settings):
    from search.models import QueryLog

    settings.SEARCH_SUGGEST_MIN_COUNT = 3
    for _ in range(3):
        search("纳税信用")
    search("13947100009")  # a phone number is never kept
    search("没有这种东西的查询词")  # found nothing: not counted
    querylog.flush()
    assert QueryLog.objects.get(query="纳税信用").count == 3
    assert not QueryLog.objects.filter(query__contains="1394").exists()
    assert not QueryLog.objects.filter(query__contains="没有这种").exists()
    suggest.warm()
    response = client.get("/search/suggest/", {"q": "nashuix"}, HTTP_HOST="www.localhost").json()
    assert {"text": "纳税信用", "kind": "popular", "url": ""} in response["suggestions"]


@pytest.mark.django_db
def test_every_registered_type_can_be_browsed_and_searched_through_the_api(client, demo_index):
    from search import registry

    for t in registry.types():
        for q in ("", "办理"):
            response = client.get("/api/v1/search/", {"content_type": t.name, "q": q}, HTTP_HOST="www.localhost")
            assert response.status_code == 200, (t.name, q, response.content[:300])
