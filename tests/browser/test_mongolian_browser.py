"""The Mongolian site in Chromium: traditional script laid out vertically."""

from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser

GEOMETRY = """() => {
  const h1 = document.querySelector('main h1');
  const range = document.createRange();
  range.selectNodeContents(h1);
  const rects = Array.from(range.getClientRects());
  const box = h1.getBoundingClientRect();
  return {width: box.width, height: box.height, top: rects[0].top, bottom: rects[rects.length - 1].bottom,
          lang: document.documentElement.lang};
}"""

FONT_FILE = "**/NotoSansMongolian-Regular.ttf"
# document.fonts.check() is also true for a family that was never loaded (and
# this machine has Noto Sans Mongolian installed, so the text would look the
# same): ask instead whether the @font-face really loaded and whether Chromium
# drew the heading with that web font (CSS.getPlatformFontsForNode says which
# font rendered a node's glyphs, and whether it came from @font-face).
FACE_STATUS = """() => Array.from(document.fonts)
  .filter(face => face.family.replace(/["']/g, '') === 'Noto Sans Mongolian')
  .map(face => face.status)"""


def served_font_rendered(page, selector: str = "main h1") -> dict:
    page.evaluate("document.fonts.ready")
    statuses = page.evaluate(FACE_STATUS)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    web = [f for f in fonts if f["isCustomFont"] and "Mongolian" in f["familyName"] and f["glyphCount"] > 0]
    return {"ok": "loaded" in statuses and bool(web), "statuses": statuses, "fonts": fonts}


def test_mongolian_column_runs_top_to_bottom(live_cluster, browser_page):
    page = browser_page
    page.goto(live_cluster.url("mgl", "/zwdt/"))
    page.evaluate("document.fonts.ready")
    geometry = page.evaluate(GEOMETRY)
    assert geometry["lang"] == "mn-Mong"
    # a vertical heading is a tall, narrow column
    assert geometry["height"] > 3 * geometry["width"], geometry


def test_the_served_mongolian_font_renders_the_text(live_cluster, browser_page, chromium):
    page = browser_page
    page.goto(live_cluster.url("mgl", "/zwdt/"))
    rendered = served_font_rendered(page)
    assert rendered["ok"], rendered

    # Negative control: the same page with the font file not served.  The
    # system's copy of the family still draws the text, and check() stays
    # true, but the assertion above must fail.
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        unserved = context.new_page()
        unserved.route(FONT_FILE, lambda route: route.abort())
        unserved.goto(live_cluster.url("mgl", "/zwdt/"))
        missing = served_font_rendered(unserved)
        assert unserved.evaluate("""document.fonts.check('16px "Noto Sans Mongolian"', 'ᠮᠣᠩᠭᠣᠯ')""")
        assert not missing["ok"], missing
        assert "loaded" not in missing["statuses"], missing
    finally:
        context.close()


def test_mongolian_navigation_labels_are_vertical_and_keyboard_reachable(live_cluster, browser_page):
    page = browser_page
    page.goto(live_cluster.url("mgl"))
    # the main navigation (主导航, named in Mongolian), its first column link
    link = page.get_by_role("navigation", name="ᠭᠣᠣᠯ ᠴᠢᠭᠯᠡᠯ").get_by_role("link").nth(1)
    box = link.bounding_box()
    assert box["height"] > box["width"]
    href = link.get_attribute("href")
    # reached with the keyboard alone
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("el => document.activeElement === el", link.element_handle()):
            break
    else:
        pytest.fail("the navigation link is not reachable with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    target = urljoin(live_cluster.url("mgl", "/"), href)  # the navigation links within the site
    assert page.url == target and target.startswith(live_cluster.url("mgl", "/"))


def test_the_header_account_link_is_vertical_like_its_neighbours(live_cluster, browser_page, tmp_path):
    page = browser_page
    page.goto(live_cluster.url("mgl"))
    page.evaluate("document.fonts.ready")
    link = page.locator("header .account-link")
    assert link.inner_text().strip() == "ᠮᠢᠨᠤ ᠳᠠᠩᠰᠠ"  # 我的账户
    modes = page.evaluate("""() => ['.site-name', '.search-box button', '.account-link'].map(
        s => getComputedStyle(document.querySelector('header ' + s)).writingMode)""")
    assert modes == ["vertical-lr"] * 3
    box = link.bounding_box()
    assert box["height"] > 2 * box["width"], box
    page.locator("header").screenshot(path=str(tmp_path / "mgl-header.png"))
