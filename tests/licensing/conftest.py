import pytest

from .factories import applicant_user, make_item


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def item(db):
    return make_item()


@pytest.fixture
def citizen(db):
    return applicant_user("citizen1")


@pytest.fixture
def other_citizen(db):
    return applicant_user("citizen2")


@pytest.fixture
def signed_in(client, citizen):
    client.force_login(citizen)
    return client
