"""Registering: the form sent twice at the same moment (one code, one token)
makes one account, and the second answer says the account exists, not that
the code was wrong. Two forms with one phone make one account too."""
from __future__ import annotations

import pytest

from formguard.guard import issue_token

from ..accounts.conftest import RESIDENT_ID, deliver_and_read_code
from .conftest import at_once, browser, forget_browser_traces, in_thread, new_phone, tab_of

HOST = "www.localhost"
URL = "/account/register/"


@pytest.fixture
def registering():
    phone, client = new_phone(), browser(HOST)
    made: dict = {"tokens": [], "clients": [client]}

    def data(**overrides):
        body = {"kind": "natural", "name": "王小明", "id_type": "resident_id", "id_number": RESIDENT_ID,
                "org_name": "", "credit_code": "", "legal_representative": "", "phone": phone,
                "email": "", "website": "", "submit_token": issue_token(), "action": "send"}
        body.update(overrides)
        made["tokens"].append(body["submit_token"])
        return body

    yield client, phone, data, made

    def forget():
        from accounts.models import Account

        for account in Account.objects.filter(phone=phone).select_related("user"):
            account.user.delete()
        forget_browser_traces(tokens=made["tokens"], phones=[phone], clients=made["clients"])

    in_thread(forget)


def _code(client, data) -> str:
    def send():
        sent = client.post(URL, data)
        assert sent.status_code == 200 and 'name="code"' in sent.content.decode()
        return deliver_and_read_code(data["phone"])

    return in_thread(send)


def _accounts(phone) -> int:
    from accounts.models import Account

    return Account.objects.filter(phone=phone).count()


@pytest.mark.services
def test_the_register_form_sent_twice_at_the_same_moment_makes_one_account(registering):
    client, phone, data, made = registering
    form = data()
    code = _code(client, form)
    submit = {**form, "action": "submit", "code": code}
    tab = tab_of(client)
    made["clients"].append(tab)
    tabs = (client, tab)
    responses = at_once(lambda: client.post(URL, submit), lambda: tab.post(URL, submit))
    assert in_thread(lambda: _accounts(phone)) == 1
    # one signs in; the other is told the account exists (never "wrong code")
    assert [r.status_code for r in responses] == [302, 302], [r.content.decode()[:3000] for r in responses]
    assert sorted(r["Location"] for r in responses) in (["/account/", "/account/"], ["/account/", "/account/login/"])
    for one, response in zip(tabs, responses, strict=True):
        page = in_thread(lambda one=one, response=response: one.get(response["Location"])).content.decode()
        if response["Location"] == "/account/login/":
            assert "账户已经注册，请用手机号码和短信验证码登录。" in page


@pytest.mark.services
def test_two_register_forms_with_one_phone_make_one_account(registering):
    """Two browsers send the same phone and its one code at the same moment: one
    account; the other is refused with the code's message, what it typed kept."""
    client, phone, data, made = registering
    other = browser(HOST)
    made["clients"].append(other)
    first = data()
    code = _code(client, first)
    responses = at_once(
        lambda: client.post(URL, {**first, "action": "submit", "code": code}),
        lambda: other.post(URL, {**data(), "action": "submit", "code": code}),
    )
    assert in_thread(lambda: _accounts(phone)) == 1
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 302]
    refused = next(r for r in responses if r.status_code == 200).content.decode()
    # told (the code was used, or the phone was taken by then), what was typed kept
    assert ("短信验证码不正确或已过期" in refused or "该手机号码已经注册，请直接登录。" in refused), refused
    assert 'value="王小明"' in refused
