"""Letters in Chromium: a newcomer writes to the mayor's mailbox with the
keyboard only (Tab, arrows, Space, Enter and typing), confirms the phone by
SMS code, gets the receipt and follows the letter by number; axe on every
letters page in Chinese, English and Mongolian; the vertical Mongolian form."""

import re
import time

import pytest

pytestmark = pytest.mark.browser

PHONE = "13947108871"
CONTENT = "昭君路与青城街路口附近新建小区入住两千多户，最近的公交站步行要二十分钟，建议增设站点。"


def _sms_code(live_cluster, phone: str, since: float) -> str:
    """The code in the newest SMS to ``phone`` (the demo's file backend, sent by the Celery worker)."""
    folder = live_cluster.data_dir / "sms"
    for _ in range(90):
        files = sorted((p for p in folder.glob("**/*") if p.is_file() and p.stat().st_mtime >= since),
                       key=lambda p: p.stat().st_mtime) if folder.exists() else []
        for path in reversed(files):
            text = path.read_text(encoding="utf-8", errors="replace")
            if phone in text and (found := re.search(r"(?<!\d)(\d{6})(?!\d)", text.split(phone, 1)[-1])):
                return found.group(1)
        time.sleep(0.5)
    raise AssertionError("no SMS code arrived")


def _focused(page) -> str:
    return page.evaluate("() => { const e = document.activeElement; return e ? (e.id || e.name || e.tagName) : '' }")


