import pytest


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Every test client request comes from 127.0.0.1: start each test with fresh limits."""
    from django.core.cache import cache

    cache.clear()
