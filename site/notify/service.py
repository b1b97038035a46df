"""Sending SMS and e-mail.

``send_sms`` talks to the gateway directly. Domain apps call ``queue_message``
instead: it writes an ``Outbox`` row inside the caller's transaction and hands
it to Celery only after commit; if the broker is unreachable the row simply
waits for the ``deliver_pending`` beat, so submitting a form never fails
because of the message queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from .backends import BaseSMSBackend
from .models import Outbox

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 12
BATCH = 100


def sms_backend() -> BaseSMSBackend:
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, phone: str, text: str) -> str:
    """Send one SMS through the configured backend (a folder by default)."""
    return sms_backend().send(phone=phone, text=text)


Text = str | Callable[[], str]


def _render(value: Text) -> str:
    return str(value() if callable(value) else value)


def queue_message(
    *,
    channel: str,
    recipient: str,
    body: Text,
    subject: Text = "",
    language: str | None = None,
    reference: str = "",
) -> Outbox | None:
    """Write a message to the outbox and deliver it after commit.

    ``subject`` and ``body`` may be callables: they are rendered under the
    recipient's ``language`` (translation.override), so a Mongolian applicant
    gets a Mongolian SMS whoever triggered it. Returns None for an empty recipient."""
    if not (recipient or "").strip():
        return None
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        subject_text, body_text = _render(subject), _render(body)
    message = Outbox.objects.create(
        channel=channel, recipient=recipient.strip(), subject=subject_text[:200], body=body_text,
        language=language, reference=reference,
    )
    transaction.on_commit(lambda: enqueue(message.pk))
    return message


def enqueue(message_id: int) -> bool:
    """Hand one message to Celery; False (and the row stays pending) if the broker is down."""
    from .tasks import deliver

    try:
        deliver.apply_async((message_id,), retry=False)
        return True
    except Exception as exc:  # kombu OperationalError, ConnectionError, OSError, redis errors …
        logger.warning("notify: broker unavailable, message %s waits for the beat: %s", message_id, exc)
        return False


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def deliver(message_id: int) -> str:
    """Send one pending message; returns its status. A gateway error keeps it
    pending (with the error and a later next_attempt_at) until MAX_ATTEMPTS."""
    with transaction.atomic():
        message = (
            Outbox.objects.select_for_update().filter(pk=message_id, status=Outbox.Status.PENDING).first()
        )
        if message is None:
            return "skipped"
        try:
            if message.channel == Outbox.Channel.SMS:
                message.provider_id = send_sms(phone=message.recipient, text=message.body) or ""
            else:
                EmailMessage(
                    subject=message.subject, body=message.body, to=[message.recipient],
                    from_email=settings.DEFAULT_FROM_EMAIL,
                ).send(fail_silently=False)
        except Exception as exc:
            message.attempts += 1
            message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            message.next_attempt_at = timezone.now() + _backoff(message.attempts)
            if message.attempts >= MAX_ATTEMPTS:
                message.status = Outbox.Status.FAILED
            message.save(update_fields=["attempts", "last_error", "next_attempt_at", "status"])
            logger.warning("notify: message %s failed (attempt %s): %s", message.pk, message.attempts, exc)
            return message.status
        message.attempts += 1
        message.status = Outbox.Status.SENT
        message.sent_at = timezone.now()
        message.save(update_fields=["attempts", "status", "sent_at", "provider_id"])
        return message.status


def deliver_pending(*, now=None) -> int:
    """Retry every pending message whose backoff has passed; returns how many were sent."""
    now = now or timezone.now()
    ids = list(
        Outbox.objects.filter(status=Outbox.Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:BATCH]
    )
    return sum(deliver(pk) == Outbox.Status.SENT for pk in ids)
