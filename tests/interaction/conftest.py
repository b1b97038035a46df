import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from cluster.models import Organisation
from formguard.guard import issue_token
from interaction import service
from interaction.models import Mailbox

WWW = {"HTTP_HOST": "www.localhost"}
CITY, FGW, JYJ, STHJ = "11150100MB0000001A", "11150100MB0000102B", "11150100MB0000203C", "11150100MB0000304D"


@pytest.fixture(autouse=True)
def fresh_limits():
    """Rate limits, captcha counters and the sensitive-word list live in the cache."""
    from django.core.cache import cache

    cache.clear()


def org(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


@pytest.fixture
def mayor(db) -> Mailbox:
    return Mailbox.objects.get(name="市长信箱")


@pytest.fixture
def platform(db) -> Mailbox:
    return Mailbox.objects.get(kind="platform")


@pytest.fixture
def admin(db):
    return get_user_model().objects.get(username="admin")


@pytest.fixture
def staff(db):
    def get(username):
        return get_user_model().objects.get(username=username)

    return get


WRITER = {"applicant_kind": "natural", "name": "王小明", "phone": "13912345678", "email": "xm@example.com"}


@pytest.fixture
def submit(mayor):
    def make(*, mailbox=None, kind="suggest", subject="建议增设公交站", content="昭君路附近没有公交站。", **kw):
        kw.setdefault("writer", dict(WRITER))
        return service.submit_letter(mailbox=mailbox or mayor, kind=kind, subject=subject, content=content, **kw)

    return make


def form_data(**overrides) -> dict:
    data = {
        "kind": "suggest", "subject": "建议增设公交站", "content": "昭君路与青城街路口附近没有公交站，出行不便。",
        "applicant_kind": "natural", "name": "王小明", "phone": "13912345678", "email": "", "address": "",
        "phone_code": "", "website": "", "submit_token": issue_token(),
    }
    data.update(overrides)
    return data


def deliver_and_read_code(phone: str) -> str:
    from notify import service as notify
    from notify.models import Outbox

    for message in Outbox.objects.filter(recipient=phone, status=Outbox.Status.PENDING):
        notify.deliver(message.pk)
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(settings.SMS_FILE_PATH).glob("*.json"))]
    texts = [r["text"] for r in sorted((r for r in records if r["to"] == phone), key=lambda r: r["at"])]
    assert texts, f"no SMS reached {phone}"
    return re.search(r"\d{6}", texts[-1]).group(0)
