"""The account pages: register in two steps, sign in with next, my applications,
the profile, hostile input; in Chinese and English."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accounts import registry, service
from accounts.models import Account, PhoneCode
from formguard.guard import issue_token
from tests.casefile.factories import PermitFactory

from .conftest import WRONG_ID, WWW, credit_code, deliver_and_read_code

pytestmark = pytest.mark.django_db


def _value(html: str, name: str) -> str:
    found = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'<input[^>]*value="([^"]*)"[^>]*name="{name}"', html)
    return found.group(1) if found else ""


def _register(client, data, host=WWW):
    first = client.post("/account/register/", data, **host)
    assert first.status_code == 200
    code = deliver_and_read_code(data["phone"])
    return first, client.post("/account/register/", {**data, "action": "submit", "code": code}, **host)


def test_register_a_person_in_two_steps_and_land_on_my_account(client, person):
    first, second = _register(client, person(phone="13912340301", id_number="11010119900307803x "))
    html = first.content.decode()
    assert "验证码已发送至 139****0301" in html
    assert _value(html, "name") == "王小明" and 'name="code"' in html  # typed data kept, code asked for
    assert second.status_code == 302 and second["Location"] == "/account/"
    account = Account.objects.get(phone="13912340301")
    assert account.id_number == "11010119900307803X" and account.kind == "natural"
    assert not account.user.is_staff and not account.user.has_usable_password()
    page = client.get("/account/", **WWW).content.decode()
    assert "注册成功" in page and "王小明" in page and "我的办件" in page


def test_a_wrong_resident_id_is_refused_at_once_with_everything_kept(client, person):
    response = client.post("/account/register/", person(phone="13912340302", id_number=WRONG_ID), **WWW)
    html = response.content.decode()
    assert "身份证号码有误" in html
    assert _value(html, "id_number") == WRONG_ID and _value(html, "phone") == "13912340302"
    assert 'aria-describedby="id_id_number-help id_id_number-errors"' in html
    assert not PhoneCode.objects.filter(phone="13912340302").exists()  # no SMS for a refused form


def test_a_wrong_credit_code_is_refused_in_english_too(client, person):
    good = credit_code()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    data = person(kind="legal", name="", id_type="", id_number="", org_name="北辰热力有限公司",
                  credit_code=bad, legal_representative="赵六", phone="13912340303")
    html = client.post("/account/register/", data, HTTP_HOST="en.localhost").content.decode()
    assert "unified social credit code" in html.lower() or "统一社会信用代码有误" in html
    assert _value(html, "org_name") == "北辰热力有限公司"
    first, second = _register(client, {**data, "credit_code": good.lower()})
    assert second.status_code == 302
    account = Account.objects.get(phone="13912340303")
    assert account.credit_code == good and account.kind == "legal" and account.name == ""


def test_a_wrong_code_keeps_the_form_and_says_so(client, person):
    data = person(phone="13912340304")
    client.post("/account/register/", data, **WWW)
    code = deliver_and_read_code("13912340304")
    wrong = f"{(int(code) + 1) % 1000000:06d}"
    html = client.post("/account/register/", {**data, "action": "submit", "code": wrong}, **WWW).content.decode()
    assert "短信验证码不正确或已过期" in html and _value(html, "name") == "王小明"
    assert not Account.objects.filter(phone="13912340304").exists()


def test_a_phone_registered_already_is_told_to_sign_in(client, person):
    service.register_account(data={"kind": "natural", "phone": "13912340305", "name": "甲", "id_type": "resident_id",
                                   "id_number": "11010119900307803X"})
    html = client.post("/account/register/", person(phone="13912340305"), **WWW).content.decode()
    assert "该手机号码已经注册" in html


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_strings_in_every_field_are_stored_inert(client, person):
    data = person(phone="13912340306", name=f"{HOSTILE}张三", email="zs@example.com")
    data.update(org_name=HOSTILE, legal_representative=HOSTILE, credit_code="<b>1</b>", id_type="passport",
                id_number="E1234<b>5</b>")
    first, second = _register(client, data)
    assert second.status_code == 302
    account = Account.objects.get(phone="13912340306")
    assert account.name == "张三"
    assert "<" not in account.id_number and "script" not in account.id_number
    page = client.get("/account/", **WWW).content.decode()
    assert "<script>alert" not in page and "onerror=alert" not in page
    # and a login form that gets hostile input shows it back escaped
    html = client.post("/account/login/", {"phone": HOSTILE, "action": "send", "website": "", "submit_token": issue_token()}, **WWW).content.decode()
    assert "<script>alert" not in html


def _account(phone="13912340310", **extra):
    return service.register_account(data={
        "kind": "natural", "phone": phone, "name": "王五", "id_type": "resident_id",
        "id_number": "11010119900307803X", **extra,
    })


def _login(client, phone, *, next_url="", host=WWW):
    client.post("/account/login/", {"phone": phone, "action": "send", "next": next_url, "website": "", "submit_token": issue_token()}, **host)
    code = deliver_and_read_code(phone)
    return client.post("/account/login/", {"phone": phone, "action": "submit", "code": code, "next": next_url,
                                           "website": "", "submit_token": issue_token()}, **host)


def test_sign_in_honours_a_same_host_next_only(client):
    _account()
    response = _login(client, "13912340310", next_url="/account/profile/")
    assert response.status_code == 302 and response["Location"] == "/account/profile/"
    assert client.get("/account/profile/", **WWW).status_code == 200
    client.post("/account/logout/", **WWW)
    assert client.get("/account/", **WWW).status_code == 302
    from django.core.cache import cache

    cache.clear()
    response = _login(client, "13912340310", next_url="https://evil.example/phish")
    assert response["Location"] == "/account/"


def test_sign_in_with_an_unknown_phone_or_a_wrong_code():
    client = Client()
    html = client.post("/account/login/", {"phone": "13912340399", "action": "send", "website": "", "submit_token": issue_token()}, **WWW)
    assert "尚未注册" in html.content.decode()
    _account("13912340311")
    client.post("/account/login/", {"phone": "13912340311", "action": "send", "website": "", "submit_token": issue_token()}, **WWW)
    code = deliver_and_read_code("13912340311")
    wrong = f"{(int(code) + 1) % 1000000:06d}"
    html = client.post("/account/login/", {"phone": "13912340311", "action": "submit", "code": wrong,
                                           "website": "", "submit_token": issue_token()}, **WWW).content.decode()
    assert "短信验证码不正确或已过期" in html
    assert "_auth_user_id" not in client.session


def test_staff_cannot_sign_in_with_a_phone(client, demo_user):
    admin = demo_user("admin")
    Account.objects.create(user=admin, kind="natural", phone="13912340312", name="管理员")
    html = client.post("/account/login/", {"phone": "13912340312", "action": "send", "website": "", "submit_token": issue_token()},
                       **WWW).content.decode()
    assert "尚未注册" in html
    assert not PhoneCode.objects.filter(phone="13912340312").exists()


def test_my_applications_lists_my_kernel_cases_and_not_anothers(client):
    me, other = _account("13912340320"), _account("13912340321")
    mine = PermitFactory(account=me.user)
    theirs = PermitFactory(account=other.user)
    client.force_login(me.user, backend=service.PHONE_BACKEND)
    html = client.get("/account/", **WWW).content.decode()
    assert mine.receipt_number in html and theirs.receipt_number not in html
    assert "行政许可申请" in html and "审查中" in html
    assert f'datetime="{mine.due_on:%Y-%m-%d}"' in html


def test_domains_add_sections_to_the_account_page(client):
    me = _account("13912340322")
    registry.register_section("test.drafts", "我的草稿", lambda user: [
        ("食品经营许可（草稿）", "/banshi/draft/1/", "草稿", None),
    ] if user == me.user else [])
    try:
        client.force_login(me.user, backend=service.PHONE_BACKEND)
        html = client.get("/account/", **WWW).content.decode()
    finally:
        registry.unregister_section("test.drafts")
    assert "我的草稿" in html and 'href="/banshi/draft/1/"' in html


def test_the_profile_is_rechecked_when_edited(client):
    me = _account("13912340323")
    client.force_login(me.user, backend=service.PHONE_BACKEND)
    data = {"kind": "natural", "name": "王五", "id_type": "resident_id", "id_number": WRONG_ID, "email": "",
            "language": "en", "org_name": "", "credit_code": "", "legal_representative": "", "website": "",
            "submit_token": _value(client.get("/account/profile/", **WWW).content.decode(), "submit_token")}
    html = client.post("/account/profile/", data, **WWW).content.decode()
    assert "身份证号码有误" in html and _value(html, "id_number") == WRONG_ID
    response = client.post("/account/profile/", {**data, "id_number": "11010119900307803X", "email": "w5@example.com"},
                           **WWW)
    assert response.status_code == 302
    me.refresh_from_db()
    assert me.language == "en" and me.email == "w5@example.com"
    assert get_user_model().objects.get(pk=me.user_id).email == "w5@example.com"


def test_pages_render_on_the_mongolian_and_english_sites(client):
    for host in ("mgl.localhost", "en.localhost"):
        for path in ("/account/register/", "/account/login/"):
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code == 200
            html = response.content.decode()
            assert 'name="phone"' in html and "accounts/accounts.css" in html
    assert client.get("/account/", HTTP_HOST="en.localhost")["Location"].startswith("/account/login/?next=")
