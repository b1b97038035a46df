"""SMS backends. Chinese gateways (Aliyun, Tencent Cloud, …) send approved
templates only: ``send(phone=, template_code=, params=)``, the gateway fills in
the text. The default backend writes each message to a file under
DATA_DIR/sms, like Django's file e-mail backend, rendered locally from the
registered template in the recipient's language, so the demo and tests need no
gateway; production sets SMS_BACKEND to its gateway's backend class (and
SMS_TEMPLATE_CODES to the codes the gateway approved)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from . import registry


class BaseSMSBackend:
    def send(self, *, phone: str, template_code: str, params: dict[str, str], language: str | None = None) -> str:
        """Send one message and return the gateway's message id."""
        raise NotImplementedError


def render_locally(template_code: str, params: dict[str, str], language: str | None) -> str:
    return registry.for_sms_code(template_code).render(params, language)[1]


class FileSMSBackend(BaseSMSBackend):
    def send(self, *, phone: str, template_code: str, params: dict[str, str], language: str | None = None) -> str:
        text = render_locally(template_code, params, language)
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        message_id = uuid.uuid4().hex
        record = {
            "id": message_id, "to": phone, "template": template_code, "params": params,
            "language": language, "text": text, "at": timezone.now().isoformat(),
        }
        (folder / f"{timezone.now():%Y%m%d-%H%M%S}-{message_id}.json").write_text(
            json.dumps(record, ensure_ascii=False), encoding="utf-8"
        )
        return message_id


class ConsoleSMSBackend(BaseSMSBackend):
    def send(self, *, phone: str, template_code: str, params: dict[str, str], language: str | None = None) -> str:
        print(f"SMS to {phone}: {render_locally(template_code, params, language)}")
        return uuid.uuid4().hex
