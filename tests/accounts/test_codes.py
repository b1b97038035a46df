"""One-time SMS codes: hashed only, expiring, locked after five wrong tries,
rate-limited per phone and per address; phone confirmation in the session."""

from datetime import timedelta

import pytest
from django import forms
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from accounts import service
from accounts.forms import SEND_CODE_BUTTON, PhoneConfirmationMixin
from accounts.models import PhoneCode
from notify.models import Outbox

from .conftest import deliver_and_read_code

pytestmark = pytest.mark.django_db


def _request(address="192.0.2.10"):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore

    request = RequestFactory().post("/", REMOTE_ADDR=address)
    request.session = SessionStore()
    request.user = AnonymousUser()
    return request


def _all_rows(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 (a fixed table name)
        return " | ".join(" ".join(str(v) for v in row) for row in cursor.fetchall())


def test_the_code_reaches_the_phone_but_is_nowhere_in_the_database_in_clear():
    phone = "13912340201"
    row = service.send_code(_request(), phone, purpose="login")
    pending = _all_rows("notify_outbox") + _all_rows("accounts_phonecode")
    code = deliver_and_read_code(phone)
    assert len(code) == 6
    assert code not in pending  # queued: sealed in the outbox, hashed in the code table
    assert code not in _all_rows("notify_outbox") + _all_rows("accounts_phonecode")  # sent: masked
    assert Outbox.objects.get(recipient=phone).status == Outbox.Status.SENT
    assert row.code_hash != code and len(row.code_hash) == 64
    assert service.check_code(phone=phone, purpose="login", code=code) == service.Check.OK
    # once only
    assert service.check_code(phone=phone, purpose="login", code=code) == service.Check.WRONG


def test_an_expired_code_and_a_guessed_one_get_the_same_answer():
    phone = "13912340202"
    service.send_code(_request(), phone, purpose="login")
    code = deliver_and_read_code(phone)
    guess = "000000" if code != "000000" else "111111"
    guessed = service.check_code(phone=phone, purpose="login", code=guess)
    PhoneCode.objects.filter(phone=phone).update(expires_at=timezone.now() - timedelta(seconds=1))
    expired = service.check_code(phone=phone, purpose="login", code=code)
    assert guessed == expired == service.Check.WRONG
    assert service.check_message(guessed) == service.check_message(expired)
    # a code for one purpose does not serve another
    service.send_code(_request("192.0.2.11"), "13912340203", purpose="register")
    other = deliver_and_read_code("13912340203")
    assert service.check_code(phone="13912340203", purpose="login", code=other) == service.Check.WRONG


def test_five_wrong_tries_kill_the_code_and_a_new_one_is_needed():
    phone = "13912340204"
    service.send_code(_request(), phone, purpose="login")
    code = deliver_and_read_code(phone)
    wrong = f"{(int(code) + 1) % 1000000:06d}"
    results = [service.check_code(phone=phone, purpose="login", code=wrong) for _ in range(5)]
    assert results == [service.Check.WRONG] * 4 + [service.Check.LOCKED]
    assert service.check_code(phone=phone, purpose="login", code=code) == service.Check.LOCKED
    assert "重新获取" in service.check_message(service.Check.LOCKED)
    cache.clear()  # a minute later
    service.send_code(_request("192.0.2.12"), phone, purpose="login")
    fresh = deliver_and_read_code(phone)
    assert service.check_code(phone=phone, purpose="login", code=fresh) == service.Check.OK


def test_one_code_a_minute_per_phone(monkeypatch):
    phone = "13912340205"
    service.send_code(_request("192.0.2.20"), phone)
    with pytest.raises(service.CodeRefused) as refused:
        service.send_code(_request("192.0.2.21"), phone)  # from another address too
    assert "1 分钟" in refused.value.messages[0]
    assert PhoneCode.objects.filter(phone=phone).count() == 1


def test_five_an_hour_per_phone_and_a_limit_per_address(monkeypatch):
    monkeypatch.setattr(service, "PHONE_MINUTE_RATE", "100/m")
    phone = "13912340206"
    for n in range(5):
        service.send_code(_request(f"192.0.2.{30 + n}"), phone)
    with pytest.raises(service.CodeRefused):
        service.send_code(_request("192.0.2.40"), phone)
    monkeypatch.setattr(service, "ADDRESS_RATE", "3/h")
    for n in range(3):
        service.send_code(_request("192.0.2.50"), f"1391234030{n}")
    with pytest.raises(service.CodeRefused):
        service.send_code(_request("192.0.2.50"), "13912340309")


def test_not_a_mobile_number_is_refused_with_a_message():
    with pytest.raises(service.CodeRefused) as refused:
        service.send_code(_request(), "0471-1234567")
    assert "11 位手机号码" in refused.value.messages[0]
    assert service.normalize_mobile("+86 139 1234 0207") == "13912340207"


def test_a_confirmed_phone_holds_for_thirty_minutes_in_the_session():
    request, phone = _request(), "13912340208"
    service.send_code(request, phone)
    code = deliver_and_read_code(phone)
    assert service.confirmed_phone(request) is None
    assert not service.confirm_phone(request, phone, "12345" + ("6" if code[-1] != "6" else "7"))
    assert service.confirm_phone(request, phone, code)
    assert service.confirmed_phone(request) == phone
    mark = request.session[service.SESSION_CONFIRMED]
    mark["until"] = (timezone.now() - timedelta(seconds=1)).timestamp()
    request.session[service.SESSION_CONFIRMED] = mark
    assert service.confirmed_phone(request) is None


class LetterForm(PhoneConfirmationMixin, forms.Form):
    content = forms.CharField()


def test_the_form_mixin_sends_then_confirms_keeping_what_was_typed():
    request, phone = _request(), "13912340209"
    data = {"content": "小区路灯不亮", "phone": phone, SEND_CODE_BUTTON: "1"}
    form = LetterForm(data, request=request)
    assert form.wants_code() and form.send_code()
    assert form.errors == {} and form.code_sent
    html = str(form["content"])
    assert "小区路灯不亮" in html
    code = deliver_and_read_code(phone)
    # without the code: refused, on the code's field
    form = LetterForm({"content": "小区路灯不亮", "phone": phone}, request=request)
    assert not form.is_valid() and "phone_code" in form.errors
    form = LetterForm({"content": "小区路灯不亮", "phone": phone, "phone_code": code}, request=request)
    assert form.is_valid(), form.errors
    assert service.confirmed_phone(request) == phone
    # confirmed: the next letter in this session needs no new code
    assert LetterForm({"content": "又一封", "phone": phone}, request=request).is_valid()


def test_a_bad_number_in_the_send_step_is_the_only_error():
    form = LetterForm({"content": "", "phone": "123", SEND_CODE_BUTTON: "1"}, request=_request())
    assert not form.send_code()
    assert list(form.errors) == ["phone"]


def test_applicant_initial_fills_the_kernel_fields():
    account = service.register_account(data={
        "kind": "natural", "phone": "13912340210", "name": "李四", "id_type": "resident_id",
        "id_number": "11010119900307803X", "email": "li@example.com", "org_name": "不该留下",
    })
    initial = service.applicant_initial(account.user)
    assert initial == {
        "applicant_kind": "natural", "name": "李四", "id_type": "resident_id", "id_number": "11010119900307803X",
        "org_name": "", "credit_code": "", "legal_representative": "", "phone": "13912340210",
        "email": "li@example.com",
    }
    assert not account.user.has_usable_password() and not account.user.is_staff
    assert service.applicant_initial(None) == {}
