"""写信 (mailboxes): a letter sent twice, or twice at the same moment, is
registered once; the second answer shows the first receipt."""
from __future__ import annotations

import secrets

import pytest

from ..interaction.conftest import form_data
from .conftest import (
    at_once,
    browser,
    confirm_phone,
    forget_browser_traces,
    forget_cases,
    in_thread,
    new_phone,
    tab_of,
)

HOST = "www.localhost"
URL = "/hudong/xie/"
NOTICE = "这封来信已经提交过，下面是第一次提交的结果，没有重复登记。"


@pytest.fixture
def writer():
    """A browser whose phone is confirmed, and the letter it writes to 市长信箱."""
    from interaction.models import Mailbox

    phone = new_phone()
    client = browser(HOST)

    def setup():
        confirm_phone(client, phone)
        return Mailbox.objects.get(name="市长信箱").pk

    mailbox = in_thread(setup)
    data = form_data(mailbox=mailbox, phone=phone, subject=f"建议增设公交站 {secrets.token_hex(4)}")
    yield client, data

    def forget():
        from interaction.models import Letter

        forget_cases(*Letter.objects.filter(subject=data["subject"]))
        forget_browser_traces(tokens=[data["submit_token"]], phones=[phone], clients=[client])

    in_thread(forget)


def _letters(subject: str) -> list[str]:
    from interaction.models import Letter

    return list(Letter.objects.filter(subject=subject).values_list("receipt_number", flat=True))


def _assert_one_letter(data, responses):
    numbers = in_thread(lambda: _letters(data["subject"]))
    assert len(numbers) == 1, numbers
    assert sorted(r.status_code for r in responses) == [200, 302]
    created = next(r for r in responses if r.status_code == 302)
    assert created["Location"] == f"/hudong/huizhi/?n={numbers[0]}"
    again = next(r for r in responses if r.status_code == 200).content.decode()
    assert NOTICE in again and numbers[0] in again


@pytest.mark.services
def test_a_letter_sent_twice_is_registered_once(writer):
    client, data = writer
    responses = [in_thread(lambda: client.post(URL, data)) for _ in range(2)]
    _assert_one_letter(data, responses)


@pytest.mark.services
def test_a_letter_sent_twice_at_the_same_moment_is_registered_once(writer):
    client, data = writer
    tab = tab_of(client)
    responses = at_once(lambda: client.post(URL, data), lambda: tab.post(URL, data))
    _assert_one_letter(data, responses)
