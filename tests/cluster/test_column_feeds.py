"""RSS 2.0 and Atom feeds of the news and notice columns (政务动态, 通知公告) on
every language site: linked from the column's head, in the column's language,
newest first, absolute links to the site's own host, published articles only."""

import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.utils.dateparse import parse_datetime
from wagtail.models import Site

from cluster import service
from cluster.models import ArticlePage, ColumnPage

pytestmark = [pytest.mark.django_db]

ATOM = "{http://www.w3.org/2005/Atom}"
HAN = re.compile(r"[\u4e00-\u9fff]")
MONGOLIAN = re.compile(r"[\u1800-\u18af]")
LANGUAGES = {"www.localhost": "zh-Hans", "en.localhost": "en", "mgl.localhost": "mn-Mong"}


def column(host: str, slug: str) -> ColumnPage:
    return ColumnPage.objects.child_of(Site.objects.get(hostname=host).root_page).get(slug=slug)


def newest_titles(col: ColumnPage) -> list[str]:
    return list(
        ArticlePage.objects.child_of(col).live().public().order_by("-publish_date", "-pk").values_list("title", flat=True)
    )


def rss(client, host, slug):
    response = client.get(f"/{slug}/feed/rss/", HTTP_HOST=host)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def atom(client, host, slug):
    response = client.get(f"/{slug}/feed/atom/", HTTP_HOST=host)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


@pytest.mark.parametrize("host", sorted(LANGUAGES))
@pytest.mark.parametrize("slug", ["zwdt", "tzgg"])
def test_column_page_links_its_feeds(client, host, slug):
    html = client.get(f"/{slug}/", HTTP_HOST=host).content.decode()
    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head and f'href="/{slug}/feed/rss/"' in head
    assert '<link rel="alternate" type="application/atom+xml"' in head and f'href="/{slug}/feed/atom/"' in head


@pytest.mark.parametrize("host", sorted(LANGUAGES))
@pytest.mark.parametrize("slug", ["zwdt", "tzgg"])
def test_rss_lists_the_columns_articles_newest_first_in_its_language(client, host, slug):
    col = column(host, slug)
    expected = newest_titles(col)
    assert expected, "the demo column has articles"
    channel = rss(client, host, slug)
    assert channel.findtext("language") == LANGUAGES[host]
    title, description = channel.findtext("title"), channel.findtext("description")
    assert col.title in title and description
    if host == "en.localhost":
        assert not HAN.search(title + description), (title, description)
    if host == "mgl.localhost":
        assert MONGOLIAN.search(title) and not HAN.search(title), title
    assert channel.findtext("link") == f"http://{host}/{slug}/"

    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == expected
    dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True)
    for item in items:
        assert item.findtext("link").startswith(f"http://{host}/{slug}/")
        assert item.findtext("guid") == item.findtext("link")


@pytest.mark.parametrize("host", sorted(LANGUAGES))
def test_atom_feed_is_valid_and_newest_first(client, host):
    col = column(host, "zwdt")
    feed = atom(client, host, "zwdt")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == LANGUAGES[host]
    assert feed.findtext(f"{ATOM}title") and feed.findtext(f"{ATOM}id") and feed.findtext(f"{ATOM}updated")
    self_link = [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link == [f"http://{host}/zwdt/feed/atom/"]
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == newest_titles(col)
    updated = [parse_datetime(e.findtext(f"{ATOM}updated")) for e in entries]
    assert all(updated) and updated == sorted(updated, reverse=True)
    for entry in entries:
        assert entry.findtext(f"{ATOM}id")
        assert entry.find(f"{ATOM}link").get("href").startswith(f"http://{host}/zwdt/")


@pytest.mark.parametrize("host", sorted(LANGUAGES))
def test_unpublished_articles_leave_the_feeds(client, host):
    col = column(host, "zwdt")
    article = ArticlePage.objects.child_of(col).live().order_by("-publish_date", "-pk").first()
    assert article.title in [i.findtext("title") for i in rss(client, host, "zwdt").findall("item")]
    article.unpublish()
    assert article.title not in [i.findtext("title") for i in rss(client, host, "zwdt").findall("item")]
    entries = atom(client, host, "zwdt").findall(f"{ATOM}entry")
    assert article.title not in [e.findtext(f"{ATOM}title") for e in entries]


def test_a_pushed_article_is_in_the_feed_under_the_columns_own_host(client, demo_user):
    portal, fgw = Site.objects.get(hostname="www.localhost"), Site.objects.get(hostname="fgw.localhost")
    article = ArticlePage.objects.live().descendant_of(fgw.root_page).order_by("-publish_date", "-pk").first()
    [offer] = service.offer_article(article=article, target_sites=[portal], user=demo_user("fgw_editor"))
    service.accept_syndication(syndication=offer, column=column("www.localhost", "zwdt"), user=demo_user("www_editor"))
    links = {i.findtext("title"): i.findtext("link") for i in rss(client, "www.localhost", "zwdt").findall("item")}
    assert links[article.title] == f"http://www.localhost/zwdt/shared/{article.pk}/"
