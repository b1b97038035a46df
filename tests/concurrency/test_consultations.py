"""意见征集: a comment sent twice, or twice at the same moment, is stored once,
and the second answer says it was received, not an error."""
from __future__ import annotations

import secrets

import pytest

from formguard.guard import issue_token

from .conftest import at_once, browser, confirm_phone, forget_browser_traces, in_thread, new_phone, tab_of

HOST = "www.localhost"
SENT = "您的意见已提交，感谢参与！意见经审核后公开。"
ALREADY = "您的意见此前已经提交，无需重复提交。"


@pytest.fixture
def commenting():
    from interaction.consultations.models import ConsultationPage

    phone, client = new_phone(), browser(HOST)

    def setup():
        confirm_phone(client, phone)
        page = ConsultationPage.objects.get(slug="yangquan-guanli", locale__language_code="zh-hans")
        return page.relative_url(page.get_site())

    url = in_thread(setup)
    data = {"section": "", "text": f"建议在社区设置犬只便溺收集箱。{secrets.token_hex(4)}", "name": "",
            "submit_token": issue_token(), "website": ""}
    yield client, url, data

    def forget():
        from interaction.consultations.models import Comment

        Comment.objects.filter(text=data["text"]).delete()
        forget_browser_traces(tokens=[data["submit_token"]], phones=[phone], clients=[client])

    in_thread(forget)


def _assert_one_comment(data, responses):
    from interaction.consultations.models import Comment

    assert in_thread(lambda: Comment.objects.filter(text=data["text"]).count()) == 1
    pages = sorted((r.content.decode() for r in responses), key=lambda page: ALREADY in page)
    assert [r.status_code for r in responses] == [200, 200]
    assert SENT in pages[0] and ALREADY in pages[1]


@pytest.mark.services
def test_a_comment_sent_twice_is_stored_once(commenting):
    client, url, data = commenting
    _assert_one_comment(data, [in_thread(lambda: client.post(url, data)) for _ in range(2)])


@pytest.mark.services
def test_a_comment_sent_twice_at_the_same_moment_is_stored_once(commenting):
    client, url, data = commenting
    tab = tab_of(client)
    _assert_one_comment(data, at_once(lambda: client.post(url, data), lambda: tab.post(url, data)))
