"""The Mongolian site in Chromium: traditional script laid out vertically."""

import pytest

pytestmark = pytest.mark.browser

GEOMETRY = """() => {
  const h1 = document.querySelector('main h1');
  const range = document.createRange();
  range.selectNodeContents(h1);
  const rects = Array.from(range.getClientRects());
  const box = h1.getBoundingClientRect();
  return {width: box.width, height: box.height, top: rects[0].top, bottom: rects[rects.length - 1].bottom,
          lang: document.documentElement.lang,
          font: document.fonts.check('16px "Noto Sans Mongolian"', 'ᠮᠣᠩᠭᠣᠯ')};
}"""


def test_mongolian_column_runs_top_to_bottom(live_cluster, browser_page):
    page = browser_page
    page.goto(live_cluster.url("mgl", "/zwdt/"))
    page.evaluate("document.fonts.ready")
    geometry = page.evaluate(GEOMETRY)
    assert geometry["lang"] == "mn-Mong"
    # a vertical heading is a tall, narrow column
    assert geometry["height"] > 3 * geometry["width"], geometry
    assert geometry["font"], "the served Mongolian font is not available"


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
    assert page.url == href and href.startswith(live_cluster.url("mgl", "/"))
