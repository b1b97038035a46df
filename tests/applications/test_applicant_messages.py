"""The applicant's SMS and e-mail: the query code reaches the applicant but is
never in the outbox in clear, not even while the broker is down, and every
notice is in the applicant's language."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext as _

from disclosure.applications import service
from disclosure.applications.models import DisclosureRequest
from notify import service as notify
from notify.models import Outbox

from ..notify.test_outbox import broker_down  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def _file(client, data, host="fgw.localhost"):
    response = client.post("/yisqgk/", data, HTTP_HOST=host)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"], HTTP_HOST=host).content.decode()
    number = re.search(r'class="receipt-number">([^<]+)<', page).group(1)
    code = re.search(r'class="query-code">(\d{6})<', page).group(1)
    return DisclosureRequest.objects.get(receipt_number=number), code


def _sms_texts(number):
    records = [json.loads(p.read_text(encoding="utf-8")) for p in Path(settings.SMS_FILE_PATH).glob("*.json")]
    return [r["text"] for r in records if r["params"].get("number") == number]


def _stored(number):
    """Every column of every outbox row of the case, as the database holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM notify_outbox WHERE reference = %s", [number])
        rows = cursor.fetchall()
    assert rows
    return " | ".join(" ".join(str(value) for value in row) for row in rows)


def test_the_query_code_reaches_the_applicant_but_is_never_stored_in_clear(
    client, natural_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        req, code = _file(client, natural_person(phone="13912340001", description="查询码不入库测试"))
    assert code not in _stored(req.receipt_number)  # queued, not yet sent
    for callback in callbacks:
        callback()
    assert set(Outbox.objects.filter(reference=req.receipt_number).values_list("status", flat=True)) == {"sent"}
    [sms] = _sms_texts(req.receipt_number)
    assert req.receipt_number in sms and f"查询码 {code}" in sms
    assert f"查询码 {code}" in mail.outbox[-1].body and mail.outbox[-1].to == ["xiaoming@example.com"]
    assert code not in _stored(req.receipt_number)  # sent: only the masked form is left
    assert all(m.params["code"] == "******" and m.sealed == "" for m in Outbox.objects.filter(reference=req.receipt_number))


@pytest.mark.services
def test_broker_down_at_submission_the_beat_delivers_the_code_later(
    broker_down, client, natural_person, django_capture_on_commit_callbacks  # noqa: F811
):
    with django_capture_on_commit_callbacks(execute=True):
        req, code = _file(client, natural_person(phone="13912340002", description="代理中断测试"))
    pending = Outbox.objects.filter(reference=req.receipt_number)
    assert {m.status for m in pending} == {"pending"} and not _sms_texts(req.receipt_number)
    assert code not in _stored(req.receipt_number)
    assert notify.deliver_pending() >= 2
    assert {m.status for m in pending.all()} == {"sent"}
    assert f"查询码 {code}" in _sms_texts(req.receipt_number)[0]
    assert code not in _stored(req.receipt_number)


@pytest.mark.parametrize("host", ["en.localhost", "mgl.localhost"])
def test_notices_are_in_the_applicants_language(
    host, client, natural_person, demo_user, django_capture_on_commit_callbacks
):
    from cluster.models import Organisation

    fgw = Organisation.objects.get(code="11150100MB0000102B")
    with django_capture_on_commit_callbacks(execute=True):
        req, code = _file(client, natural_person(phone="13912340003", organisation=fgw.pk), host=host)
        service.ask_correction(req, user=demo_user("admin"), missing="请写明文件年度。")
    assert req.language != settings.LANGUAGE_CODE
    with translation.override(req.language):
        org = req.organisation.localized_name
        received = _("【%(org)s】您的政府信息公开申请已收到，受理编号 %(number)s，查询码 %(code)s。"
                     "请凭受理编号和查询码在网站“依申请公开”栏目查询办理进度。") % {
            "org": org, "number": req.receipt_number, "code": code}
        correction = _("【%(org)s】您的申请（受理编号 %(number)s）需要补正：%(missing)s 补正期间答复期限中止计算。") % {
            "org": org, "number": req.receipt_number, "missing": "请写明文件年度。"}
    assert "申请已收到" not in received and "需要补正" not in correction  # translated
    assert sorted(_sms_texts(req.receipt_number)) == sorted([received, correction])
    assert [m.body for m in mail.outbox[-2:]] == [received, correction]
