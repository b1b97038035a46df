"""The outbox: written with the caller's transaction, never lost when the
broker or the gateway is down, delivered in the recipient's language, with no
secret in clear in the table and no row lock held while the gateway talks."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from govsite.celery import app as celery_app
from notify import service
from notify.models import Outbox

from . import recording_backend

pytestmark = pytest.mark.django_db
CODE = "418597"


def _queue_code(phone="13800000007", reference="CODE", channel="sms"):
    return service.queue_message(channel=channel, recipient=phone, template="tests.code",
                                 params={"number": reference, "code": CODE}, reference=reference)


def _raw_rows(pk):
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM notify_outbox WHERE id = %s", [pk])
        return [" ".join(str(value) for value in row) for row in cursor.fetchall()]


def _sms_files(phone):
    records = [json.loads(p.read_text(encoding="utf-8")) for p in Path(settings.SMS_FILE_PATH).glob("*.json")]
    return [r for r in records if r["to"] == phone]


@pytest.mark.services
def test_queued_sms_and_email_are_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            sms = _queue_code(phone="13800000001", reference="YSQ1")
            email = _queue_code(phone="a@example.com", reference="YSQ1", channel="email")
            assert Outbox.objects.get(pk=sms.pk).status == "pending"
    sms.refresh_from_db(), email.refresh_from_db()
    assert (sms.status, email.status) == ("sent", "sent")
    assert sms.provider_id and sms.attempts == 1
    assert mail.outbox[-1].to == ["a@example.com"] and mail.outbox[-1].subject == "政府信息公开申请已收到"
    assert mail.outbox[-1].body == f"编号 YSQ1，验证码 {CODE}"
    assert [r["text"] for r in _sms_files("13800000001")] == [f"编号 YSQ1，验证码 {CODE}"]


def test_a_rolled_back_transaction_leaves_no_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                _queue_code(phone="13800000002", reference="ROLLBACK")
                raise RuntimeError
    assert not Outbox.objects.filter(reference="ROLLBACK").exists()


def test_an_unknown_template_or_missing_parameter_fails_in_the_callers_transaction():
    from notify.registry import UnknownTemplate

    with pytest.raises(UnknownTemplate):
        service.queue_message(channel="sms", recipient="13800000002", template="tests.nope")
    with pytest.raises(KeyError):
        service.queue_message(channel="sms", recipient="13800000002", template="tests.code", params={"number": "1"})


def test_text_is_rendered_in_the_recipient_language():
    message = service.queue_message(channel="email", recipient="en@example.com", template="tests.search", language="en")
    assert message.language == "en"
    with translation.override("en"):
        subject = _("政府信息公开申请已收到")
    assert subject != "政府信息公开申请已收到"
    assert message.preview() == f"{subject}\nSearch"
    assert service.deliver(message.pk) == "sent"
    assert mail.outbox[-1].body == "Search"  # the English catalogue's translation of 搜索


def test_the_secret_is_never_in_the_table_in_clear_and_masked_once_sent():
    message = _queue_code(phone="13800000005")
    assert message.params == {"number": "CODE", "code": "******"}
    assert message.sealed and CODE not in message.sealed
    assert all(CODE not in row for row in _raw_rows(message.pk))  # every column, as stored
    assert service.deliver(message.pk) == "sent"
    [record] = _sms_files("13800000005")
    assert record["text"] == f"编号 CODE，验证码 {CODE}"  # the applicant gets it
    message.refresh_from_db()
    assert message.params == {"number": "CODE", "code": "******"} and message.sealed == ""
    assert all(CODE not in row for row in _raw_rows(message.pk))


@pytest.fixture
def broker_down(settings):
    """A real (non-eager) Celery pointed at a closed port."""
    conf = celery_app.conf
    saved = conf.task_always_eager, conf.broker_url, conf.broker_connection_timeout
    conf.task_always_eager = False
    conf.broker_url = "redis://127.0.0.1:9/0"
    conf.broker_connection_timeout = 1
    _fresh_pool()
    yield
    conf.task_always_eager, conf.broker_url, conf.broker_connection_timeout = saved
    _fresh_pool()


def _fresh_pool():
    # Connections are pooled in kombu's global registries, keyed by broker URL;
    # empty them so the next task talks to the broker now configured.
    from kombu import pools

    pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.mark.services
def test_broker_down_keeps_the_message_pending_and_the_beat_sends_it_with_the_code(
    broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue_code(phone="13800000003", reference="DOWN")
    message.refresh_from_db()
    assert message.status == "pending" and message.attempts == 0
    assert all(CODE not in row for row in _raw_rows(message.pk))
    assert service.deliver_pending() >= 1
    message.refresh_from_db()
    assert message.status == "sent" and message.sealed == ""
    assert [r["text"] for r in _sms_files("13800000003")] == [f"编号 DOWN，验证码 {CODE}"]


@pytest.mark.services
def test_gateway_error_is_recorded_and_retried_with_backoff(settings):
    settings.SMS_BACKEND = "tests.notify.failing_backend.FailingSMSBackend"
    message = _queue_code(phone="13800000004")
    assert service.deliver(message.pk) == "pending"
    message.refresh_from_db()
    assert message.status == "pending" and message.attempts == 1 and "网关超时" in message.last_error
    assert message.next_attempt_at > timezone.now()
    assert message.sealed  # still sendable with its code
    assert service.deliver_pending() == 0  # backoff not over yet
    settings.SMS_BACKEND = "notify.backends.FileSMSBackend"
    assert service.deliver_pending(now=timezone.now() + timedelta(minutes=5)) >= 1
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 2
    assert [r["text"] for r in _sms_files("13800000004")] == [f"编号 CODE，验证码 {CODE}"]


def test_a_message_that_fails_for_good_keeps_no_secret(settings):
    settings.SMS_BACKEND = "tests.notify.failing_backend.FailingSMSBackend"
    message = _queue_code(phone="13800000006")
    Outbox.objects.filter(pk=message.pk).update(attempts=service.MAX_ATTEMPTS - 1)
    assert service.deliver(message.pk) == "failed"
    message.refresh_from_db()
    assert message.status == "failed" and message.sealed == "" and "网关超时" in message.last_error


def test_the_gateway_is_called_after_the_claim_committed_with_no_lock_held(settings):
    settings.SMS_BACKEND = "tests.notify.recording_backend.RecordingSMSBackend"
    recording_backend.calls.clear()
    message = _queue_code(phone="13800000008")
    depth = len(connection.atomic_blocks)  # the test's own transaction
    assert service.deliver(message.pk) == "sent"
    [call] = recording_backend.calls
    # no transaction (and so no SELECT … FOR UPDATE) of deliver's is open during the call,
    # and the claim is already written: another worker would skip the row
    assert call["atomic_depth"] == depth
    assert call["row"] == {"status": "sending", "attempts": 1}
    assert call["params"]["code"] == CODE


def test_a_sender_that_died_mid_send_is_replaced_after_its_lease():
    message = _queue_code(phone="13800000010")
    Outbox.objects.filter(pk=message.pk).update(status="sending", attempts=1,
                                                next_attempt_at=timezone.now() + service.LEASE)
    assert service.deliver_pending() == 0  # still somebody's
    assert service.deliver_pending(now=timezone.now() + service.LEASE) == 0  # lease checked on the real clock
    Outbox.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert service.deliver_pending() == 1
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 2


def test_sent_messages_are_purged_after_the_retention_pending_ones_stay(settings):
    settings.NOTIFY_RETENTION_DAYS = 30
    now = timezone.now()
    old_sent, new_sent, old_pending = (_queue_code(phone=f"1380000002{i}", reference=f"PURGE{i}") for i in range(3))
    Outbox.objects.filter(pk=old_sent.pk).update(status="sent", sent_at=now - timedelta(days=31))
    Outbox.objects.filter(pk=new_sent.pk).update(status="sent", sent_at=now - timedelta(days=29))
    Outbox.objects.filter(pk=old_pending.pk).update(created_at=now - timedelta(days=400))
    assert service.purge_sent() >= 1
    left = set(Outbox.objects.filter(reference__startswith="PURGE").values_list("reference", flat=True))
    assert left == {"PURGE1", "PURGE2"}


def test_the_purge_runs_on_the_beat():
    assert settings.CELERY_BEAT_SCHEDULE["notify-purge-sent"]["task"] == "notify.tasks.purge_sent"
    assert settings.NOTIFY_RETENTION_DAYS == 180  # the default without NOTIFY_RETENTION_DAYS in the environment


def test_staff_see_masked_recipients_and_no_code_and_nobody_can_edit(client, django_user_model):
    message = _queue_code(phone="13800000009", reference="READONLY")
    email = _queue_code(phone="zhangsan@example.com", reference="READONLY", channel="email")
    admin = django_user_model.objects.create_superuser("outbox-admin", "oa@example.com", "pw-Outbox-1")
    client.force_login(admin)
    listing = client.get(reverse("wagtailsnippets_notify_outbox:list")).content.decode()
    assert "READONLY" in listing
    assert "138****0009" in listing and "z***@example.com" in listing
    assert "13800000009" not in listing and "zhangsan@" not in listing
    for pk in (message.pk, email.pk):
        inspect = client.get(reverse("wagtailsnippets_notify_outbox:inspect", args=[pk]))
        page = inspect.content.decode()
        assert inspect.status_code == 200 and "编号 READONLY，验证码 ******" in page
        assert CODE not in page and "13800000009" not in page and "zhangsan@" not in page
        assert message.sealed not in page and email.sealed not in page
    for view in ("edit", "delete"):
        response = client.get(reverse("wagtailsnippets_notify_outbox:%s" % view, args=[message.pk]))
        assert response.status_code in (302, 403)
    assert client.get(reverse("wagtailsnippets_notify_outbox:add")).status_code in (302, 403)
    response = client.post(reverse("wagtailsnippets_notify_outbox:edit", args=[message.pk]), {"template": "x"})
    assert response.status_code in (302, 403)
    message.refresh_from_db()
    assert message.template == "tests.code"
