"""意见征集 and 网上调查 in Chromium, keyboard only: comment on a section of the
open draft, answer the survey and read its chart; axe on every new page in
Chinese, English and Mongolian."""

import re
import time

import pytest

pytestmark = pytest.mark.browser


def _sms_code(live_cluster, phone: str, since: float) -> str:
    """The code of the newest SMS to ``phone`` (the demo's file backend, sent by the Celery worker)."""
    folder = live_cluster.data_dir / "sms"
    for _ in range(60):
        files = sorted((p for p in folder.glob("**/*") if p.is_file() and p.stat().st_mtime >= since),
                       key=lambda p: p.stat().st_mtime) if folder.exists() else []
        for path in reversed(files):
            text = path.read_text(encoding="utf-8", errors="replace")
            if phone in text and (found := re.search(r"(?<!\d)(\d{6})(?!\d)", text.split(phone, 1)[-1])):
                return found.group(1)
        time.sleep(0.5)
    raise AssertionError("no SMS code arrived")


def _keyboard_fill(page, selector: str, text: str) -> None:
    page.locator(selector).focus()
    page.keyboard.type(text)


def test_comment_on_a_section_and_answer_a_survey_keyboard_only(live_cluster, browser_page, axe_audit):
    page = browser_page
    page.goto(live_cluster.url("www", "/yjzj/"))
    assert axe_audit(page) == []
    page.get_by_role("link", name=re.compile("城市养犬管理")).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/yjzj/yangquan-guanli/"))
    assert axe_audit(page) == []
    page.get_by_role("link", name="对第三条提出意见").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"section="))
    assert "文明养犬" in page.locator("#id_section option:checked").inner_text()
    _keyboard_fill(page, "#id_text", "建议在小区出入口设置文明养犬提示牌。")
    _keyboard_fill(page, "#id_phone", "13947108801")
    since = time.time() - 1
    page.get_by_role("button", name="获取验证码").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#code-status")
    assert page.locator("#id_text").input_value() == "建议在小区出入口设置文明养犬提示牌。"
    _keyboard_fill(page, "#id_phone_code", _sms_code(live_cluster, "13947108801", since))
    page.get_by_role("button", name="提交意见").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#sent")
    assert "您的意见已提交" in page.locator("#sent").inner_text()

    # the survey: the phone is confirmed in this session now
    page.goto(live_cluster.url("www", "/dc/zwfw-manyidu/"))
    assert axe_audit(page) == []
    for group in page.locator("fieldset.radio-row").all()[:3]:
        group.locator("input").first.focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="提交答卷").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#sent")
    page.get_by_role("link", name="查看调查结果").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/results/$"))
    assert page.locator("table.data").count() >= 4
    assert page.locator("figure.chart img").first.evaluate("img => img.complete && img.naturalWidth > 0")
    assert axe_audit(page) == []


@pytest.mark.parametrize("host", ["en", "mgl"])
def test_new_pages_are_accessible_in_english_and_mongolian(live_cluster, browser_page, axe_audit, host):
    page = browser_page
    page.goto(live_cluster.url(host, "/"))
    for path in ("/hudong/yjzj/", None, "/hudong/dc/", None, "results"):
        if path == "results":
            page.goto(page.url + "results/")
        elif path is None:
            page.locator(".article-list a").first.focus()
            with page.expect_navigation():
                page.keyboard.press("Enter")
        else:
            page.goto(live_cluster.url(host, path))
        page.locator("h1").wait_for()
        assert page.locator("h1").count() == 1
        if host == "mgl":
            assert re.search(r"[\u1820-\u18aa]", page.locator("h1").inner_text())
        assert axe_audit(page) == [], page.url
