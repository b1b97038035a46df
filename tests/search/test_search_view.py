"""The cluster-wide search box: every site finds every site's published content,
facets narrow it, bad input never breaks it, and the index follows publishing."""

import html

import pytest
from django.utils import timezone

from cluster.models import ArticlePage, ColumnPage

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def search(client, host="fgw.localhost", **params):
    response = client.get("/search/", params, HTTP_HOST=host)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.fixture
def indexed(django_db_blocker):
    """The demo as indexed while it was loaded (publishing queued each page)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("rebuild_index", interactive=False, verbosity=0)


def test_any_site_finds_other_sites_content_by_a_two_character_word(client, indexed):
    page = search(client, host="jyj.localhost", q="元旦")
    assert "关于做好2027年元旦春节期间有关工作的通知" in page
    assert "http://www.localhost/tzgg/" in page  # links to the page on the site that owns it
    assert "<em>元旦</em>" in page


def test_finds_disclosure_documents_by_document_number(client, indexed):
    from disclosure.models import DisclosureDocumentPage

    doc = DisclosureDocumentPage.objects.exclude(doc_number="").first()
    page = search(client, q=doc.doc_number)
    assert doc.title in page
    page = search(client, q=doc.index_number)
    assert doc.title in page


def test_traditional_characters_find_simplified_text(client, indexed):
    assert "敕勒川市重点项目管理办法" in search(client, q="重點項目")


def test_facets_by_site_type_and_year(client, indexed):
    page = search(client, q="通知")
    assert "敕勒川市教育局 <span class=\"count\">(" in page and "政府信息公开 <span class=\"count\">(" in page
    narrowed = search(client, q="通知", site="jyj.localhost")
    assert "关于做好2027年元旦春节期间有关工作的通知" not in narrowed
    assert "jyj.localhost" in narrowed
    only_docs = search(client, q="通知", type="disclosure")
    assert "/zfxxgk/" in only_docs and "/tzgg/" not in only_docs.split("search-results")[1]


@pytest.mark.parametrize(
    "query",
    ['"', "(((", "AND OR NOT", "*?~:", "标题:", "<script>alert(1)</script>", "\u0000𠀀", "' OR 1=1 --", "ᠮᠣᠩᠭᠣᠯ"],
)
def test_odd_queries_give_results_or_a_clear_message(client, indexed, query):
    page = search(client, q=query)
    assert "找到" in page
    raw = client.get("/search/", {"q": query}, HTTP_HOST="fgw.localhost").content.decode()
    assert "<script>alert(1)</script>" not in raw


def test_a_very_long_query_is_cut_with_a_message(client, indexed):
    page = search(client, q="政务" * 3000)
    assert "搜索词过长" in page


def test_junk_filters_and_pages_are_ignored(client, indexed):
    page = search(client, q="政务", site="evil.example", type="x", year="20x6", page="abc", sort="drop")
    assert "找到" in page


def test_empty_query_asks_for_a_word(client):
    assert "请输入要搜索的关键词" in search(client, q="   ")


def test_index_follows_publish_and_unpublish(client, fgw, django_capture_on_commit_callbacks):
    column = ColumnPage.objects.child_of(fgw.root_page).get(slug="tzgg")
    article = ArticlePage(title="关于开展烽燧遗址巡查的通知", slug="beacon-patrol", kind="notice", publish_date=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        column.add_child(instance=article)
        article.save_revision().publish()
    assert "关于开展烽燧遗址巡查的通知" in search(client, q="烽燧")
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert "关于开展烽燧遗址巡查的通知" not in search(client, q="烽燧")
