"""The disclosure section in a real browser: from the hub to an annual report by
keyboard, its downloads, axe-core, and a 360 px phone."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_keyboard_from_hub_to_annual_report_and_downloads(live_cluster, browser_page, axe_audit):
    page = browser_page
    page.goto(live_cluster.url("fgw", "/zfxxgk/"))
    assert axe_audit(page) == []
    link = page.get_by_role("navigation", name="目录导航").get_by_role("link", name="政府信息公开工作年度报告")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zfxxgk/xxgknb/$"))
    report = page.get_by_role("link", name=re.compile("2025年政府信息公开工作年度报告"))
    report.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zfxxgk/xxgknb/2025/$"))
    assert page.get_by_role("table", name="四、政府信息公开行政复议、行政诉讼情况").is_visible()
    assert axe_audit(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF文件").click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_report_and_guide_fit_a_phone(live_cluster, phone_page):
    page = phone_page
    for host, path in (("fgw", "/zfxxgk/xxgknb/2026/"), ("jyj", "/zfxxgk/xxgkzn/"), ("www", "/zfxxgk/")):
        page.goto(live_cluster.url(host, path))
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
