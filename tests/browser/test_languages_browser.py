"""The Mongolian and English sites in Chromium: vertical geometry, the language
switch and axe-core on the main page types. Page loads are kept few on purpose."""

import pytest

pytestmark = pytest.mark.browser

# Lines of a vertical text are columns: each next line box starts to the right of
# the previous one, and a line is much taller than wide.
COLUMNS = """(selector) => {
  const el = document.querySelector(selector);
  const range = document.createRange();
  range.selectNodeContents(el);
  const rects = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0);
  const box = el.getBoundingClientRect();
  return {width: box.width, height: box.height, lefts: rects.map(r => r.left),
          tallest: Math.max(...rects.map(r => r.height / r.width)),
          mode: getComputedStyle(el).writingMode, lang: document.documentElement.lang};
}"""


def assert_vertical(page, selector):
    geometry = page.evaluate(COLUMNS, selector)
    assert geometry["mode"] == "vertical-lr", geometry
    assert geometry["lang"] == "mn-Mong"
    assert geometry["tallest"] > 3, geometry  # a line is a tall, narrow column
    lefts = geometry["lefts"]
    assert lefts == sorted(lefts), f"columns must advance left to right: {lefts}"
    return geometry


def assert_accessible(page, axe_audit):
    violations = axe_audit(page)
    assert violations == [], (page.url, violations)


def test_mongolian_home_column_and_article_run_vertically_and_pass_axe(live_cluster, browser_page, axe_audit):
    page = browser_page
    page.goto(live_cluster.url("mgl"))
    page.evaluate("document.fonts.ready")
    assert_vertical(page, "main .column-block h2")
    assert_accessible(page, axe_audit)

    page.goto(live_cluster.url("mgl", "/zwdt/"))
    assert_vertical(page, "main h1")
    assert_accessible(page, axe_audit)

    page.locator("main .article-list a").first.click()
    page.wait_for_load_state()
    assert_vertical(page, "main h1")
    body = assert_vertical(page, "main .article-body p")
    assert len(body["lefts"]) > 1  # a paragraph of several columns, left to right
    assert_accessible(page, axe_audit)


def test_mongolian_search_form_is_vertical_and_focus_scrolls_into_view(live_cluster, browser_page, axe_audit):
    page = browser_page
    page.goto(live_cluster.url("mgl", "/search/?q=通知"))
    page.evaluate("document.fonts.ready")
    field = page.get_by_role("searchbox").last
    box = field.bounding_box()
    assert box["height"] > 2 * box["width"], box  # the search field is a vertical column
    button = page.locator(".search-form button").bounding_box()
    assert button["height"] > button["width"]
    assert_accessible(page, axe_audit)

    # Keyboard only: tabbing to a link scrolls the sideways-scrolling
    # block so that the focused link is visible.
    scroller = page.locator(".main > .wrap")
    assert page.evaluate("el => el.scrollWidth > el.clientWidth", scroller.element_handle())
    # the filters stand after the results, beyond the first screen, and the
    # keyboard reaches them in that reading order: the results first
    first_result = page.locator(".search-results a").first
    first_filter = page.locator(".facets a").first
    last = page.locator(".facets a").last
    order = []
    for _ in range(200):
        page.keyboard.press("Tab")
        for name, el in (("result", first_result), ("filter", first_filter)):
            if name not in order and page.evaluate("el => document.activeElement === el", el.element_handle()):
                order.append(name)
        if page.evaluate("el => document.activeElement === el", last.element_handle()):
            break
    else:
        pytest.fail("the last filter is not reachable by keyboard")
    assert order == ["result", "filter"]
    seen = page.evaluate(
        """([el, wrap]) => { const a = el.getBoundingClientRect(), w = wrap.getBoundingClientRect();
           return {left: a.left, right: a.right, wrapLeft: w.left, wrapRight: w.right, scrolled: wrap.scrollLeft}; }""",
        [last.element_handle(), scroller.element_handle()],
    )
    assert seen["scrolled"] > 0 and seen["wrapLeft"] <= seen["left"] and seen["right"] <= seen["wrapRight"], seen


def test_language_switch_leads_to_the_same_page_in_chinese_and_english(live_cluster, browser_page):
    page = browser_page
    page.goto(live_cluster.url("mgl", "/zwdt/"))
    switch = page.get_by_role("navigation", name="ᠬᠡᠯᠡ")  # 语言
    switch.get_by_role("link", name="简体中文").click()
    page.wait_for_load_state()
    assert page.url == live_cluster.url("www", "/zwdt/")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert page.locator("main h1").inner_text() == "政务动态"

    page.get_by_role("navigation", name="语言").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url == live_cluster.url("en", "/zwdt/")
    assert page.evaluate("document.documentElement.lang") == "en"
    hreflang = page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => [l.hreflang, l.href]))"
    )
    assert hreflang == {"zh-Hans": live_cluster.url("www", "/zwdt/"), "mn-Mong": live_cluster.url("mgl", "/zwdt/"),
                        "en": live_cluster.url("en", "/zwdt/")}


@pytest.mark.parametrize("path", ["/", "/zwdt/", "/search/?q=government"])
def test_english_pages_pass_axe(live_cluster, browser_page, axe_audit, path):
    page = browser_page
    page.goto(live_cluster.url("en", path))
    assert page.evaluate("document.documentElement.lang") == "en"
    assert_accessible(page, axe_audit)
    if path == "/zwdt/":
        page.locator("main .article-list a").first.click()
        page.wait_for_load_state()
        assert_accessible(page, axe_audit)
