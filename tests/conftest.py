"""Shared fixtures: the demo cluster (loaded once per test database), its sites,
and users in each site's groups."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Every test starts from the demo cluster, a small edition of it (3 articles a column).
    from django.core.cache import cache

    with django_db_blocker.unblock():
        # A shared cache (Redis in the services run) may hold an earlier run's sites.
        cache.clear()
        call_command("load_demo", articles=3, verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_site_lookup():
    # The per-process Host -> Site memo would outlive a test's rolled-back sites.
    from cluster.sites import _by_host

    _by_host.clear()
    yield
    _by_host.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request to the Mongolian or English site activates its language for the
    # thread; the next test starts in the default language again.
    from django.conf import settings
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def portal(db) -> Site:
    return Site.objects.get(hostname="www.localhost")


@pytest.fixture
def fgw(db) -> Site:
    return Site.objects.get(hostname="fgw.localhost")


@pytest.fixture
def jyj(db) -> Site:
    return Site.objects.get(hostname="jyj.localhost")


@pytest.fixture
def demo_user(db):
    def get(username: str):
        return get_user_model().objects.get(username=username)

    return get


# --- the staff's second factor ---------------------------------------------------------------


def totp_code(device, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now for ``device`` (TOTPDevice)."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def verify_second_factor(client, user):
    """What typing the right TOTP code does to a session: django-otp's session key
    names one of the user's confirmed devices (one is created if they have none)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


class SecondFactorClient(Client):
    """``force_login`` stands for the password; for staff it also stands for the
    TOTP step, as force_login skips the login form. Tests of the second factor
    itself use a plain ``django.test.Client``."""

    def force_login(self, user, backend=None):
        from accounts.otp import needs_second_factor

        super().force_login(user, backend)
        if needs_second_factor(user):
            verify_second_factor(self, user)


@pytest.fixture
def client():
    return SecondFactorClient()
