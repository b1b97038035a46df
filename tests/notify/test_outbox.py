"""The outbox: written with the caller's transaction, never lost when the
broker or the gateway is down, delivered in the recipient's language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from govsite.celery import app as celery_app
from notify import service
from notify.models import Outbox

pytestmark = pytest.mark.django_db


@pytest.mark.services
def test_queued_sms_and_email_are_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            sms = service.queue_message(channel="sms", recipient="13800000001", body="受理编号 YSQ1")
            email = service.queue_message(channel="email", recipient="a@example.com", subject="主题", body="正文")
            assert Outbox.objects.get(pk=sms.pk).status == "pending"
    sms.refresh_from_db(), email.refresh_from_db()
    assert (sms.status, email.status) == ("sent", "sent")
    assert sms.provider_id and sms.attempts == 1
    assert mail.outbox[-1].to == ["a@example.com"] and mail.outbox[-1].subject == "主题"


def test_a_rolled_back_transaction_leaves_no_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                service.queue_message(channel="sms", recipient="13800000002", body="x", reference="ROLLBACK")
                raise RuntimeError
    assert not Outbox.objects.filter(reference="ROLLBACK").exists()


def test_text_is_rendered_in_the_recipient_language():
    message = service.queue_message(
        channel="email", recipient="en@example.com", subject=lambda: _("政府信息公开申请已收到"),
        body=lambda: _("搜索"), language="en",
    )
    assert message.language == "en"
    assert message.body == "Search"  # the English catalogue's translation of 搜索


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
def test_broker_down_keeps_the_message_pending_and_the_beat_sends_it(broker_down, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = service.queue_message(channel="sms", recipient="13800000003", body="已收到", reference="DOWN")
    message.refresh_from_db()
    assert message.status == "pending" and message.attempts == 0
    assert service.deliver_pending() >= 1
    message.refresh_from_db()
    assert message.status == "sent"


@pytest.mark.services
def test_gateway_error_is_recorded_and_retried_with_backoff(settings):
    settings.SMS_BACKEND = "tests.notify.failing_backend.FailingSMSBackend"
    message = service.queue_message(channel="sms", recipient="13800000004", body="x")
    assert service.deliver(message.pk) == "pending"
    message.refresh_from_db()
    assert message.attempts == 1 and "网关超时" in message.last_error
    assert message.next_attempt_at > timezone.now()
    assert service.deliver_pending() == 0  # backoff not over yet
    settings.SMS_BACKEND = "notify.backends.FileSMSBackend"
    assert service.deliver_pending(now=timezone.now() + timedelta(minutes=5)) >= 1
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 2


def test_staff_can_read_the_outbox_but_nobody_can_edit_it(client, django_user_model):
    from django.urls import reverse

    message = service.queue_message(channel="sms", recipient="13800000009", body="受理编号 YSQ9", reference="READONLY")
    admin = django_user_model.objects.create_superuser("outbox-admin", "oa@example.com", "pw-Outbox-1")
    client.force_login(admin)
    listing = client.get(reverse("wagtailsnippets_notify_outbox:list"))
    assert listing.status_code == 200 and "READONLY" in listing.content.decode()
    inspect = client.get(reverse("wagtailsnippets_notify_outbox:inspect", args=[message.pk]))
    assert inspect.status_code == 200 and "YSQ9" in inspect.content.decode()
    for view in ("edit", "delete"):
        response = client.get(reverse("wagtailsnippets_notify_outbox:%s" % view, args=[message.pk]))
        assert response.status_code in (302, 403)
    assert client.get(reverse("wagtailsnippets_notify_outbox:add")).status_code in (302, 403)
    response = client.post(reverse("wagtailsnippets_notify_outbox:edit", args=[message.pk]), {"body": "changed"})
    assert response.status_code in (302, 403)
    message.refresh_from_db()
    assert message.body == "受理编号 YSQ9"
