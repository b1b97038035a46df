"""Case handling on the transition table and the 行政许可法's clock, the status
query, 补正 online, withdrawal, notifications with the broker down."""
import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from casefile.workflow import IllegalTransition
from notify.models import Outbox
from services.licensing import service
from services.licensing.models import LicenceApplication
from services.licensing.workflow import STEPS, WORKFLOW
from workdays.service import add_working_days

from ..notify.test_outbox import broker_down  # noqa: F401  (fixture)
from .factories import applicant_user, files_for, form_data, pdf, png

pytestmark = pytest.mark.django_db
FGW = {"HTTP_HOST": "fgw.localhost"}
MONDAY = date(2026, 3, 2)  # a week of working days in the official 2026 calendar


def _submit(item, citizen, *, today=MONDAY) -> tuple[LicenceApplication, str]:
    draft = service.save_draft(account=citizen, item=item, data={}, files={
        item.materials.get(name="申请书"): (pdf(), "PDF"), item.materials.get(name="营业执照"): (png(), "PNG")})
    receipt = service.submit_application(
        account=citizen, item=item, draft=draft, site=None, language="zh-hans", today=today,
        applicant={"applicant_kind": "natural", "name": "王小明", "id_type": "resident_id",
                   "id_number": "11010119900307803X", "phone": "13912345678", "email": "a@example.com"},
        form_data={"shop_name": {"label": "经营场所名称", "value": "小明便利店"}},
    )
    return receipt.application, receipt.query_code


@pytest.fixture
def officer(demo_user):
    return demo_user("fgw_editor")


@pytest.fixture
def head(demo_user):
    return demo_user("fgw_signer")


def test_every_pair_of_the_table_is_allowed_or_refused():
    statuses = {t.source for t in STEPS} | {t.target for t in STEPS}
    actions = {t.action for t in STEPS}
    for status in statuses:
        for action in actions:
            if (status, action) in WORKFLOW.table:
                assert WORKFLOW.target(status, action)
            else:
                with pytest.raises(IllegalTransition):
                    WORKFLOW.target(status, action)
    assert WORKFLOW.open_statuses == {"submitted", "correction", "accepted", "reviewing", "special", "decided"}


def test_accept_review_decide_complete_with_a_generated_licence(item, citizen, officer, head):
    app, _code = _submit(item, citizen)
    assert app.acceptance_due_on == add_working_days(start=MONDAY, days=5).due
    service.accept(app, user=officer, on=date(2026, 3, 4))
    assert app.accepted_on == date(2026, 3, 4) and app.due_on == add_working_days(start=date(2026, 3, 4), days=20).due
    service.review(app, user=officer)
    with pytest.raises(ValidationError, match="应当说明理由"):
        service.decide(app, user=officer, decision="refused", ground=" ")
    service.decide(app, user=officer, decision="granted", ground="符合《食品安全法》第三十五条", on=date(2026, 3, 20))
    assert app.status == "decided" and app.decided_on_time is True
    service.complete(app, user=officer, generate=True)
    assert app.status == "completed" and app.documents.get().generated
    events = [e.action for e in service.public_timeline(app)]
    assert events == ["submit", "accept", "review", "decide", "complete"]


def test_a_shorter_promised_limit_is_the_decision_limit(citizen, officer):
    from .factories import make_item

    quick = make_item(title="快速许可（测试）", code="XK-TEST-002", promised=8)
    app, _code = _submit(quick, citizen)
    service.accept(app, user=officer, on=MONDAY)
    assert app.clock_limit == 8 and app.due_on == add_working_days(start=MONDAY, days=8).due


def test_correction_in_time_interrupts_then_the_applicant_fixes_it_online(client, item, citizen, officer):
    app, code = _submit(item, citizen)
    service.ask_correction(app, user=officer, items=["营业执照副本（加盖公章）", "法定代表人身份证明"],
                           on=date(2026, 3, 4))
    assert app.status == "correction" and not app.correction_late and app.colour == "paused"
    with pytest.raises(ValidationError):  # 一次告知: once only (the button is gone too)
        service.ask_correction(app, user=officer, items=["另一项"], on=date(2026, 3, 5))
    # the applicant finds the list on the status page and uploads online
    page = _lookup(client, app.receipt_number, code)
    assert "营业执照副本（加盖公章）" in page and "法定代表人身份证明" in page and "提交补正材料" in page
    licence = item.materials.get(name="营业执照")
    response = client.post(f"/banshi/query/{app.receipt_number}/supplement/",
                           {f"m_{licence.pk}": png("新执照.png")}, **FGW)
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == "submitted" and app.corrected_on
    assert app.materials.filter(original_name="新执照.png", round=1).exists()
    assert app.materials.get(original_name="执照.png").superseded


def test_a_late_correction_counts_as_accepted_on_the_arrival_day(item, citizen, officer):
    app, _code = _submit(item, citizen)
    late_day = date(2026, 3, 16)  # after the 5 working days
    service.ask_correction(app, user=officer, items=["场所平面图"], on=late_day)
    assert app.correction_late and app.accepted_on == MONDAY
    event = service.public_timeline(app).last()
    assert "即为受理" in event.reason and MONDAY.isoformat() in event.reason
    # the decision clock runs from the arrival day; the 补正 only suspends it
    service.supplement(app, files={item.materials.get(name="申请书"): (pdf("补.pdf"), "PDF")}, on=date(2026, 3, 18))
    assert app.status == "accepted"
    expected = add_working_days(start=MONDAY, days=20 + 3).due  # 3 working days stopped (16–18 March)
    assert app.due_on == expected


