"""A newcomer registers and signs in with the keyboard alone on the live cluster
(the SMS code is read where the demo's SMS backend writes it); axe finds nothing
serious on the register and login pages in Chinese, English and traditional
Mongolian (vertical)."""

import json
import re
import time

import pytest

pytestmark = pytest.mark.browser

PHONE = "13912349901"


def _tab_to(page, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _sms_code(cluster, phone: str, purpose_text: str) -> str:
    deadline = time.time() + 30
    while time.time() < deadline:
        for path in sorted((cluster.data_dir / "sms").glob("*.json"), reverse=True):
            record = json.loads(path.read_text(encoding="utf-8"))
            if record["to"] == phone and purpose_text in record["text"]:
                return re.search(r"\d{6}", record["text"]).group(0)
        time.sleep(0.3)
    raise AssertionError(f"no SMS for {phone}")


def test_register_and_sign_in_with_the_keyboard_alone(live_cluster, browser_page, axe_audit):
    page = browser_page
    page.goto(live_cluster.url("www", "/account/register/"))
    assert page.get_by_role("heading", level=1).inner_text() == "注册账户"
    assert axe_audit(page) == []
    _tab_to(page, "input[name=kind][value=natural]")
    page.keyboard.press("Space")
    _tab_to(page, "#id_name")
    page.keyboard.type("赵小燕")
    _tab_to(page, "#id_id_type")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_id_type").input_value() == "resident_id"
    _tab_to(page, "#id_id_number")
    page.keyboard.type("11010119900307803X")
    _tab_to(page, "#id_phone")
    page.keyboard.type(PHONE)
    page.keyboard.press("Enter")  # the only button: send the code
    page.wait_for_selector("#id_code")
    assert "验证码已发送至 139****9901" in page.content()
    assert page.locator("#id_name").input_value() == "赵小燕"
    assert axe_audit(page) == []
    code = _sms_code(live_cluster, PHONE, "注册账户")
    _tab_to(page, "#id_code")
    page.keyboard.type(code)
    page.keyboard.press("Enter")  # now the main button comes first: register
    page.wait_for_url(re.compile(r"/account/$"))
    assert "注册成功" in page.content() and "赵小燕" in page.content()
    assert page.get_by_role("status").filter(has_text="注册成功").count() == 1
    assert axe_audit(page) == []  # the message list keeps its list role

    _tab_to(page, "form[action='/account/logout/'] button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"localhost:\d+/$"))

    page.goto(live_cluster.url("www", "/account/login/"))
    assert axe_audit(page) == []
    _tab_to(page, "#id_phone")
    page.keyboard.type(PHONE)
    page.keyboard.press("Enter")
    page.wait_for_selector("#id_code")
    code = _sms_code(live_cluster, PHONE, "登录账户")
    _tab_to(page, "#id_code")
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/account/$"))
    assert page.get_by_role("heading", name="我的办件").count() == 1


@pytest.mark.parametrize("host", ["en", "mgl"])
def test_register_and_login_pages_pass_axe_in_english_and_mongolian(live_cluster, browser_page, axe_audit, host):
    page = browser_page
    for path in ("/account/register/", "/account/login/"):
        page.goto(live_cluster.url(host, path))
        assert axe_audit(page) == [], path
        # an error state too: nothing typed, "send code" pressed
        page.locator("button[name=action][value=send]").press("Enter")
        page.wait_for_selector(".form-errors")
        assert axe_audit(page) == [], path
    if host == "mgl":
        mode = page.evaluate("getComputedStyle(document.querySelector('#id_phone')).writingMode")
        assert mode == "vertical-lr"
