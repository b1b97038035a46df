"""网上调查: answers sent twice at the same moment are counted once: the same
form (one token) says "submitted" both times; two tabs of one phone (two
tokens) count once and the other is told, with its answers still on the page."""
from __future__ import annotations

import secrets

import pytest

from formguard.guard import issue_token

from .conftest import at_once, browser, confirm_phone, forget_browser_traces, in_thread, new_phone, tab_of

HOST = "www.localhost"
SENT = "您的答卷已提交"
ONCE = "您已经参加过本次调查，每个手机号码（账户）只能提交一次。"


@pytest.fixture
def answering():
    from interaction.surveys import service
    from interaction.surveys.models import SurveyPage

    phone, client = new_phone(), browser(HOST)
    made: dict = {"tokens": []}

    def setup():
        confirm_phone(client, phone)
        survey = SurveyPage.objects.get(slug="zwfw-manyidu", locale__language_code="zh-hans")
        made.update(url=survey.relative_url(survey.get_site()), blocks=[b.id for b in survey.questions],
                    hash=service.phone_hash(survey, phone), survey=survey.pk)

    in_thread(setup)

    def answers(**overrides):
        blocks = made["blocks"]
        data = {"submit_token": issue_token(), "website": "", f"q_{blocks[0]}": "1", f"q_{blocks[1]}": "5",
                f"q_{blocks[2]}": "4", f"q_{blocks[3]}": ["0", "2"],
                f"q_{blocks[4]}": f"希望延长周末办事时间。{secrets.token_hex(4)}"}
        data.update(overrides)
        made["tokens"].append(data["submit_token"])
        return data

    yield client, made, answers

    def forget():
        from interaction.surveys.models import Response

        Response.objects.filter(survey_id=made["survey"], phone_hash=made["hash"]).delete()
        forget_browser_traces(tokens=made["tokens"], phones=[phone], clients=[client])

    in_thread(forget)


def _responses(made) -> int:
    from interaction.surveys.models import Response

    return Response.objects.filter(survey_id=made["survey"], phone_hash=made["hash"]).count()


@pytest.mark.services
def test_the_same_answers_sent_twice_at_the_same_moment_count_once(answering):
    client, made, answers = answering
    data, tab = answers(), tab_of(client)
    responses = at_once(lambda: client.post(made["url"], data), lambda: tab.post(made["url"], data))
    assert in_thread(lambda: _responses(made)) == 1
    for response in responses:  # the same form: both answers say it was received
        assert response.status_code == 200 and SENT in response.content.decode()


@pytest.mark.services
def test_two_tabs_answering_at_the_same_moment_count_once_and_the_other_is_told(answering):
    client, made, answers = answering
    one, two, tab = answers(), answers(), tab_of(client)
    responses = at_once(lambda: client.post(made["url"], one), lambda: tab.post(made["url"], two))
    assert in_thread(lambda: _responses(made)) == 1
    assert sorted(r.status_code for r in responses) == [200, 409]
    assert SENT in next(r for r in responses if r.status_code == 200).content.decode()
    refused_index = next(i for i, r in enumerate(responses) if r.status_code == 409)
    refused = responses[refused_index].content.decode()
    typed = (one, two)[refused_index][f"q_{made['blocks'][4]}"]
    assert ONCE in refused and typed in refused  # told why, what was typed still there
