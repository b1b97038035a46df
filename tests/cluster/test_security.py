"""Admin login limits, CSRF, CSP and the production settings' deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from cluster.demo.builder import DEMO_PASSWORD

REPO = Path(__file__).resolve().parents[2]
WWW = {"HTTP_HOST": "www.localhost"}


def login(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password}, **WWW)


@pytest.mark.django_db
def test_right_password_logs_in(demo_user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.conftest import totp_code

    client = Client()
    response = login(client, "byhq_editor", DEMO_PASSWORD)
    assert response.status_code == 302
    # the password is the first step; the admin opens after the TOTP code (accounts.otp)
    assert client.get("/admin/", **WWW)["Location"].startswith("/admin/otp/")
    device = TOTPDevice.objects.get(user=demo_user("byhq_editor"), confirmed=True)
    assert client.post("/admin/otp/", {"token": totp_code(device)}, **WWW).status_code == 302
    assert client.get("/admin/", **WWW).status_code == 200


@pytest.mark.django_db
def test_locked_out_after_five_failures(client):
    for attempt in range(5):
        response = login(client, "byhq_editor", f"wrong-password-{attempt}")
        # the login form again; the fifth failure already answers with the lockout page
        assert response.status_code == (200 if attempt < 4 else 429)
        assert "_auth_user_id" not in client.session
    response = login(client, "byhq_editor", DEMO_PASSWORD)
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/", **WWW).status_code == 302  # still sent to the login page
    # the lockout page is our own, not Django's default
    assert "cluster/lockout.html" in [t.name for t in response.templates]


PROXY = "10.0.0.5"  # the nginx in front of the application (README, production)


def via_proxy(address: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


@pytest.mark.django_db
def test_lockout_is_per_user_and_real_address_behind_the_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    clumsy, colleague = via_proxy("203.0.113.7"), via_proxy("198.51.100.9")
    for attempt in range(5):
        login(clumsy, "byhq_editor", f"wrong-password-{attempt}")
    assert login(clumsy, "byhq_editor", DEMO_PASSWORD).status_code in (403, 429)
    # the same user name from another address behind the same nginx still logs in
    assert login(colleague, "byhq_editor", DEMO_PASSWORD).status_code == 302
    # and so does another user from the locked-out address
    assert login(via_proxy("203.0.113.7"), "byhq_signer", DEMO_PASSWORD).status_code == 302


@pytest.mark.django_db
def test_forged_forwarded_for_from_an_untrusted_address_is_not_believed(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    for attempt in range(5):
        # a new made-up address with every guess, sent straight to the application
        guesser = Client(REMOTE_ADDR="192.0.2.66", HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt + 10}")
        login(guesser, "byhq_editor", f"wrong-password-{attempt}")
    forged = Client(REMOTE_ADDR="192.0.2.66", HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert login(forged, "byhq_editor", DEMO_PASSWORD).status_code in (403, 429)
    # the real owner of the account, behind the trusted proxy, is not locked out
    assert login(via_proxy("203.0.113.10"), "byhq_editor", DEMO_PASSWORD).status_code == 302


@pytest.mark.django_db
def test_login_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = login(client, "byhq_editor", DEMO_PASSWORD)
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_with_csrf_token_works():
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/", **WWW)
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/admin/login/",
        {"username": "byhq_editor", "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token},
        **WWW,
    )
    assert response.status_code == 302


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


@pytest.mark.django_db
def test_admin_csp_lets_wagtail_work(client, demo_user):
    client.force_login(demo_user("admin"))
    response = client.get("/admin/", **WWW)
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]  # Wagtail's admin has inline scripts
    assert "'self'" in csp["script-src"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert "blob:" in csp["img-src"]  # image previews before upload
    assert csp["object-src"] == ["'none'"]
    assert "'self'" in csp["frame-ancestors"]


@pytest.mark.django_db
def test_public_pages_csp_is_strict(client):
    response = client.get("/", **WWW)
    csp = directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_production_settings_pass_deploy_checks():
    env = {
        **os.environ,
        "PYTHONPATH": "site",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/govsite",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "ALLOWED_HOSTS": ".example.gov.cn",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--settings=govsite.settings.production"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNING" not in output


def test_production_settings_need_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    env.update({"PYTHONPATH": "site", "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/govsite",
                "REDIS_URL": "redis://127.0.0.1:6379/15", "ALLOWED_HOSTS": ".example.gov.cn"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--settings=govsite.settings.production"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
