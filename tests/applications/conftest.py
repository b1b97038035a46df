import pytest

from formguard.guard import issue_token


@pytest.fixture
def natural_person():
    """A valid public form submission from a natural person."""

    def make(**overrides):
        data = {
            "applicant_kind": "natural",
            "name": "王小明",
            "id_type": "resident_id",
            "id_number": "11010119900307803X",
            "phone": "13912345678",
            "email": "xiaoming@example.com",
            "address": "敕勒川市新城区光明路12号",
            "description": "2026年本市新建中小学校的立项批复文件",
            "purpose": "了解家附近学校建设进度",
            "preferred_form": "electronic",
            "delivery": "email",
            "submit_token": issue_token(),
            "website": "",
        }
        data.update(overrides)
        return data

    return make


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Every test client request comes from 127.0.0.1: start each test with fresh limits."""
    from django.core.cache import cache

    cache.clear()
