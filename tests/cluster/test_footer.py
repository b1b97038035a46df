"""Every theme's footer shows the 党政机关 开办者标识, linked to the site's record in
the national registry, and the IPv6 notice; without a registry id only the notice."""

import bs4
import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from wagtail.models import Site
from wagtail.test.utils.form_data import querydict_from_html

from cluster.demo.content import CONAC_IDS
from cluster.models import SiteProfile

pytestmark = [pytest.mark.django_db]

REGISTRY = "https://bszs.conac.cn/sitename?method=show&id="
# every demo theme: portal, department, English on portal, mongolian
HOSTS = ["www.localhost", "fgw.localhost", "byhq.localhost", "en.localhost", "mgl.localhost"]
LANGUAGE = {"en.localhost": "en", "mgl.localhost": "mn-mong"}


def footer(client, host):
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 200
    return bs4.BeautifulSoup(response.content.decode(), "html.parser").find("footer", class_="site-footer")


def conac_links(foot):
    return [a for a in foot.find_all("a") if a.get("href", "").startswith("https://bszs.conac.cn/")]


@pytest.mark.parametrize("host", HOSTS)
def test_footer_has_the_linked_mark_and_the_ipv6_notice(client, host):
    theme = SiteProfile.for_site(Site.objects.get(hostname=host)).theme
    foot = footer(client, host)
    links = conac_links(foot)
    assert len(links) == 1, theme
    assert links[0]["href"] == REGISTRY + CONAC_IDS[host]
    image = links[0].find("img")
    with translation.override(LANGUAGE.get(host, "zh-hans")):
        alt, notice = translation.gettext("党政机关网站开办者标识"), translation.gettext("本网站支持IPv6")
    assert image is not None and image["alt"] == alt and alt.strip()
    assert image["src"].endswith(".svg")
    assert notice in foot.get_text()
    if host in LANGUAGE:  # shown in the site's language, not in Chinese
        assert notice != "本网站支持IPv6"


def test_the_mark_is_served(client, settings, tmp_path):
    # Served as in production: collected into STATIC_ROOT, then WhiteNoise.
    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", interactive=False, verbosity=0)
    src = conac_links(footer(client, "fgw.localhost"))[0].find("img")["src"]
    response = Client().get(src, HTTP_HOST="fgw.localhost")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "党政机关" in b"".join(response.streaming_content if response.streaming else [response.content]).decode()


def test_without_a_registry_id_only_the_ipv6_notice(client, fgw):
    profile = SiteProfile.for_site(fgw)
    profile.conac_id = ""
    profile.save()
    foot = footer(client, "fgw.localhost")
    assert conac_links(foot) == []
    assert "conac-mark" not in str(foot)
    assert "本网站支持IPv6" in foot.get_text()


def test_site_manager_sets_the_registry_id_in_site_settings(client, demo_user, fgw):
    client.force_login(demo_user("fgw_signer"))
    url = f"/admin/settings/cluster/siteprofile/{fgw.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    assert "conac_id" in data
    data["conac_id"] = "0123456789ABCDEF0123456789ABCDEF"
    assert client.post(url, data).status_code == 302
    assert conac_links(footer(client, "fgw.localhost"))[0]["href"] == REGISTRY + "0123456789ABCDEF0123456789ABCDEF"
