import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from formguard.guard import issue_token

WWW = {"HTTP_HOST": "www.localhost"}
RESIDENT_ID = "11010119900307803X"  # right check digit
WRONG_ID = "110101199003078031"


@pytest.fixture(autouse=True)
def fresh_limits():
    """Rate-limit and captcha counters live in the cache; each test starts afresh."""
    from django.core.cache import cache

    cache.clear()


def credit_code(body: str = "91150100MA0N1C2D3") -> str:
    from casefile import identity

    return identity.with_check_character("credit_code", body + "0")


def deliver_and_read_code(phone: str) -> str:
    """Send what the outbox holds for ``phone`` (as the worker would) and read the
    code from the SMS that reached it."""
    from notify import service as notify
    from notify.models import Outbox

    for message in Outbox.objects.filter(recipient=phone, status=Outbox.Status.PENDING):
        notify.deliver(message.pk)
    texts = sms_texts(phone)
    assert texts, f"no SMS reached {phone}"
    return re.search(r"\d{6}", texts[-1]).group(0)


def sms_texts(phone: str) -> list[str]:
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(settings.SMS_FILE_PATH).glob("*.json"))]
    records = [r for r in records if r["to"] == phone]
    records.sort(key=lambda r: r["at"])
    return [r["text"] for r in records]


@pytest.fixture
def person():
    def make(**overrides):
        data = {
            "kind": "natural", "name": "王小明", "id_type": "resident_id", "id_number": RESIDENT_ID,
            "org_name": "", "credit_code": "", "legal_representative": "",
            "phone": "13912340101", "email": "xiaoming@example.com", "website": "",
            "submit_token": issue_token(), "action": "send",
        }
        data.update(overrides)
        return data

    return make
