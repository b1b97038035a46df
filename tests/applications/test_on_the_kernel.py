"""依申请公开 on the case kernel: consultations off the clock, the applicant's
补正 deadline, counting from the officer's confirmation of receipt, the
queue in SQL, two officers at once, and calendar edits re-dating requests."""

import re
from datetime import date

import pytest
from django.utils import timezone

from casefile import supervision
from casefile.models import CaseEvent, CaseNotice
from cluster.models import Organisation
from disclosure.applications import service
from disclosure.applications.models import DisclosureRequest, OrganisationSettings
from notify.models import Outbox
from workdays.models import CalendarDay, CalendarYear
from workdays.service import add_working_days

from .factories import DisclosureRequestFactory

pytestmark = pytest.mark.django_db
FGW = "11150100MB0000102B"


def _events(req):
    return list(service.casefile.history(req).values_list("action", flat=True))


def test_consulting_a_third_party_takes_the_clock_off_for_up_to_15_working_days(client, demo_user):
    officer = demo_user("fgw_editor")
    req = DisclosureRequestFactory(received_on=date(2025, 11, 3))  # due Mon 2025-12-01
    service.consult(req, user=officer, reason="third_party", whom="北辰热力有限公司", on=date(2025, 11, 10))
    assert req.status == "consulting" and req.colour == "paused" and req.due_on is None
    assert req.stage_due_on == add_working_days(start=date(2025, 11, 10), days=15).due  # 条例 第三十二条
    client.force_login(officer)
    page = client.get(f"/admin/yisqgk/{req.pk}/").content.decode()
    assert "征求第三方意见" in page and "15 个工作日" in page and "意见已回复" in page
    assert "环节超时" in page  # its 15 working days ended long ago
    status = client.post("/yisqgk/status/", {"receipt_number": req.receipt_number, "query_code": "123456"},
                         HTTP_HOST="fgw.localhost").content.decode()
    assert "征求意见中" in status and "征求意见期间暂停计算" in status
    service.end_consultation(req, user=officer, result="第三方不同意公开", on=date(2025, 11, 14))
    assert req.status == "accepted" and req.due_on == date(2025, 12, 8)  # the 5 working days do not count
    assert "北辰热力有限公司" in req.consultation
    service.consult(req, user=officer, reason="other_agency", whom="市财政局", on=date(2025, 11, 17))
    service.answer(req, user=officer, outcome="grant", reply_text="予以公开。")
    assert req.colour == "" and req.stops[-1].end is not None  # the decision ends the stop
    assert _events(req) == ["consult", "end_consultation", "consult", "answer"]


def test_the_applicants_correction_deadline_then_closed_as_withdrawn(demo_user, django_capture_on_commit_callbacks):
    officer = demo_user("fgw_editor")
    req = DisclosureRequestFactory(received_on=date(2025, 11, 3), status="submitted", phone="13912340009")
    with django_capture_on_commit_callbacks(execute=True):
        service.ask_correction(req, user=officer, missing="请写明文件年度。", on=date(2025, 11, 4),
                               until=date(2025, 11, 18))
    assert req.status == "correction" and req.applicant_due_on == date(2025, 11, 18)
    note = service.public_timeline(req).last().public_note
    assert "2025-11-18" in note and "视为放弃申请" in note
    supervision.lapse_applicant_deadlines(date(2025, 11, 18))
    assert DisclosureRequest.objects.get(pk=req.pk).status == "correction"
    with django_capture_on_commit_callbacks(execute=True):
        supervision.lapse_applicant_deadlines(date(2025, 11, 19))
    req.refresh_from_db()
    assert (req.status, req.outcome) == ("closed", "other_no_correction")
    last = service.casefile.history(req).last()
    assert (last.action, last.actor_kind) == ("lapse", "system")
    assert Outbox.objects.filter(reference=req.receipt_number).count() == 4  # 补正 and closing, SMS and e-mail
    assert CaseNotice.objects.filter(user=officer, object_id=req.pk, kind="lapsed").exists()


def test_default_correction_period_is_15_working_days(demo_user):
    req = DisclosureRequestFactory(received_on=date(2025, 11, 3))
    service.ask_correction(req, user=demo_user("fgw_editor"), missing="缺少文号", on=date(2025, 11, 4))
    assert req.applicant_due_on == add_working_days(start=date(2025, 11, 4), days=15).due


