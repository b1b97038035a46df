"""依申请公开: the same request sent twice, and twice at the same moment, is
registered once; the second answer shows the first receipt."""
from __future__ import annotations

import secrets

import pytest

from ..applications.conftest import natural_person  # noqa: F401  (a fixture)
from .conftest import at_once, browser, forget_browser_traces, forget_cases, in_thread, new_phone, tab_of

HOST = "fgw.localhost"
NOTICE = "这份申请已经提交过，下面是第一次提交的结果，没有重复登记。"


@pytest.fixture
def request_data(natural_person):  # noqa: F811
    data = natural_person(phone=new_phone(), description=f"并发提交测试：2026年价格监测报告 {secrets.token_hex(4)}")
    yield data

    def forget():
        from disclosure.applications.models import DisclosureRequest

        forget_cases(*DisclosureRequest.objects.filter(description=data["description"]))
        forget_browser_traces(tokens=[data["submit_token"]], phones=[data["phone"]])

    in_thread(forget)


def _requests(description: str) -> list[str]:
    from disclosure.applications.models import DisclosureRequest

    return list(DisclosureRequest.objects.filter(description=description).values_list("receipt_number", flat=True))


def _assert_one_request(request_data, responses):
    numbers = in_thread(lambda: _requests(request_data["description"]))
    assert len(numbers) == 1, numbers
    assert sorted(r.status_code for r in responses) == [200, 302]
    created = next(r for r in responses if r.status_code == 302)
    assert created["Location"] == f"/yisqgk/receipt/?n={numbers[0]}"
    again = next(r for r in responses if r.status_code == 200).content.decode()
    assert NOTICE in again and numbers[0] in again


@pytest.mark.services
def test_a_double_submit_registers_one_request(request_data):
    client = browser(HOST)
    responses = [in_thread(lambda: client.post("/yisqgk/", request_data)) for _ in range(2)]
    _assert_one_request(request_data, responses)


@pytest.mark.services
def test_two_posts_of_one_token_at_the_same_moment_register_one_request(request_data):
    client = browser(HOST)
    tab = tab_of(client)
    responses = at_once(lambda: client.post("/yisqgk/", request_data), lambda: tab.post("/yisqgk/", request_data))
    _assert_one_request(request_data, responses)
