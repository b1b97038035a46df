"""The cluster in a real browser: navigation, switching sites, a phone, axe-core."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_portal_navigation_and_breadcrumbs(live_cluster, browser_page):
    page = browser_page
    page.goto(live_cluster.url("www"))
    assert page.title().endswith("敕勒川市人民政府门户网站")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="通知公告").click()
    page.wait_for_url(re.compile(r"/tzgg/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "通知公告"
    page.locator(".article-list a").first.click()
    page.wait_for_url(re.compile(r"/tzgg/tzgg-\d+/$"))
    crumbs = page.get_by_role("navigation", name="当前位置")
    assert crumbs.get_by_role("link", name="通知公告").is_visible()
    assert "发布日期" in page.locator(".article-meta").inner_text()


def test_switch_site_through_the_cluster_sitemap(live_cluster, browser_page):
    page = browser_page
    page.goto(live_cluster.url("www"))
    page.get_by_role("link", name="网站地图").first.click()
    page.get_by_role("link", name="敕勒川市教育局").click()
    page.wait_for_url(re.compile(r"^http://jyj\.localhost:\d+/$"))
    assert "敕勒川市教育局" in page.locator(".site-name").inner_text()
    footer = page.get_by_role("contentinfo").inner_text()
    assert "1501000013" in footer


def test_keyboard_reaches_search_and_skip_link(live_cluster, browser_page):
    page = browser_page
    page.goto(live_cluster.url("fgw"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "跳到正文" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.get_by_label("搜索本站及全市政府网站").fill("项目")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.get_by_role("heading", level=1).is_visible()


def test_phone_width_has_no_horizontal_overflow(live_cluster, phone_page):
    page = phone_page
    for path in ("/", "/tzgg/"):
        page.goto(live_cluster.url("www", path))
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
    nav = page.get_by_role("navigation", name="主导航")
    assert nav.get_by_role("link", name="政务动态").is_visible()
    nav.get_by_role("link", name="政务动态").click()
    page.wait_for_url(re.compile(r"/zwdt/$"))


def test_large_print_and_contrast_modes(live_cluster, browser_page):
    page = browser_page
    page.goto(live_cluster.url("www", "/zwdt/"))
    normal = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    page.get_by_role("link", name="大字版").click()
    page.wait_for_selector("html.a11y-large")
    large = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    assert large > normal * 1.2
    page.get_by_role("link", name="高对比度").click()
    page.wait_for_selector("html.a11y-large.a11y-contrast")
    bg = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert bg == "rgb(0, 0, 0)"
    page.get_by_role("link", name="标准版").click()
    page.wait_for_selector("html:not(.a11y-contrast)")
    assert "a11y-" not in (page.locator("html").get_attribute("class") or "")


@pytest.mark.parametrize(
    "host,path",
    [
        ("www", "/"), ("www", "/tzgg/"), ("fgw", "/tzgg/tzgg-001/"), ("byhq", "/"), ("www", "/sitemap/"),
        ("www", "/nope/"), ("www", "/zfxxgk/"), ("fgw", "/zfxxgk/doc-001/"), ("en", "/"), ("mgl", "/"),
        ("mgl", "/zwdt/"), ("www", "/search/?q=%E9%80%9A%E7%9F%A5"),
    ],
)
def test_axe_no_serious_violations(live_cluster, browser_page, axe_audit, host, path):
    browser_page.goto(live_cluster.url(host, path))
    assert axe_audit(browser_page) == []
