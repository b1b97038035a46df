"""Shared fixtures: the demo cluster (loaded once per test database), its sites,
and users in each site's groups."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
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
