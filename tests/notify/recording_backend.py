from django.db import connection

from notify.backends import FileSMSBackend
from notify.models import Outbox

calls: list[dict] = []


class RecordingSMSBackend(FileSMSBackend):
    """Sends like the file backend and notes what the database looked like at
    the moment of the gateway call: how deep in transactions the caller was and
    what the message's row said."""

    def send(self, *, phone, template_code, params, language=None) -> str:
        row = Outbox.objects.filter(recipient=phone, channel="sms").order_by("-pk").values("status", "attempts").first()
        calls.append({"atomic_depth": len(connection.atomic_blocks), "row": row, "params": dict(params)})
        return super().send(phone=phone, template_code=template_code, params=params, language=language)