def _tab_to(page, wanted: str, limit: int = 60) -> None:
    """Press Tab until the element with id (or name) ``wanted`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _focused(page) == wanted:
            return
    raise AssertionError(f"Tab never reached {wanted}")


def _type_into(page, wanted: str, text: str) -> None:
    _tab_to(page, wanted)
    page.keyboard.type(text)


def test_a_newcomer_writes_to_the_mayor_and_follows_the_letter_keyboard_only(live_cluster, browser_page, axe_audit):
    page = browser_page
    page.goto(live_cluster.url("www", "/hudong/"))
    assert axe_audit(page) == []
    _tab_to_text(page, "市长信箱")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/hudong/xinxiang/\d+/xie/"))
    assert "写信给市长信箱" in page.get_by_role("heading", level=1).inner_text()
    assert axe_audit(page) == []

    _tab_to(page, "id_kind_0", limit=120)  # the radio group is one Tab stop: arrows choose
    page.keyboard.press("ArrowDown")
    assert page.locator("input[name=kind]:checked").get_attribute("value") == "suggest"
    _type_into(page, "id_subject", "建议在昭君路增设公交站点")
    _type_into(page, "id_content", CONTENT)
    _tab_to(page, "id_publish_allowed")
    page.keyboard.press("Space")
    _type_into(page, "id_name", "乌兰")
    _type_into(page, "id_phone", PHONE)
    since = time.time() - 1
    _tab_to(page, "send_code")
    page.keyboard.press("Enter")
    page.wait_for_selector("p.notice[role=status]")
    notice = page.locator("p.notice[role=status]").inner_text()
    assert "139****8871" in notice and PHONE not in notice
    assert page.locator("#id_content").input_value() == CONTENT  # nothing typed is lost
    assert page.locator("#id_publish_allowed").is_checked()
    code = _sms_code(live_cluster, PHONE, since)
    page.locator("#id_phone").focus()  # back where the writer was, then on by Tab
    _type_into(page, "id_phone_code", code)
    page.keyboard.press("Enter")  # Enter in the code field sends the letter (not another code)
    page.wait_for_url(re.compile(r"/hudong/huizhi/"))
    number = page.locator(".receipt-number").inner_text().strip()
    query_code = page.locator(".query-code").inner_text().strip()
    assert re.fullmatch(r"XJ\d{8}-\w+", number) and re.fullmatch(r"\d{6}", query_code)
    assert axe_audit(page) == []

    _tab_to_text(page, "查询办理情况")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/hudong/chaxun/"))
    assert page.locator("#id_receipt_number").input_value() == number
    _type_into(page, "id_query_code", query_code)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/hudong/chaxun/{number}/"))
    summary = page.locator("main").inner_text()
    assert "建议在昭君路增设公交站点" in summary and "139****8871" in summary and PHONE not in summary
    assert axe_audit(page) == []


def _tab_to_text(page, text: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => (document.activeElement && document.activeElement.textContent || '').trim()") == text:
            return
    raise AssertionError(f"Tab never reached {text}")


PAGES = ["/hudong/", "/hudong/xie/", "/hudong/chaxun/", "/hudong/xuandeng/", "/hudong/tongji/"]


@pytest.mark.parametrize("host", ["www", "en", "mgl"])
def test_axe_finds_nothing_serious_on_the_letters_pages(live_cluster, browser_page, axe_audit, host):
    page = browser_page
    found = {}
    for path in PAGES:
        page.goto(live_cluster.url(host, path))
        found[path] = axe_audit(page)
    # a published letter, and the receipt page of a demo letter
    page.goto(live_cluster.url(host, "/hudong/xuandeng/"))
    detail = page.locator(".letter-list a").first.get_attribute("href")
    page.goto(live_cluster.url(host, detail))
    found["detail"] = axe_audit(page)
    number = detail.rstrip("/").rsplit("/", 1)[-1]
    page.goto(live_cluster.url(host, f"/hudong/huizhi/?n={number}"))
    assert number in page.locator(".receipt-number").inner_text()
    found["receipt"] = axe_audit(page)
    # the intake form with its errors shown
    page.goto(live_cluster.url(host, "/hudong/xie/"))
    page.locator("form.yisqgk-form button[type=submit]").last.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#form-errors")
    found["errors"] = axe_audit(page)
    assert {k: v for k, v in found.items() if v} == {}


def test_the_mongolian_intake_form_is_vertical_and_whole(live_cluster, browser_page, axe_audit, tmp_path):
    page = browser_page
    page.goto(live_cluster.url("mgl", "/hudong/xie/"))
    assert page.locator("html").get_attribute("lang") == "mn-Mong"
    mode = page.evaluate("() => getComputedStyle(document.querySelector('form.yisqgk-form')).writingMode")
    assert mode.startswith("vertical")
    # every label, input and button of the form is drawn, none on top of the next field's
    boxes = page.evaluate("""() => [...document.querySelectorAll(
        'form.yisqgk-form .form-row:not(.hp .form-row) > label, form.yisqgk-form input:not([type=hidden]):not(.hp-input),'
        + ' form.yisqgk-form textarea, form.yisqgk-form select, form.yisqgk-form button')]
        .map(e => { const r = e.getBoundingClientRect(); return {n: e.id || e.name || e.tagName,
                    w: r.width, h: r.height, x: r.x, y: r.y}; })""")
    assert boxes and all(b["w"] > 0 and b["h"] > 0 for b in boxes), [b for b in boxes if not b["w"] or not b["h"]]
    height = page.evaluate("() => document.documentElement.clientHeight")
    assert all(b["y"] >= 0 and b["y"] + b["h"] <= max(height, 2000) for b in boxes)
    page.screenshot(path=str(tmp_path / "mgl-hudong-xie.png"), full_page=True)
    # the errors keep what was typed
    page.locator("#id_subject").focus()
    page.keyboard.type("ᠠᠵᠢᠯ")
    page.locator("form.yisqgk-form button[type=submit]").last.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#form-errors")
    assert page.locator("#form-errors a").count() >= 2  # each error links to its field
    assert page.locator("#id_subject").input_value() == "ᠠᠵᠢᠯ"
    assert page.locator("#id_content").get_attribute("aria-invalid") == "true"
    page.screenshot(path=str(tmp_path / "mgl-hudong-xie-errors.png"), full_page=True)
    assert axe_audit(page) == []
