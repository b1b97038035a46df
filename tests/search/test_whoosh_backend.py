"""Public search through haystack on the Chinese Whoosh engine, over the demo cluster."""
import time

import pytest
from django.test import override_settings
from haystack import connections
from haystack.query import SearchQuerySet

from cluster.models import ArticlePage
from disclosure.search.indexing import rebuild

ENGINE = "disclosure.search.whoosh_backend.ChineseWhooshEngine"
TITLE = "关于做好2027年元旦春节期间有关工作的通知"

pytestmark = pytest.mark.django_db

TIMINGS = {}


@pytest.fixture(scope="module")
def search_index(tmp_path_factory, django_db_setup, django_db_blocker):
    path = tmp_path_factory.mktemp("whoosh")
    conf = {"default": {"ENGINE": ENGINE, "PATH": str(path)}}
    saved = connections.connections_info
    override = override_settings(HAYSTACK_CONNECTIONS=conf)
    override.enable()
    connections.connections_info = conf
    connections.reload("default")
    try:
        with django_db_blocker.unblock():
            start = time.perf_counter()
            rebuild()  # haystack's rebuild_index, by class (see disclosure.search.indexing)
            TIMINGS["rebuild"] = time.perf_counter() - start
            TIMINGS["pages"] = ArticlePage.objects.live().public().count()
        yield path
    finally:
        override.disable()
        connections.connections_info = saved
        connections.reload("default")


def sqs():
    return SearchQuerySet().models(ArticlePage)


def test_every_live_page_is_indexed(search_index):
    assert sqs().count() == ArticlePage.objects.live().public().count() > 0
    print("indexed %(pages)d pages in %(rebuild).2f s" % TIMINGS)


def test_two_character_word_finds_article(search_index):
    results = sqs().auto_query("元旦")
    assert TITLE in [r.title for r in results]


def test_every_page_is_found_by_a_word_of_its_title_and_of_its_body(search_index):
    import re

    from disclosure.search_indexes import ArticlePageIndex

    han = re.compile(r"[\u4e00-\u9fff]{2,}")
    for page in ArticlePage.objects.live().public():
        for source in (page.title, ArticlePageIndex.body_text(page)):
            runs = han.findall(source)
            if not runs:
                continue
            word = max(runs, key=len)[:2]
            pks = {int(r.pk) for r in sqs().auto_query(word)[:200]}
            assert page.pk in pks, (word, page.title)


def test_title_query_finds_notice(search_index):
    results = list(sqs().auto_query("元旦春节")[:10])
    assert results and results[0].title == TITLE
    assert results[0].site == "www.localhost"


def test_traditional_query_finds_simplified_article(search_index):
    results = list(sqs().auto_query("元旦春節期間有關工作")[:5])
    assert results and results[0].title == TITLE
    assert list(sqs().filter(content="電子政務")) == list(sqs().filter(content="电子政务"))


def test_title_match_ranks_above_body_only_match(search_index):
    results = list(sqs().auto_query("敕勒川")[:50])
    in_title = [("敕勒川" in r.title) for r in results]
    assert any(in_title) and not all(in_title)  # both kinds are there
    # every title hit comes before every body-only hit
    assert in_title == sorted(in_title, reverse=True)


def test_exact_phrase_ranks_above_scattered_characters(tmp_path):
    """Same engine pieces, on a two-document index: the phrase wins."""
    from whoosh import index
    from whoosh.fields import ID, TEXT, Schema

    from disclosure.search.analysis import chinese_analyzer, query_tokens
    from disclosure.search.whoosh_backend import field_query

    schema = Schema(id=ID(stored=True), body=TEXT(analyzer=chinese_analyzer(), stored=True))
    ix = index.create_in(str(tmp_path), schema)
    with ix.writer() as w:
        w.add_document(id="scattered", body="政务公开，服务群众，任务服从大局。政务与服务。")
        w.add_document(id="phrase", body="推进政务服务标准化。")
    with ix.searcher() as s:
        hits = [h["id"] for h in s.search(field_query("body", query_tokens("政務服務")))]
    assert hits == ["phrase", "scattered"]


def test_highlight_marks_chinese_matches(search_index):
    results = list(sqs().auto_query("元旦春節").highlight()[:3])
    snippet = results[0].highlighted["text"][0]
    assert "<em>元旦春节</em>" in snippet
    assert "<script" not in snippet


def test_facets_on_site_and_year(search_index):
    counts = sqs().facet("site").facet("year").facet("content_type").facet_counts()
    sites = dict(counts["fields"]["site"])
    years = dict(counts["fields"]["year"])
    assert sites["www.localhost"] > 0
    assert sum(sites.values()) == sqs().count()
    assert all(isinstance(y, int) for y in years) and sum(years.values()) == sqs().count()
    assert dict(counts["fields"]["content_type"]) == {"article": sqs().count()}


def test_facets_follow_the_query(search_index):
    counts = sqs().auto_query("元旦春节").facet("site").facet_counts()
    assert dict(counts["fields"]["site"]).get("www.localhost", 0) >= 1


def test_narrow_filter_and_order_by_date(search_index):
    www = sqs().narrow('site_exact:"www.localhost"')
    assert 0 < www.count() < sqs().count()
    assert {r.site for r in www[:50]} == {"www.localhost"}
    assert sqs().filter(site="www.localhost").count() == www.count()
    newest = list(sqs().order_by("-date")[:20])
    dates = [r.date for r in newest]
    assert dates == sorted(dates, reverse=True)
    year = dates[0].year
    assert all(r.year == year for r in sqs().filter(year=year)[:50])


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        '"',
        "(((",
        ")))",
        "AND OR",
        "NOT",
        "title:",
        "*",
        "?",
        "~",
        "a" * 5000,
        "政务" * 3000,
        "<script>alert(1)</script>",
        "𠀀\u0000",
        "\ud800",
        "' OR 1=1 --",
        "hsqmarker:zz",
        "[* TO *]",
        "政务 -服务 \"营商 环境\" title:(政务) ^2",
    ],
)
def test_odd_queries_never_raise(search_index, query):
    for s in (sqs().auto_query(query), sqs().filter(content=query), sqs().filter(title=query)):
        results = list(s.highlight()[:5])
        assert isinstance(results, list)


def test_query_latency(search_index):
    queries = ["营商环境", "政务服务", "元旦春节", "常务会议", "電子政務", "2027", "通知"]
    for q in queries:  # warm
        list(sqs().auto_query(q)[:10])
    times = []
    for q in queries * 3:
        start = time.perf_counter()
        list(sqs().auto_query(q)[:10])
        times.append(time.perf_counter() - start)
    times.sort()
    start = time.perf_counter()
    sqs().auto_query("政务").facet("site").facet("year").facet_counts()
    facet_ms = (time.perf_counter() - start) * 1000
    print("query p50 %.1f ms, max %.1f ms, with facets %.1f ms" % (times[len(times) // 2] * 1000, times[-1] * 1000, facet_ms))
    assert times[len(times) // 2] < 0.5
