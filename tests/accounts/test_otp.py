"""The staff's second factor: a password alone opens no admin page; a wrong or
replayed TOTP code is refused; the right one lets them in; a user without a
device sets one up from the QR code's secret first."""

import re
from base64 import b32decode

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo_data import DEMO_TOTP_KEY, DEMO_TOTP_SECRET
from cluster.demo.builder import DEMO_PASSWORD
from tests.conftest import totp_code

from .conftest import WWW

pytestmark = pytest.mark.django_db


def _password_only(username: str) -> Client:
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": DEMO_PASSWORD}, **WWW)
    assert response.status_code == 302
    return client


def _no_throttle(device):
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_a_password_alone_opens_no_admin_page(path):
    client = _password_only("admin")
    response = client.get(path, **WWW)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/otp/?next=")


def test_wagtail_editors_who_are_not_staff_need_it_too():
    client = _password_only("fgw_editor")
    assert client.get("/admin/", **WWW)["Location"].startswith("/admin/otp/")


def test_a_wrong_code_is_refused_and_the_right_one_lets_in(demo_user):
    client = _password_only("fgw_signer")
    device = TOTPDevice.objects.get(user=demo_user("fgw_signer"), confirmed=True)
    page = client.get("/admin/otp/?next=/admin/pages/", **WWW)
    assert page.status_code == 200 and 'name="token"' in page.content.decode()
    right = totp_code(device)
    wrong = f"{(int(right) + 1) % 1000000:06d}"
    response = client.post("/admin/otp/", {"token": wrong, "next": "/admin/pages/"}, **WWW)
    assert response.status_code == 200 and "动态验证码不正确" in response.content.decode()
    assert client.get("/admin/", **WWW).status_code == 302
    _no_throttle(device)
    response = client.post("/admin/otp/", {"token": right, "next": "/admin/pages/"}, **WWW)
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/", **WWW).status_code == 200


def test_a_code_used_once_is_refused_the_second_time(demo_user):
    device = TOTPDevice.objects.get(user=demo_user("jyj_signer"), confirmed=True)
    first, second = _password_only("jyj_signer"), _password_only("jyj_signer")
    code = totp_code(device)
    assert first.post("/admin/otp/", {"token": code}, **WWW).status_code == 302
    replay = second.post("/admin/otp/", {"token": code}, **WWW)
    assert replay.status_code == 200 and "已经用过" in replay.content.decode()
    assert second.get("/admin/", **WWW).status_code == 302


def test_many_wrong_codes_slow_the_guesser_down(demo_user):
    client = _password_only("byhq_signer")
    device = TOTPDevice.objects.get(user=demo_user("byhq_signer"), confirmed=True)
    wrong = f"{(int(totp_code(device)) + 1) % 1000000:06d}"
    client.post("/admin/otp/", {"token": wrong}, **WWW)
    response = client.post("/admin/otp/", {"token": totp_code(device)}, **WWW)  # at once: throttled
    assert "秒后再试" in response.content.decode()
    assert client.get("/admin/", **WWW).status_code == 302


def test_without_a_device_the_user_sets_one_up_from_the_secret(demo_user):
    TOTPDevice.objects.filter(user=demo_user("jyj_editor")).delete()
    client = _password_only("jyj_editor")
    response = client.get("/admin/otp/", **WWW)
    assert response["Location"].startswith("/admin/otp/setup/")
    html = client.get(response["Location"], **WWW).content.decode()
    assert "<svg" in html
    secret = re.search(r'class="otp-secret">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    device = TOTPDevice.objects.get(user=demo_user("jyj_editor"))
    assert not device.confirmed and b32decode(secret) == device.bin_key
    assert client.get("/admin/", **WWW).status_code == 302  # not until confirmed
    response = client.post("/admin/otp/setup/", {"token": totp_code(device), "next": "/admin/"}, **WWW)
    assert response.status_code == 302
    assert client.get("/admin/", **WWW).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    # with a device, the setup page cannot add another (a password alone must not enrol a phone)
    other = _password_only("jyj_editor")
    assert other.get("/admin/otp/setup/", **WWW)["Location"].startswith("/admin/otp/?")


def test_a_citizen_is_not_asked_for_a_staff_code(client):
    from accounts import service

    account = service.register_account(data={"kind": "natural", "phone": "13912340401", "name": "丙",
                                             "id_type": "resident_id", "id_number": "11010119900307803X"})
    client.force_login(account.user, backend=service.PHONE_BACKEND)
    response = client.get("/admin/", **WWW)
    assert response.status_code == 302 and not response["Location"].startswith("/admin/otp/")


def test_the_requirement_can_be_switched_off(settings):
    settings.ADMIN_REQUIRE_OTP = False
    assert _password_only("admin").get("/admin/", **WWW).status_code == 200


def test_demo_users_share_the_readme_secret_and_demo_totp_prints_a_working_code(capsys, demo_user):
    device = TOTPDevice.objects.get(user=demo_user("www_editor"), confirmed=True)
    assert device.key == DEMO_TOTP_KEY and DEMO_TOTP_SECRET == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    call_command("demo_totp", "www_editor")
    code = capsys.readouterr().out.strip()
    assert re.fullmatch(r"\d{6}", code)
    client = _password_only("www_editor")
    assert client.post("/admin/otp/", {"token": code}, **WWW).status_code == 302
    assert client.get("/admin/", **WWW).status_code == 200


def test_force_login_in_tests_stands_for_both_steps(client, demo_user):
    client.force_login(demo_user("admin"))
    assert client.get("/admin/", **WWW).status_code == 200
