import datetime as dt

import pytest
from django.utils import timezone

from accounts.service import SESSION_CONFIRMED
from formguard.guard import issue_token
from interaction.consultations.models import ConsultationIndexPage, ConsultationPage


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def confirmed(client):
    """The test client's session has a phone confirmed by SMS code."""

    def confirm(phone="13947105678"):
        session = client.session
        session[SESSION_CONFIRMED] = {"phone": phone, "until": (timezone.now() + dt.timedelta(minutes=30)).timestamp()}
        session.save()
        return phone

    return confirm


@pytest.fixture
def open_draft(db):
    return ConsultationPage.objects.get(slug="yangquan-guanli", locale__language_code="zh-hans")


@pytest.fixture
def closed_draft(db):
    return ConsultationPage.objects.get(slug="laojiu-xiaoqu-gaizao", locale__language_code="zh-hans")


@pytest.fixture
def portal_index(db):
    page = ConsultationPage.objects.get(slug="yangquan-guanli", locale__language_code="zh-hans").get_parent()
    return ConsultationIndexPage.objects.get(pk=page.pk)


@pytest.fixture
def comment_data():
    def make(**overrides):
        data = {"section": "", "text": "建议在社区设置犬只便溺收集箱。", "name": "", "submit_token": issue_token(),
                "website": ""}
        data.update(overrides)
        return data

    return make
