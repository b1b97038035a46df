"""Public search through haystack on both embedded engines (Whoosh and tantivy),
over the demo cluster: the same tests, the same answers."""
import time

import pytest
from haystack.query import SearchQuerySet

from cluster.models import ArticlePage

TITLE = "关于做好2027年元旦春节期间有关工作的通知"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def search_index(engine):
    """The demo, rebuilt into a fresh index of each engine (tests/search/conftest.py)."""
    return engine


def sqs():
    return SearchQuerySet().models(ArticlePage)


def test_every_live_page_is_indexed(search_index):
    assert sqs().count() == ArticlePage.objects.live().public().count() > 0



def test_two_character_word_finds_article(search_index):
    results = sqs().auto_query("元旦")
    assert TITLE in [r.title for r in results]


def test_every_page_is_found_by_a_word_of_its_title_and_of_its_body(search_index):
    import re

    from cluster.search_indexes import ArticlePageIndex

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

    from search.analysis import chinese_analyzer, query_tokens
    from search.whoosh_backend import field_query

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


@pytest.mark.parametrize("query", ["元旦春节", "敕勒川", "通知", "元旦春節"])
def test_facet_counts_add_up_to_the_hits_of_a_text_query(search_index, query):
    """Counts are taken without ranking (cheaper); they must still count exactly
    the documents the ranked search finds, filters and all."""
    base = sqs().auto_query(query)
    narrowed = base.narrow('site_exact:"www.localhost"')
    for found in (base, narrowed):
        counts = found.facet("content_type").facet("site").facet_counts()["fields"]
        assert sum(n for _, n in counts["content_type"]) == found.count() > 0
        assert sum(n for _, n in counts["site"]) == found.count()


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


# --- disclosure documents: the catalogue's metadata as index fields --------------
def docs():
    from disclosure.models import DisclosureDocumentPage

    return SearchQuerySet().models(DisclosureDocumentPage)


def test_disclosure_fields_and_facets(search_index):
    from disclosure.models import DisclosureDocumentPage

    live = DisclosureDocumentPage.objects.live().public()
    assert docs().count() == live.count() > 0
    counts = docs().facet("organisation").facet("topic").facet("kind").facet("validity").facet("year").facet_counts()["fields"]
    orgs = dict(counts["organisation"])
    assert sum(orgs.values()) == live.count()
    assert set(orgs) == set(live.values_list("organisation__code", flat=True))
    assert dict(counts["kind"]) == {
        k: live.filter(doc_type=k).count() for k in set(live.values_list("doc_type", flat=True))
    }
    assert dict(counts["validity"]).get("repealed") == live.filter(validity="repealed").count()
    topics = {k: v for k, v in counts["topic"] if k}
    assert topics == {
        code: live.filter(topic__code=code).count() for code in set(live.exclude(topic=None).values_list("topic__code", flat=True))
    }
    doc = live.exclude(topic=None).first()
    result = docs().narrow('topic_exact:"%s"' % doc.topic.code)[0]
    assert result.topic == doc.topic.code and result.topic_name == doc.topic.name


def test_filters_on_year_range_and_validity(search_index):
    from disclosure.models import DisclosureDocumentPage

    live = DisclosureDocumentPage.objects.live().public()
    years = sorted({d.year for d in live.values_list("publish_date", flat=True)})
    newest = years[-1]
    assert docs().filter(year__gte=newest).count() == live.filter(publish_date__year__gte=newest).count()
    assert docs().filter(year__lt=newest).count() == live.filter(publish_date__year__lt=newest).count()
    assert docs().filter(year__in=years[:2]).count() == live.filter(publish_date__year__in=years[:2]).count()
    repealed = docs().narrow('validity_exact:"repealed"')
    assert repealed.count() == live.filter(validity="repealed").count()
    assert docs().exclude(validity="repealed").count() == live.exclude(validity="repealed").count()


def test_number_keys_find_the_document(search_index):
    from disclosure.models import DisclosureDocumentPage
    from disclosure.numbers import lookup_key

    doc = DisclosureDocumentPage.objects.live().exclude(doc_number="").first()
    typed = doc.doc_number.replace("〔", "[").replace("〕", "]")
    found = list(docs().narrow('doc_key:"%s"' % lookup_key(typed)))
    assert [int(r.pk) for r in found] == [doc.pk]
    found = list(docs().narrow('index_key:"%s"' % lookup_key(" " + doc.index_number.lower())))
    assert [int(r.pk) for r in found] == [doc.pk]


def test_more_like_this_says_it_is_not_offered(search_index):
    page = ArticlePage.objects.live().first()
    with pytest.raises(NotImplementedError, match="more_like_this"):
        list(SearchQuerySet().more_like_this(page))


def test_tantivy_exact_phrase_ranks_above_scattered_characters(tmp_path):
    """The tantivy engine's query pieces on a two-document index: the phrase wins."""
    from search.analysis import query_tokens

    from .bare import add, bare_backend, ids

    backend = bare_backend(tmp_path)
    with backend.writer() as writer:
        add(writer, backend, "scattered", "政务公开，服务群众，任务服从大局。政务与服务。")
        add(writer, backend, "phrase", "推进政务服务标准化。")
    assert ids(backend, backend.field_query("text", query_tokens("政務服務"))) == ["phrase", "scattered"]
