"""好差评: a rating sent twice, or twice at the same moment, is recorded once.
The same form (one token) thanks the citizen both times; two tabs (two
tokens) record the first and tell the other, its comment still on the page."""
from __future__ import annotations

import secrets

import pytest

from formguard.guard import issue_token

from ..service_feedback.factories import QUERY_CODE, ApplicationFactory
from .conftest import at_once, browser, forget_browser_traces, forget_cases, in_thread, tab_of

HOST = "fgw.localhost"
URL = "/banshi/pingjia/"
ALREADY = "该办件已经评价过，每个办件只能评价一次；您的评价已记录，不能修改。"


@pytest.fixture
def finished_case():
    made: dict = {"tokens": []}
    case = in_thread(ApplicationFactory)

    def rating(**data):
        body = {"receipt_number": case.receipt_number, "query_code": QUERY_CODE, "level": "4",
                "comment": f"办理很快 {secrets.token_hex(4)}", "submit_token": issue_token(), "website": "", **data}
        made["tokens"].append(body["submit_token"])
        return body

    yield case, rating

    def forget():
        from services.feedback.models import FollowUp, Rating

        FollowUp.objects.filter(rating__application=case).delete()
        Rating.objects.filter(application=case).delete()
        forget_cases(case)
        forget_browser_traces(tokens=made["tokens"])

    in_thread(forget)


def _ratings(case) -> list[tuple[int, str]]:
    from services.feedback.models import Rating

    return list(Rating.objects.filter(application=case).values_list("level", "comment"))


@pytest.mark.services
def test_a_rating_sent_twice_is_recorded_once(finished_case):
    case, rating = finished_case
    client, data = browser(HOST), rating(level="5")
    responses = [in_thread(lambda: client.post(URL, data)) for _ in range(2)]
    assert in_thread(lambda: _ratings(case)) == [(5, data["comment"])]
    assert [r.status_code for r in responses] == [302, 302]
    assert responses[0]["Location"] == responses[1]["Location"] == f"{URL}xiexie/?n={case.receipt_number}"
    thanks = in_thread(lambda: client.get(responses[1]["Location"]))
    assert thanks.status_code == 200 and "非常满意" in thanks.content.decode()


@pytest.mark.services
def test_a_rating_sent_twice_at_the_same_moment_is_recorded_once(finished_case):
    case, rating = finished_case
    client, data = browser(HOST), rating(level="2", comment="等了很久")
    tab = tab_of(client)
    responses = at_once(lambda: client.post(URL, data), lambda: tab.post(URL, data))
    assert in_thread(lambda: _ratings(case)) == [(2, "等了很久")]
    assert [r.status_code for r in responses] == [302, 302]  # both: thank you, rated
    assert responses[0]["Location"] == responses[1]["Location"]

    def followups():
        from services.feedback.models import FollowUp

        return FollowUp.objects.filter(rating__application=case).count()

    assert in_thread(followups) == 1  # one poor rating, one follow-up for the department


@pytest.mark.services
def test_two_tabs_rating_at_the_same_moment_record_one_and_tell_the_other(finished_case):
    case, rating = finished_case
    client = browser(HOST)
    one, two, tab = rating(level="5"), rating(level="1"), tab_of(client)
    responses = at_once(lambda: client.post(URL, one), lambda: tab.post(URL, two))
    recorded = in_thread(lambda: _ratings(case))
    assert len(recorded) == 1
    assert sorted(r.status_code for r in responses) == [200, 302]
    refused_index = next(i for i, r in enumerate(responses) if r.status_code == 200)
    refused = responses[refused_index].content.decode()
    loser = (one, two)[refused_index]
    assert recorded[0][1] != loser["comment"]  # the recorded one is the winner's
    assert ALREADY in refused and loser["comment"] in refused  # told, and what was typed kept
