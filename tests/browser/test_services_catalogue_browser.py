"""The catalogue and a guide in Chromium, in the three languages: axe-core finds
nothing serious, and the guide is reached from the catalogue by keyboard."""
import re
from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser


def test_catalogue_and_guide_pass_axe_in_three_languages(live_cluster, browser_page, axe_audit):
    page = browser_page
    for host, name in (("www", "食品经营许可"), ("en", "Food business licence"),
                       ("mgl", "ᠬᠦᠨᠡᠰᠦ ᠪᠠᠷᠠᠭᠠᠨ ᠤ ᠠᠵᠢᠯ ᠠᠬᠤᠢ ᠶᠢᠨ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ")):
        page.goto(live_cluster.url(host, "/wsbs/"))
        assert axe_audit(page) == [], host
        link = page.get_by_role("link", name=name, exact=True).first
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/wsbs/scjg-xk-001/$"))
        assert page.get_by_role("heading", level=1).inner_text().strip() == name
        assert axe_audit(page) == [], host


def test_theme_browsing_and_pdf_download_by_keyboard(live_cluster, browser_page):
    page = browser_page
    page.goto(live_cluster.url("www", "/wsbs/"))
    theme = page.get_by_role("navigation", name="事项导航").get_by_role("link", name="交通出行")
    theme.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/wsbs/zhuti/jiaotong/$"))
    page.get_by_role("link", name="机动车驾驶证换证").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/wsbs/gaj-xk-001/$"))
    href = page.get_by_role("link", name="下载办事指南（PDF）").get_attribute("href")
    # fetched by the page itself (Playwright's own HTTP client cannot resolve *.localhost)
    status, head = page.evaluate(
        "async (u) => { const r = await fetch(u); const b = new Uint8Array(await r.arrayBuffer());"
        " return [r.status, String.fromCharCode(...b.slice(0, 5))]; }", urljoin(page.url, href))
    assert status == 200 and head == "%PDF-"
