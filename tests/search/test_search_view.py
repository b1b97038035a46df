"""The cluster-wide search page on both engines: every site finds every site's
published content, facets narrow it, numbers find their document, bad input
never breaks it."""
import html
import re

import pytest

pytestmark = [pytest.mark.django_db]


def search(client, host="fgw.localhost", **params):
    response = client.get("/search/", params, HTTP_HOST=host)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def results_part(page: str) -> str:
    return page.split('class="search-results"')[1].split("</ol>")[0] if 'class="search-results"' in page else ""


def test_any_site_finds_other_sites_content_by_a_two_character_word(client, engine):
    page = search(client, host="jyj.localhost", q="元旦")
    assert "关于做好2027年元旦春节期间有关工作的通知" in page
    assert "http://www.localhost/tzgg/" in page  # links to the page on the site that owns it
    assert "<em>元旦</em>" in page


def test_finds_disclosure_documents_by_number_with_any_brackets(client, engine):
    from disclosure.models import DisclosureDocumentPage

    for doc in DisclosureDocumentPage.objects.live().exclude(doc_number="")[:3]:
        for typed in (
            doc.doc_number,
            doc.doc_number.replace("〔", "[").replace("〕", "]"),
            doc.doc_number.replace("〔", "［").replace("〕", "］"),
            doc.doc_number.replace("〔", "（").replace("〕", "）"),
        ):
            first = results_part(search(client, q=typed)).split("</li>")[0]
            assert doc.title in first and 'class="exact"' in first, typed
        first = results_part(search(client, q=doc.index_number)).split("</li>")[0]
        assert doc.title in first


def test_traditional_characters_find_simplified_text(client, engine):
    assert "敕勒川市重点项目管理办法" in search(client, q="重點項目")


def test_facets_by_site_type_and_year(client, engine):
    page = search(client, q="通知")
    assert "敕勒川市教育局 <span class=\"count\">(" in page and "政府信息公开 <span class=\"count\">(" in page
    narrowed = search(client, q="通知", site="jyj.localhost")
    assert "关于做好2027年元旦春节期间有关工作的通知" not in narrowed
    assert "jyj.localhost" in narrowed
    only_docs = search(client, q="通知", content_type="disclosure")
    assert "/zfxxgk/" in only_docs and "/tzgg/" not in results_part(only_docs)


def test_facets_for_organisation_topic_type_and_validity_narrow_the_results(client, engine):
    from disclosure.models import DisclosureDocumentPage

    repealed = DisclosureDocumentPage.objects.live().filter(validity="repealed").first()
    page = search(client, content_type="disclosure")  # browsing by a filter, without words
    for title in ("发布机构", "主题分类", "体裁", "有效性", "年份"):
        assert f">{title}</h2>" in page
    counts = dict(re.findall(r'>(废止|有效) <span class="count">\((\d+)\)', page))
    live = DisclosureDocumentPage.objects.live().public()
    assert int(counts["废止"]) == live.filter(validity="repealed").count()
    only = search(client, content_type="disclosure", validity="repealed")
    assert repealed.title in only
    assert f"找到 {live.filter(validity='repealed').count()} 条结果" in only
    org = repealed.organisation
    by_org = search(client, content_type="disclosure", organisation=org.code)
    assert f"找到 {live.filter(organisation=org).count()} 条结果" in by_org
    assert all(f"索引号 {org.code}/" in li for li in results_part(by_org).split("</li>")[:-1])
    doc = live.exclude(topic=None).first()
    by_topic = search(client, topic=doc.topic.code)
    assert doc.title in by_topic and f"找到 {live.filter(topic=doc.topic).count()} 条结果" in by_topic
    by_type = search(client, type="regulation")
    assert f"找到 {live.filter(doc_type='regulation').count()} 条结果" in by_type


def test_sort_by_date_and_pages(client, engine):
    page = search(client, q="敕勒川", sort="date")
    dates = re.findall(r'<time datetime="([\d-]+)"', results_part(page))
    assert dates and dates == sorted(dates, reverse=True)
    total = int(re.search(r"找到 (\d+) 条结果", page).group(1))
    assert total > 20 and "第 1 页，共" in page and 'rel="next"' in page
    second = search(client, q="敕勒川", sort="date", page="2")
    assert "第 2 页，共" in second and 'rel="prev"' in second
    # several sites have pages of the same title (e.g. 政府信息公开制度): compare links
    first_links = set(re.findall(r'<h2><a href="([^"]+)"', results_part(page)))
    second_links = set(re.findall(r'<h2><a href="([^"]+)"', results_part(second)))
    assert second_links and not (first_links & second_links)
    beyond = search(client, q="敕勒川", page="400")  # past the end: the last page
    assert "共" in beyond and "<h2><a" in beyond


@pytest.mark.parametrize(
    "query",
    ['"', "(((", "AND OR NOT", "*?~:", "标题:", "<script>alert(1)</script>", "\u0000𠀀", "' OR 1=1 --",
     "ᠮᠣᠩᠭᠣᠯ", "\u202e\u200b\ufeff政务", "title:(x) ^2 [* TO *]", "%00%ff", "🙂🙂"],
)
def test_odd_queries_give_results_or_a_clear_message(client, engine, query):
    page = search(client, q=query)
    assert "找到" in page
    raw = client.get("/search/", {"q": query}, HTTP_HOST="fgw.localhost").content.decode()
    assert "<script>alert(1)</script>" not in raw


def test_invalid_utf8_and_lone_surrogates_in_the_address(client, engine):
    response = client.get("/search/?q=%ED%A0%80%E6%94%BF%E5%8A%A1%FF&site=%00", HTTP_HOST="fgw.localhost")
    assert response.status_code == 200
    assert "找到" in response.content.decode()


def test_a_very_long_query_is_cut_with_a_message(client, engine):
    page = search(client, q="政务" * 5000)
    assert "搜索词过长" in page and "找到" in page


def test_junk_filters_and_pages_are_ignored(client, engine):
    page = search(client, q="政务", site="evil.example", content_type="x", year="20x6", page="abc", sort="drop",
                  organisation="' OR 1=1", topic="<b>")
    assert "找到" in page


def test_empty_query_asks_for_a_word(client):
    assert "请输入要搜索的关键词" in search(client, q="   ")
