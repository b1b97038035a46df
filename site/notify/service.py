"""Sending SMS and e-mail.

``send_sms`` talks to the gateway directly. Domain apps call ``queue_message``
instead, with a registered template's name and its parameters: it writes an
``Outbox`` row inside the caller's transaction and hands it to Celery only
after commit; if the broker is unreachable the row simply waits for the
``deliver_pending`` beat, so submitting a form never fails because of the
message queue.

``deliver`` never holds a row lock while it talks to the gateway: it claims
the row in one short transaction (status 发送中, with a lease), sends, and
records the result in another, so a slow gateway blocks no case and no other
worker; a worker that dies mid-send leaves the row to the beat once the lease
is over.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from . import crypto, registry
from .backends import BaseSMSBackend
from .models import Outbox

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 12
BATCH = 100
#: how long a claimed message may take before another worker may try it again
LEASE = timedelta(minutes=10)
#: what staff see instead of a secret parameter: no digit of it, so a 6-digit
#: code is not narrowed down, and always the same length
MASK = "******"


def sms_backend() -> BaseSMSBackend:
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, phone: str, template: str, params: Mapping[str, object], language: str | None = None) -> str:
    """Send one SMS through the configured backend (a folder by default)."""
    language = language or settings.LANGUAGE_CODE
    return sms_backend().send(
        phone=phone, template_code=registry.sms_code(template, language),
        params={k: str(v) for k, v in params.items()}, language=language,
    )


Param = object | Callable[[], object]


def _render_params(params: Mapping[str, Param], language: str) -> dict[str, str]:
    # Callables and lazy strings are rendered in the recipient's language, so
    # a Mongolian applicant gets a Mongolian organisation name and outcome.
    with translation.override(language):
        return {k: str(v() if callable(v) else v) for k, v in params.items()}


def queue_message(
    *,
    channel: str,
    recipient: str,
    template: str,
    params: Mapping[str, Param] | None = None,
    language: str | None = None,
    reference: str = "",
) -> Outbox | None:
    """Write a message to the outbox and deliver it after commit.

    ``template`` is a registered template's name (registry.register). The
    template's secret parameters are stored masked, and encrypted until sent.
    Returns None for an empty recipient; an unknown template or a missing
    parameter raises at once, in the caller's transaction."""
    if not (recipient or "").strip():
        return None
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    message_template = registry.get(template)
    values = _render_params(params or {}, language)
    message_template.render(values, language)  # fail now, not in the worker
    secrets = {k: v for k, v in values.items() if k in message_template.secret}
    message = Outbox.objects.create(
        channel=channel, recipient=recipient.strip(), template=template,
        params={**values, **dict.fromkeys(secrets, MASK)},
        sealed=crypto.seal(secrets) if secrets else "",
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


def _claim(message_id: int) -> Outbox | None:
    """Take one message for sending, in a short transaction of its own: a
    pending one, or one whose sender's lease ran out. None if another worker
    has it or it is done."""
    now = timezone.now()
    with transaction.atomic():
        message = (
            Outbox.objects.select_for_update(skip_locked=True)
            .filter(Q(status=Outbox.Status.PENDING) | Q(status=Outbox.Status.SENDING, next_attempt_at__lte=now),
                    pk=message_id)
            .first()
        )
        if message is None:
            return None
        # compare-and-set as well: SQLite has no row locks
        claimed = Outbox.objects.filter(pk=message.pk, status=message.status, attempts=message.attempts).update(
            status=Outbox.Status.SENDING, attempts=message.attempts + 1, next_attempt_at=now + LEASE,
        )
        if not claimed:
            return None
    message.status, message.attempts = Outbox.Status.SENDING, message.attempts + 1
    return message


def _send(message: Outbox) -> str:
    """Talk to the gateway (no transaction, no lock); returns its message id."""
    params = {**message.params, **(crypto.unseal(message.sealed) if message.sealed else {})}
    if message.channel == Outbox.Channel.SMS:
        return send_sms(phone=message.recipient, template=message.template, params=params,
                        language=message.language) or ""
    subject, body = registry.get(message.template).render(params, message.language)
    EmailMessage(
        subject=subject[:200], body=body, to=[message.recipient], from_email=settings.DEFAULT_FROM_EMAIL,
    ).send(fail_silently=False)
    return ""


def deliver(message_id: int) -> str:
    """Send one message; returns its status. A gateway error keeps it pending
    (with the error and a later next_attempt_at) until MAX_ATTEMPTS."""
    message = _claim(message_id)
    if message is None:
        return "skipped"
    # still ours only if nobody re-claimed it after our lease
    ours = Outbox.objects.filter(pk=message.pk, status=Outbox.Status.SENDING, attempts=message.attempts)
    try:
        provider_id = _send(message)
    except Exception as exc:
        status = Outbox.Status.FAILED if message.attempts >= MAX_ATTEMPTS else Outbox.Status.PENDING
        ours.update(
            status=status, last_error=f"{type(exc).__name__}: {exc}"[:2000],
            next_attempt_at=timezone.now() + _backoff(message.attempts),
            # a message that will never be sent needs its secret no longer
            **({"sealed": ""} if status == Outbox.Status.FAILED else {}),
        )
        logger.warning("notify: message %s failed (attempt %s): %s", message.pk, message.attempts, exc)
        return status
    # sent: only the masked parameters remain
    ours.update(status=Outbox.Status.SENT, sent_at=timezone.now(), provider_id=provider_id[:100], sealed="")
    return Outbox.Status.SENT


def deliver_pending(*, now=None) -> int:
    """Retry every pending message whose backoff has passed (and any whose
    sender died mid-send); returns how many were sent."""
    now = now or timezone.now()
    ids = list(
        Outbox.objects.filter(status__in=[Outbox.Status.PENDING, Outbox.Status.SENDING], next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:BATCH]
    )
    return sum(deliver(pk) == Outbox.Status.SENT for pk in ids)


def purge_sent(*, now=None) -> int:
    """Delete sent messages older than NOTIFY_RETENTION_DAYS (and failed ones,
    which will never be sent, by their creation); pending ones always stay.
    Returns how many rows went."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.NOTIFY_RETENTION_DAYS)
    deleted, _ = Outbox.objects.filter(
        Q(status=Outbox.Status.SENT, sent_at__lt=cutoff) | Q(status=Outbox.Status.FAILED, created_at__lt=cutoff)
    ).delete()
    return deleted
