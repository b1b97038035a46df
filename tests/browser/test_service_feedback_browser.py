"""好差评 in a real browser on the live cluster: a finished demo case rated
keyboard-only; axe on the rating page and the public statistics in zh, en, mn."""

import re

import pytest

pytestmark = pytest.mark.browser
DEMO_CODE = "260928"


def _unrated_demo_case(live_cluster) -> str:
    out = live_cluster.manage(
        "shell", "-c",
        "from services.licensing.models import LicenceApplication as A\n"
        "print(A.objects.filter(status='completed', rating__isnull=True, form_data__demo='feedback-stats')"
        ".order_by('pk').values_list('receipt_number', flat=True).first())",
    )
    return out.strip().splitlines()[-1]


def _tab_to(page, element_id: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} is not reachable with Tab")


def test_rate_a_finished_case_with_the_keyboard_only(live_cluster, browser_page, axe_audit):
    number = _unrated_demo_case(live_cluster)
    assert number and number != "None"
    page = browser_page
    page.goto(live_cluster.url("www", "/banshi/pingjia/"))
    assert page.get_by_role("heading", level=1).inner_text() == "办事服务评价"
    assert axe_audit(page) == []
    _tab_to(page, "id_receipt_number")
    page.keyboard.type(number)
    page.keyboard.press("Tab")
    page.keyboard.type("000000")  # a wrong code first: refused, the input stays
    _tab_to(page, "id_level_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # 满意
    page.keyboard.press("Tab")
    page.keyboard.type("办理顺利")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "没有找到与该办件编号和查询码相符的办件" in page.locator("#form-errors").inner_text()
    assert page.locator("#id_comment").input_value() == "办理顺利"
    assert axe_audit(page) == []
    _tab_to(page, "id_query_code")
    page.keyboard.press("Control+A")
    page.keyboard.type(DEMO_CODE)
    _tab_to(page, "id_comment")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/banshi/pingjia/xiexie/"))
    assert page.get_by_role("heading", level=1).inner_text() == "感谢您的评价"
    assert page.locator(".rating-level").inner_text() == "满意"
    assert axe_audit(page) == []


@pytest.mark.parametrize("host,lang", [("www", "zh-Hans"), ("en", "en"), ("mgl", "mn-Mong")])
def test_rating_and_statistics_pages_pass_axe(live_cluster, browser_page, axe_audit, host, lang):
    page = browser_page
    page.goto(live_cluster.url(host, "/banshi/pingjia/"))
    assert page.locator("html").get_attribute("lang") == lang
    assert axe_audit(page) == []
    page.goto(live_cluster.url(host, "/banshi/pingjia/tongji/"))
    assert page.locator("svg.pygal-chart").count() >= 2
    assert page.locator("table#table-months tbody tr").count() == 12
    assert axe_audit(page) == []