def test_a_special_procedure_stops_the_clock_and_tells_its_length(item, citizen, officer):
    app, _code = _submit(item, citizen)
    service.accept(app, user=officer, on=MONDAY)
    due = app.due_on
    service.start_special(app, user=officer, procedure="expert_review", days=15, on=date(2026, 3, 9))
    assert app.status == "special" and app.colour == "paused"
    assert "专家评审" in app.stops[-1].reason or app.stops[-1].reason == "expert_review"
    note = service.public_timeline(app).last().public_note
    assert "专家评审" in note and "15 个工作日" in note and "不计入" in note
    service.end_special(app, user=officer, on=date(2026, 3, 13))
    assert app.status == "reviewing" and app.due_on == add_working_days(start=due, days=5).due


def test_one_extension_only_and_only_with_the_permission(item, citizen, officer, head):
    app, _code = _submit(item, citizen)
    service.accept(app, user=officer, on=MONDAY)
    due = app.due_on
    with pytest.raises(PermissionDenied):
        service.extend(app, user=officer, reason="需现场核查")
    service.extend(app, user=head, reason="需现场核查")
    assert app.due_on == add_working_days(start=due, days=10).due
    assert "需现场核查" in service.public_timeline(app).last().public_note
    with pytest.raises(ValidationError):
        service.extend(app, user=head, reason="再延一次")
    assert "extend" not in [t.action for t in service.actions_for(head, app)]


def test_refusal_of_acceptance_tells_the_remedies_and_withdrawal_needs_a_reason(client, item, citizen, officer):
    app, _code = _submit(item, citizen)
    service.reject(app, user=officer, reason="不属于本机关职权范围")
    assert app.status == "rejected" and "六十日" in app.remedies and "六个月" in app.remedies
    other, code = _submit(item, citizen)
    _lookup(client, other.receipt_number, code)
    assert client.post(f"/banshi/query/{other.receipt_number}/withdraw/", {"reason": ""}, **FGW).status_code == 400
    client.post(f"/banshi/query/{other.receipt_number}/withdraw/", {"reason": "材料准备不全，暂不申请"}, **FGW)
    other.refresh_from_db()
    assert other.status == "withdrawn" and other.withdrawn_reason == "材料准备不全，暂不申请"


def test_the_officer_of_another_body_cannot_act(item, citizen, demo_user):
    app, _code = _submit(item, citizen)
    with pytest.raises(PermissionDenied):
        service.accept(app, user=demo_user("jyj_editor"))


def _lookup(client, number, code):
    response = client.post("/banshi/query/", {"receipt_number": number, "query_code": code}, **FGW)
    assert response.status_code == 302, response.content.decode()[:1000]
    return client.get(response["Location"], **FGW).content.decode()


def test_status_query_wrong_code_looks_like_an_unknown_number(client, item, citizen):
    app, code = _submit(item, citizen)
    wrong = "000000" if code != "000000" else "111111"
    a = client.post("/banshi/query/", {"receipt_number": app.receipt_number, "query_code": wrong}, **FGW)
    unknown = app.receipt_number[:-3] + "222"
    b = client.post("/banshi/query/", {"receipt_number": unknown, "query_code": code}, **FGW)
    assert a.status_code == b.status_code == 400
    def same(response, number, query_code):
        text = re.sub(r'value="[A-Za-z0-9]{64}"', "", response.content.decode())
        return text.replace(number, "N").replace(query_code, "C")

    assert same(a, app.receipt_number, wrong) == same(b, unknown, code)
    page = _lookup(client, app.receipt_number, code)
    assert "王*" in page and "王小明" not in page and "139****5678" in page
    # the owner sees it from the account, without the code
    owner = Client()
    owner.force_login(citizen)
    assert app.receipt_number in owner.get(f"/banshi/query/{app.receipt_number}/", **FGW).content.decode()
    stranger = Client()
    stranger.force_login(applicant_user("nosy"))
    assert stranger.get(f"/banshi/query/{app.receipt_number}/", **FGW).status_code == 302


@pytest.mark.services
def test_broker_down_at_submission_the_receipt_is_shown_and_the_sms_waits(
    broker_down, client, item, citizen, django_capture_on_commit_callbacks  # noqa: F811
):
    from notify import service as notify

    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/banshi/apply/{item.pk}/", {
            **form_data(item, phone="13912340009"), **files_for(item, 申请书=pdf(), 营业执照=png())}, **FGW)
    assert response.status_code == 302
    page = client.get(response["Location"], **FGW).content.decode()
    app = LicenceApplication.objects.get(account=citizen)
    assert app.receipt_number in page
    assert {m.status for m in Outbox.objects.filter(reference=app.receipt_number)} == {"pending"}
    assert notify.deliver_pending() >= 1
    assert {m.status for m in Outbox.objects.filter(reference=app.receipt_number)} == {"sent"}


def test_the_demo_has_applications_in_every_state_one_overdue_and_a_finished_one():
    from services.licensing.demo_data import FINISHED_RECEIPT

    statuses = set(LicenceApplication.objects.values_list("status", flat=True))
    assert {"submitted", "correction", "accepted", "reviewing", "special", "decided", "completed", "rejected",
            "withdrawn"} <= statuses
    assert LicenceApplication.objects.filter(colour="red").exists()
    finished = LicenceApplication.objects.get(receipt_number=FINISHED_RECEIPT)
    assert finished.status == "completed" and finished.documents.filter(generated=True).exists()
