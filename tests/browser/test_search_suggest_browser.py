"""The search box's suggestions in Chromium, by keyboard only, on the Chinese,
English and Mongolian portals (the Mongolian box is vertical): an ARIA
combobox that axe finds clean with its list open."""
import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("host,typed", [("www", "jiaz"), ("en", "驾"), ("mgl", "jiaz")])
def test_pick_a_suggestion_by_keyboard(live_cluster, browser_page, axe_audit, host, typed):
    page = browser_page
    page.goto(live_cluster.url(host))
    box = page.locator("#site-search-q")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Tab")  # the skip link, then on to the box by keyboard
    box.focus()
    page.keyboard.type(typed, delay=40)
    listbox = page.locator("#site-search-suggestions")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.locator("[role=option]")
    texts = options.all_inner_texts()
    assert any("机动车驾驶证" in t for t in texts), texts
    page.wait_for_function("document.getElementById('site-search-status').textContent.length > 0")
    if host == "mgl":
        assert page.evaluate("getComputedStyle(document.getElementById('site-search-suggestions')).writingMode") == "vertical-lr"
    assert axe_audit(page) == []
    wanted = next(i for i, t in enumerate(texts) if "机动车驾驶证" in t)
    for _ in range(wanted + 1):
        page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    chosen = page.locator(f"#{active}").inner_text()
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowDown")
    for _ in range(wanted):
        page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/" in page.url
    assert page.locator("#site-search-q").input_value() == chosen
    assert "机动车驾驶证" in page.locator(".search-leads, .search-results").first.inner_text()
