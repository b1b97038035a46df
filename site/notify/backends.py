"""SMS backends. The default writes each message to a file under DATA_DIR/sms,
like Django's file e-mail backend, so the demo and tests need no gateway;
production sets SMS_BACKEND to its gateway's backend class."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from django.conf import settings
from django.utils import timezone


class BaseSMSBackend:
    def send(self, *, phone: str, text: str) -> str:
        """Send one message and return the gateway's message id."""
        raise NotImplementedError


class FileSMSBackend(BaseSMSBackend):
    def send(self, *, phone: str, text: str) -> str:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        message_id = uuid.uuid4().hex
        record = {"id": message_id, "to": phone, "text": text, "at": timezone.now().isoformat()}
        (folder / f"{timezone.now():%Y%m%d-%H%M%S}-{message_id}.json").write_text(
            json.dumps(record, ensure_ascii=False), encoding="utf-8"
        )
        return message_id


class ConsoleSMSBackend(BaseSMSBackend):
    def send(self, *, phone: str, text: str) -> str:
        print(f"SMS to {phone}: {text}")
        return uuid.uuid4().hex
