"""Each site of the cluster answers on its own host name, in its own theme."""

import html as htmllib

import pytest

from cluster.models import ArticlePage, ColumnPage

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.mark.parametrize(
    "host,name",
    [
        ("www.localhost", "敕勒川市人民政府门户网站"),
        ("fgw.localhost", "敕勒川市发展和改革委员会"),
        ("jyj.localhost", "敕勒川市教育局"),
        ("byhq.localhost", "白音花旗人民政府"),
        ("en.localhost", "Chilechuan Municipal People's Government"),
        ("mgl.localhost", "ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠭᠠᠵᠠᠷ"),
    ],
)
def test_each_host_serves_its_own_home(client, host, name):
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 200
    assert name in htmllib.unescape(response.content.decode())


def test_portal_and_department_use_their_themes(client):
    portal = client.get("/", HTTP_HOST="www.localhost").content.decode()
    fgw = client.get("/", HTTP_HOST="fgw.localhost").content.decode()
    assert "themes/portal/theme.css" in portal and "theme-portal" in portal
    assert "themes/department/theme.css" in fgw and "theme-department" in fgw


def test_same_path_differs_per_host(client):
    portal = client.get("/tzgg/", HTTP_HOST="www.localhost").content.decode()
    fgw = client.get("/tzgg/", HTTP_HOST="fgw.localhost").content.decode()
    assert "关于做好2027年元旦春节期间有关工作的通知" in portal
    assert "关于做好2027年元旦春节期间有关工作的通知" not in fgw
    assert "关于开展2027年市级重点项目申报工作的通知" in fgw


def test_page_urls_use_their_own_sites_host(portal, fgw):
    article = ArticlePage.objects.live().filter(url_path__startswith=fgw.root_page.url_path).first()
    assert article.full_url.startswith("http://fgw.localhost/")
    portal_column = ColumnPage.objects.child_of(portal.root_page).first()
    assert portal_column.full_url.startswith("http://www.localhost/")


def test_article_shows_metadata_and_attachments(client, fgw):
    article = ArticlePage.objects.live().filter(
        url_path__startswith=fgw.root_page.url_path, attachments__isnull=False
    ).first()
    html = client.get(article.url, HTTP_HOST="fgw.localhost").content.decode()
    assert article.title in html
    assert "发布日期" in html and "信息来源" in html and "敕勒川市发展和改革委员会" in html
    assert "(PDF," in html and "KB)" in html
    assert "(Excel," in html


def test_footer_carries_site_records(client):
    html = client.get("/", HTTP_HOST="jyj.localhost").content.decode()
    assert "网站标识码：1501000013" in html
    assert "蒙ICP备05001234号-3" in html
    assert "蒙公网安备 15010202000103号" in html


def test_unknown_path_gets_themed_404(client):
    response = client.get("/no-such-page/", HTTP_HOST="fgw.localhost")
    assert response.status_code == 404
    html = response.content.decode()
    assert "抱歉，您访问的页面不存在" in html
    assert "theme-department" in html


def test_cluster_sitemap_lists_every_site(client):
    html = client.get("/sitemap/", HTTP_HOST="fgw.localhost").content.decode()
    for name in ("敕勒川市人民政府门户网站", "敕勒川市教育局", "白音花旗人民政府"):
        assert name in html
    assert "http://jyj.localhost/tzgg/" in html


def test_column_paginates(client):
    response = client.get("/tzgg/?page=999", HTTP_HOST="www.localhost")
    assert response.status_code == 200
    response = client.get("/tzgg/?page=abc", HTTP_HOST="www.localhost")
    assert response.status_code == 200


def test_security_headers_on_public_pages(client):
    response = client.get("/", HTTP_HOST="www.localhost")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("host,lang", [("www.localhost", "zh-Hans"), ("mgl.localhost", "mn-Mong"), ("en.localhost", "en")])
def test_language_sites_are_tagged_and_joined(client, host, lang):
    html = client.get("/zwdt/", HTTP_HOST=host).content.decode()
    assert f'<html lang="{lang}"' in html
    # hreflang links join the three language versions of the same column
    for other in ("zh-Hans", "mn-Mong", "en"):
        assert f'hreflang="{other}"' in html


def test_site_manager_edits_only_their_own_site_profile(client, fgw, jyj, demo_user):
    from cluster.models import SiteProfile

    client.force_login(demo_user("fgw_signer"))
    own = client.get(f"/admin/settings/cluster/siteprofile/{fgw.pk}/")
    assert own.status_code == 200
    other = client.get(f"/admin/settings/cluster/siteprofile/{jyj.pk}/")
    assert other.status_code in (302, 403)
    profile = SiteProfile.for_site(fgw)
    data = {
        "site_name": profile.site_name, "organisation": profile.organisation_id, "theme": "portal",
        "site_code": profile.site_code, "icp_record": profile.icp_record, "police_record": profile.police_record,
        "police_record_code": profile.police_record_code, "address": profile.address, "postcode": profile.postcode,
        "phone": "0471-6609999", "email": profile.email,
    }
    response = client.post(f"/admin/settings/cluster/siteprofile/{fgw.pk}/", data)
    assert response.status_code == 302
    assert "0471-6609999" in client.get("/", HTTP_HOST="fgw.localhost").content.decode()
    assert "theme-portal" in client.get("/", HTTP_HOST="fgw.localhost").content.decode()


def test_a_page_without_translation_says_so_in_the_readers_language(client):
    # a department page has no English version: the switch leads to a notice in English
    html = client.get("/tzgg/", HTTP_HOST="fgw.localhost").content.decode()
    assert "http://en.localhost/untranslated/?lang=en" in html
    response = client.get("/untranslated/?lang=en", HTTP_HOST="en.localhost")
    assert response.status_code == 404
    body = response.content.decode()
    assert "has not been translated" in body and '<html lang="en"' in body


def test_site_lookup_is_kept_between_requests_and_follows_changes(client, fgw):
    """Page views don't look the Site up in the database every time, yet a host
    name changed in the admin answers at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get("/", HTTP_HOST="fgw.localhost").status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/", HTTP_HOST="fgw.localhost").status_code == 200
    lookups = [q for q in ctx.captured_queries if '"wagtailcore_site"."hostname" = \'fgw.localhost\'' in q["sql"]]
    assert not lookups

    from cluster.sites import clear_site_roots

    fgw.hostname = "ndrc.localhost"
    fgw.save()
    try:
        assert "theme-department" in client.get("/", HTTP_HOST="ndrc.localhost").content.decode()
        # the old name now falls to the default site, the portal
        assert "theme-portal" in client.get("/", HTTP_HOST="fgw.localhost").content.decode()
    finally:
        clear_site_roots()  # the rollback of this test sends no signal
