"""The disclosure section of every organisation's site: hub menu, guide, rules,
annual-report list, and the RSS/Atom feeds of the catalogue."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from disclosure.models import DisclosureDocumentPage, DisclosureIndexPage, Topic

pytestmark = [pytest.mark.django_db, pytest.mark.services]

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("host", ["www.localhost", "fgw.localhost", "jyj.localhost", "byhq.localhost"])
def test_every_site_has_the_disclosure_sections(client, host):
    html = client.get("/zfxxgk/", HTTP_HOST=host).content.decode()
    for label, href in (
        ("政府信息公开指南", "/zfxxgk/xxgkzn/"),
        ("政府信息公开制度", "/zfxxgk/xxgkzd/"),
        ("法定主动公开内容", "#catalogue"),
        ("政府信息公开工作年度报告", "/zfxxgk/xxgknb/"),
        ("依申请公开", "/yisqgk/"),
    ):
        assert label in html and href in html, (host, label)
    for path in ("/zfxxgk/xxgkzn/", "/zfxxgk/xxgkzd/", "/zfxxgk/xxgknb/"):
        assert client.get(path, HTTP_HOST=host).status_code == 200, (host, path)


def test_guide_tells_office_address_hours_phone_and_time_limit(client):
    html = client.get("/zfxxgk/xxgkzn/", HTTP_HOST="jyj.localhost").content.decode()
    for text in ("敕勒川市教育局", "敕勒川市昭君路36号", "8:30", "0471-6605678", "20个工作日", "依申请公开"):
        assert text in html, text


def test_report_list_shows_the_years_newest_first(client):
    html = client.get("/zfxxgk/xxgknb/", HTTP_HOST="fgw.localhost").content.decode()
    assert html.index("2026年政府信息公开工作年度报告") < html.index("2025年政府信息公开工作年度报告")


def _catalogue(host):
    return DisclosureIndexPage.objects.get(url_path__endswith="/zfxxgk/", url_path__startswith=f"/{host.split('.')[0]}/")


def test_catalogue_links_its_feeds(client):
    html = client.get("/zfxxgk/", HTTP_HOST="fgw.localhost").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/zfxxgk/feed/rss/"' in html and 'href="/zfxxgk/feed/atom/"' in html
    html = client.get("/zfxxgk/?topic=mm", HTTP_HOST="www.localhost").content.decode()
    assert "/zfxxgk/feed/rss/?topic=mm" in html


def test_rss_feed_lists_the_organisations_newest_documents(client):
    response = client.get("/zfxxgk/feed/rss/", HTTP_HOST="fgw.localhost")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    docs = list(_catalogue("fgw.localhost").documents()[:3])
    assert [i.findtext("title") for i in items[:3]] == [d.title for d in docs]
    first = items[0]
    assert first.findtext("link") == docs[0].full_url and docs[0].full_url.startswith("http://fgw.localhost/zfxxgk/")
    assert docs[0].index_number in first.findtext("description")
    assert docs[0].index_number in [c.text for c in first.findall("category")]
    assert first.findtext("pubDate")
    assert all("敕勒川市教育局" not in (i.findtext("description") or "") for i in items)


def test_portal_atom_feed_covers_all_organisations_and_filters_by_topic(client):
    response = client.get("/zfxxgk/feed/atom/", HTTP_HOST="www.localhost")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    hosts = {e.find(f"{ATOM}link").get("href").split("/")[2] for e in entries}
    assert {"www.localhost", "fgw.localhost", "jyj.localhost", "byhq.localhost"} <= hosts
    assert all(e.findtext(f"{ATOM}updated") for e in entries)

    feed = ET.fromstring(client.get("/zfxxgk/feed/atom/?topic=mm", HTTP_HOST="www.localhost").content)
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert "白音花旗人民政府关于禁牧休牧的通告" in titles
    assert all(Topic.objects.get(code="mm") in (d.topic, d.topic.parent) for d in DisclosureDocumentPage.objects.filter(title__in=titles))
    # an unknown topic is ignored, not an error
    assert client.get("/zfxxgk/feed/rss/?topic=<x>", HTTP_HOST="www.localhost").status_code == 200


def test_feed_escapes_markup_in_titles_and_summaries(client):
    catalogue = _catalogue("jyj.localhost")
    org = catalogue.documents().first().organisation
    page = DisclosureDocumentPage(
        title="关于<script>alert(1)</script>&“测试”的通知", slug="feed-escape", organisation=org,
        summary="A & B <b>粗体</b>", publish_date=timezone.localdate(),
        body=[("paragraph", RichText("<p>正文</p>"))],
    )
    catalogue.add_child(instance=page)
    page.save_revision().publish()
    for path in ("/zfxxgk/feed/rss/", "/zfxxgk/feed/atom/"):
        body = client.get(path, HTTP_HOST="jyj.localhost").content
        assert b"<script>" not in body
        tree = ET.fromstring(body)  # still well-formed XML
        assert "关于<script>alert(1)</script>&“测试”的通知" in [t.text for t in tree.iter() if t.tag.endswith("title")]