def test_an_organisation_may_count_from_the_officers_confirmation(client, natural_person, demo_user):
    fgw = Organisation.objects.get(code=FGW)
    OrganisationSettings.objects.create(organisation=fgw, count_from_confirmation=True)
    response = client.post("/yisqgk/", natural_person(description="确认收到测试"), HTTP_HOST="fgw.localhost")
    page = client.get(response["Location"], HTTP_HOST="fgw.localhost").content.decode()
    assert "自确认收到申请之日起计算" in page
    req = DisclosureRequest.objects.get(description="确认收到测试")
    assert req.received_on is None and req.due_on is None
    officer = demo_user("fgw_editor")
    with pytest.raises(Exception) as refused:
        service.accept(req, user=officer)
    assert "请先确认收到申请" in str(refused.value)
    client.force_login(officer)
    detail = client.get(f"/admin/yisqgk/{req.pk}/").content.decode()
    assert "确认收到申请" in detail and "confirm_receipt" in detail and "/accept/" not in detail
    on = timezone.localdate()
    client.post(f"/admin/yisqgk/{req.pk}/confirm_receipt/", {"confirm_receipt-on": on})
    req.refresh_from_db()
    assert req.received_on == on and req.clock_started_on == on
    assert req.due_on == add_working_days(start=on, days=20).due or not req.due_known


def test_a_second_officer_on_a_stale_page_is_told(client, demo_user):
    req = DisclosureRequestFactory(status="submitted", received_on=date(2025, 11, 3))
    client.force_login(demo_user("fgw_editor"))
    first = client.post(f"/admin/yisqgk/{req.pk}/accept/", {"seen_status": "submitted", "accept-note": ""})
    assert first.status_code == 302
    client.force_login(demo_user("fgw_signer"))
    second = client.post(f"/admin/yisqgk/{req.pk}/close/", {
        "seen_status": "submitted", "close-outcome": "other_other", "close-reason": "重复"})
    assert second.status_code == 400 and "已被他人处理" in second.content.decode()
    req.refresh_from_db()
    assert req.status == "accepted" and _events(req) == ["accept"]


def test_the_queue_reads_stored_deadlines_with_a_fixed_number_of_queries(
    client, demo_user, django_assert_max_num_queries,
):
    """Before the kernel, every row recomputed its deadline with fresh calendar reads."""
    officer = demo_user("fgw_editor")
    DisclosureRequestFactory.create_batch(120, received_on=date(2024, 3, 1))  # due before any demo request
    client.force_login(officer)
    with django_assert_max_num_queries(25):
        page = client.get("/admin/yisqgk/")
    assert page.status_code == 200
    html = page.content.decode()
    assert add_working_days(start=date(2024, 3, 1), days=20).due.isoformat() in html  # the stored due date
    assert re.search(r"共 \d+ 件", html)
    overdue = client.get("/admin/yisqgk/", {"overdue": "1"}).content.decode()
    assert "已超期" in overdue


def test_editing_the_calendar_re_dates_open_requests_and_records_it(demo_user, django_capture_on_commit_callbacks):
    officer = demo_user("fgw_editor")
    req = DisclosureRequestFactory(received_on=date(2025, 11, 3), assignee=officer)
    answered = DisclosureRequestFactory(received_on=date(2025, 11, 3), status="answered")
    assert req.due_on == date(2025, 12, 1)
    with django_capture_on_commit_callbacks(execute=True):
        CalendarDay.objects.create(calendar_year=CalendarYear.objects.get(year=2025), date=date(2025, 11, 21),
                                   kind="holiday", name="测试")
    req.refresh_from_db()
    assert req.due_on == date(2025, 12, 2)
    event = CaseEvent.objects.get(content_type__model="disclosurerequest", object_id=req.pk, action="redate")
    assert "2025-12-01" in event.reason and "2025-12-02" in event.reason
    assert CaseNotice.objects.filter(user=officer, object_id=req.pk, kind="redated").exists()
    assert not CaseEvent.objects.filter(content_type__model="disclosurerequest", object_id=answered.pk,
                                        action="redate").exists()
    client_history = [e.action for e in service.casefile.history(req)]
    assert client_history[-1] == "redate"
