"""The case kernel on two case types that have nothing to do with disclosure
(tests.casekernel_app: a 信访 letter on calendar days, a licence application
on working days): identity checks, transitions with locking, both kinds of
stop, extensions within limits, stored due dates kept true, re-dating after a
calendar edit, reminders, the queue."""

import threading
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from wagtail.models import ModelLogEntry

from casefile import identity, registry, supervision
from casefile.models import CaseEvent, CaseNotice
from casefile.scope import SUPERVISOR_GROUP
from casefile.workflow import CaseChanged
from tests.casekernel_app.models import LETTER_WORKFLOW, PERMIT_WORKFLOW, Letter, Permit
from workdays.models import CalendarDay, CalendarYear
from workdays.service import ClockError, add_working_days

from ..workdays.test_clock import _year_form
from ..workdays.years import last_known_year, unknown_year
from .factories import LetterFactory, PermitFactory, organisation

SITE = Path(__file__).resolve().parents[2] / "site"


def test_the_kernel_names_no_domain():
    for folder in ("casefile", "workdays"):
        for source in (SITE / folder).rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            for domain in ("disclosure", "services", "interaction"):
                assert f"from {domain}" not in text and f"import {domain}" not in text, (source, domain)


@pytest.mark.django_db
def test_both_test_types_are_registered_with_their_statutes():
    keys = {t.key for t in registry.case_types()}
    assert {"casekernel_app.letter", "casekernel_app.permit"} <= keys
    letter = registry.for_model(Letter).limits
    assert (letter.main.days, str(letter.main.unit), letter.extension.max_days) == (60, "calendar", 30)
    assert "信访工作条例" in letter.main.basis


def test_resident_id_and_credit_code_checks():
    assert identity.resident_id_ok("11010119900307803X")
    assert not identity.resident_id_ok("110101199003078031")
    assert identity.credit_code_ok(identity.with_check_character("credit_code", "91150100MA0N3P6X1A"))
    assert not identity.credit_code_ok("91150100MA0N3P6X1A")
    assert not identity.credit_code_ok("91150100MA0N3P6XIA")  # I is not in the alphabet


@pytest.mark.django_db
def test_a_case_model_refuses_a_wrong_id_and_a_missing_credit_code():
    permit = PermitFactory.build(id_number="110101199003078031")
    with pytest.raises(ValidationError) as caught:
        permit.full_clean()
    assert "身份证号码有误" in str(caught.value.message_dict["id_number"])
    firm = PermitFactory.build(applicant_kind="legal", name="", org_name="北辰热力", credit_code="")
    with pytest.raises(ValidationError) as caught:
        firm.full_clean()
    assert "credit_code" in caught.value.message_dict
    PermitFactory.build(applicant_kind="legal", org_name="北辰热力",
                        credit_code=identity.with_check_character("credit_code", "91150100MA0N3P6X1A")).full_clean()


@pytest.mark.django_db
def test_a_transition_needs_its_permission_and_records_who_when_why(demo_user):
    letter = LetterFactory()
    officer = demo_user("fgw_editor")
    with pytest.raises(PermissionDenied):
        LETTER_WORKFLOW.transition(letter, "accept", user=officer, reason="已登记")
    letter.refresh_from_db()
    assert letter.status == "received"
    officer.user_permissions.add(Permission.objects.get(codename="change_letter", content_type__app_label="casekernel_app"))
    officer = demo_user("fgw_editor")  # fresh permission cache
    event = LETTER_WORKFLOW.transition(letter, "accept", user=officer, reason="属本机关职权", public_note="已受理")
    assert letter.status == "handling" and letter.assignee == officer  # the first officer to act takes it
    assert (event.user, event.from_status, event.to_status, event.reason) == (officer, "received", "handling", "属本机关职权")
    log = ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Letter), object_id=str(letter.pk))
    assert log.get().user == officer and "属本机关职权" in str(log.get().message)
    assert LETTER_WORKFLOW.label("accept") == "受理"


@pytest.mark.django_db
def test_an_officer_acting_on_a_stale_page_is_told_and_changes_nothing(demo_user):
    permit = PermitFactory(status=Permit.Status.REVIEW)
    mine, theirs = Permit.objects.get(pk=permit.pk), Permit.objects.get(pk=permit.pk)
    PERMIT_WORKFLOW.transition(theirs, "grant", user=demo_user("admin"), reason="符合条件")
    with pytest.raises(CaseChanged) as caught:
        PERMIT_WORKFLOW.transition(mine, "ask_supplement", user=demo_user("fgw_editor"), reason="缺材料")
    assert "已被他人处理" in caught.value.messages[0] and "准予许可" in caught.value.messages[0]
    assert Permit.objects.get(pk=permit.pk).status == "granted"
    assert CaseEvent.objects.filter(object_id=permit.pk, content_type__model="permit").count() == 1


def _in_thread(work):
    """Run ``work`` on a connection of its own, in autocommit: what it writes is
    committed for real (the test's own connection stays in its transaction)."""
    out = {}

    def run():
        try:
            out["value"] = work()
        except BaseException as exc:  # handed back to the test
            out["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if "error" in out:
        raise out["error"]
    return out.get("value")


@pytest.mark.services
@pytest.mark.django_db
def test_two_officers_at_the_same_moment_exactly_one_wins():
    """Two officers, two connections, real commits: the loser waits for the
    winner's row lock, re-reads the status and is told (PostgreSQL in the
    services pass; on SQLite the claim retries until the write lock is free)."""
    from django.contrib.auth import get_user_model

    ct = ContentType.objects.get_for_model(Permit)
    pk = _in_thread(lambda: PermitFactory(status=Permit.Status.REVIEW).pk)
    barrier, results = threading.Barrier(2), {}

    def officer(username, action):
        def act():
            user = get_user_model().objects.get(username=username)
            seen = Permit.objects.get(pk=pk)  # both read the page before either acts
            barrier.wait(timeout=20)
            try:
                # hold the lock a moment so the other officer arrives while it is held
                PERMIT_WORKFLOW.transition(seen, action, user=user, reason=action,
                                           apply=lambda locked: threading.Event().wait(0.3) and None)
                results[username] = "won"
            except CaseChanged as exc:
                results[username] = exc.messages[0]
        return lambda: _in_thread(act)

    try:
        threads = [threading.Thread(target=officer("fgw_editor", "grant")),
                   threading.Thread(target=officer("fgw_signer", "ask_supplement"))]
        [t.start() for t in threads]
        [t.join(timeout=90) for t in threads]
        outcomes = sorted(results.values(), key=lambda v: v != "won")
        assert len(outcomes) == 2 and outcomes[0] == "won" and "已被他人处理" in outcomes[1], results
        final, events = _in_thread(lambda: (
            Permit.objects.get(pk=pk).status,
            list(CaseEvent.objects.filter(content_type=ct, object_id=pk).values_list("action", flat=True)),
        ))
        winner = next(name for name, outcome in results.items() if outcome == "won")
        expected = "grant" if winner == "fgw_editor" else "ask_supplement"
        assert events == [expected] and final == ("granted" if expected == "grant" else "supplement")
    finally:
        _in_thread(lambda: (
            CaseEvent.objects.filter(content_type=ct, object_id=pk).delete(),
            ModelLogEntry.objects.filter(content_type=ct, object_id=str(pk)).delete(),
            Permit.objects.filter(pk=pk).delete(),
        ))


@pytest.mark.django_db
def test_a_stop_that_runs_on_and_a_stop_that_starts_afresh(demo_user):
    # 行政许可法: 20 working days after Mon 2025-11-03 end Mon 2025-12-01
    runs_on, afresh = PermitFactory(), PermitFactory()
    assert runs_on.due_on == afresh.due_on == date(2025, 12, 1)
    # 专家评审 (第四十五条) Mon 11/10 – Fri 11/14: those 5 working days do not count
    PERMIT_WORKFLOW.transition(runs_on, "special", user=demo_user("admin"),
                               apply=lambda c: c.suspend_clock(date(2025, 11, 10), "expert_review"))
    assert runs_on.colour == "paused" and runs_on.due_on is None
    assert runs_on.stage_due_on == add_working_days(start=date(2025, 11, 10), days=10).due
    PERMIT_WORKFLOW.transition(runs_on, "special_done", user=demo_user("admin"),
                               apply=lambda c: c.resume_clock(date(2025, 11, 14)))
    assert runs_on.due_on == date(2025, 12, 8)  # runs on: 5 days later
    # 补正 over the same days: the whole 20 working days run again from Fri 11/14
    PERMIT_WORKFLOW.transition(afresh, "ask_supplement", user=demo_user("admin"),
                               apply=lambda c: c.interrupt_clock(date(2025, 11, 10), "supplement",
                                                                 applicant_due=date(2025, 11, 24)))
    assert afresh.applicant_due_on == date(2025, 11, 24)
    PERMIT_WORKFLOW.transition(afresh, "supplied", user=demo_user("admin"),
                               apply=lambda c: c.restart_clock(date(2025, 11, 14)))
    assert afresh.due_on == date(2025, 12, 12) and afresh.applicant_due_on is None
    stored = Permit.objects.get(pk=afresh.pk)
    assert [s.kind for s in stored.stops] == ["afresh"] and stored.clock_started_on == date(2025, 11, 14)


@pytest.mark.django_db
def test_calendar_days_and_extension_limits(demo_user):
    signer = demo_user("fgw_signer")
    letter = LetterFactory(received_on=date(2025, 9, 26))
    assert letter.due_on == date(2025, 11, 25)  # 60 calendar days, the National Day holiday included
    letter.extend_clock(20, approver=signer, reason="涉及多个部门")
    assert letter.due_on == date(2025, 12, 15)
    with pytest.raises(ClockError):
        letter.extend_clock(5, approver=signer, reason="再延")  # once only
    permit = PermitFactory()
    with pytest.raises(ClockError) as caught:
        permit.extend_clock(11, approver=signer, reason="太长")  # 行政许可法: at most 10 working days
    assert "1 至 10 个工作日" in caught.value.messages[0]
    permit.extend_clock(10, approver=signer, reason="经负责人批准")
    assert permit.due_on == date(2025, 12, 15)
    assert permit.extensions[0].approver == "fgw_signer" and permit.extensions[0].reason == "经负责人批准"


@pytest.mark.django_db
def test_a_deadline_in_a_year_not_yet_entered_stays_unknown_until_staff_enter_it(
    client, demo_user, django_capture_on_commit_callbacks,
):
    year = unknown_year()
    officer = demo_user("fgw_editor")
    waiting = PermitFactory(received_on=date(year - 1, 12, 10), assignee=officer)
    untouched = PermitFactory(received_on=date(2025, 11, 3))
    assert (waiting.due_on, waiting.due_known, waiting.colour) == (None, False, "unknown")
    client.force_login(demo_user("admin"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/snippets/workdays/calendaryear/add/",
                               _year_form(str(year), [(f"{year}-01-01", "holiday", "元旦")]), follow=True)
    assert "重新计算" in response.content.decode()  # the member of staff is told
    waiting.refresh_from_db()
    assert waiting.due_known and waiting.due_on.year == year
    event = CaseEvent.objects.get(content_type__model="permit", object_id=waiting.pk, action="redate")
    assert "工作日历变更" in event.reason and event.actor_kind == "system"
    notice = CaseNotice.objects.get(user=officer, object_id=waiting.pk, kind="redated")
    assert waiting.due_on.isoformat() in notice.message
    assert not CaseEvent.objects.filter(content_type__model="permit", object_id=untouched.pk, action="redate").exists()


@pytest.mark.django_db
def test_changing_a_known_year_moves_the_open_cases_that_run_through_it(django_capture_on_commit_callbacks):
    open_case = PermitFactory(received_on=date(2025, 11, 3))
    closed = PermitFactory(received_on=date(2025, 11, 3), status=Permit.Status.GRANTED)
    assert open_case.due_on == date(2025, 12, 1)
    with django_capture_on_commit_callbacks(execute=True):
        CalendarDay.objects.create(calendar_year=CalendarYear.objects.get(year=2025), date=date(2025, 11, 20),
                                   kind="holiday", name="调休")
    open_case.refresh_from_db()
    assert open_case.due_on == date(2025, 12, 2)
    assert CaseEvent.objects.filter(object_id=open_case.pk, content_type__model="permit", action="redate").count() == 1
    assert not CaseEvent.objects.filter(object_id=closed.pk, content_type__model="permit", action="redate").exists()


@pytest.mark.django_db
def test_reminders_one_working_day_before_yellow_red_and_a_stage_over_its_limit(demo_user):
    officer = demo_user("fgw_editor")
    permit = PermitFactory(assignee=officer)  # due Mon 2025-12-01
    told = CaseNotice.objects.filter(user=officer, object_id=permit.pk, content_type__model="permit", kind="due_soon")
    supervision.send_reminders(date(2025, 11, 27))
    assert not told.exists()  # two working days left
    supervision.send_reminders(date(2025, 11, 28))
    assert told.count() == 1  # Friday: one working day left
    supervision.send_reminders(date(2025, 11, 28))
    assert told.count() == 1  # told once
    supervision.refresh_colours(date(2025, 11, 26))
    permit.refresh_from_db()
    assert permit.colour == "yellow"
    supervision.refresh_colours(date(2025, 12, 2))
    permit.refresh_from_db()
    assert permit.colour == "red"
    kinds = set(CaseNotice.objects.filter(user=officer, object_id=permit.pk, content_type__model="permit")
                .values_list("kind", flat=True))
    assert kinds == {"due_soon", "yellow", "red"}
    reviewing = PermitFactory(assignee=officer, status=Permit.Status.SPECIAL)
    reviewing.suspend_clock(date(2025, 11, 10), "expert_review")
    reviewing.save()
    late = CaseNotice.objects.filter(object_id=reviewing.pk, content_type__model="permit", kind="stage_overdue")
    supervision.send_reminders(date(2025, 11, 24))
    assert not late.exists()  # the 10 working days of 专家评审 end on 11/24
    supervision.send_reminders(date(2025, 11, 25))
    notice = late.get()
    assert "专家评审" in notice.message


@pytest.mark.django_db
def test_the_applicants_own_deadline_passing_is_handed_to_the_case_type(demo_user):
    from tests.casekernel_app.models import LAPSED

    officer = demo_user("fgw_editor")
    permit = PermitFactory(assignee=officer, status=Permit.Status.SUPPLEMENT)
    permit.interrupt_clock(date(2025, 11, 10), "supplement", applicant_due=date(2025, 11, 20))
    permit.save()
    supervision.lapse_applicant_deadlines(date(2025, 11, 20))
    assert Permit.objects.get(pk=permit.pk).status == "supplement"  # the last day is still theirs
    supervision.lapse_applicant_deadlines(date(2025, 11, 21))
    permit.refresh_from_db()
    assert permit.status == "withdrawn" and permit.colour == "" and permit.pk in LAPSED
    assert CaseNotice.objects.filter(user=officer, object_id=permit.pk, kind="lapsed").exists()


@pytest.mark.django_db
def test_the_queue_filters_and_sorts_in_the_database(client, demo_user, django_assert_max_num_queries):
    officer = demo_user("fgw_editor")
    officer.user_permissions.add(Permission.objects.get(codename="view_permit"))
    jyj = organisation("11150100MB0000203C")
    mine = [PermitFactory(received_on=date(2025, 10, d), assignee=officer if d % 2 else None) for d in range(1, 29)]
    other = PermitFactory(organisation=jyj, received_on=date(2025, 10, 1))
    PermitFactory(status=Permit.Status.GRANTED)  # finished: not in the queue of open cases
    Permit.objects.filter(pk__in=[p.pk for p in mine]).update(colour="green")
    Permit.objects.filter(pk=mine[0].pk).update(colour="red")
    client.force_login(officer)
    url = "/admin/cases/casekernel_app.permit/"
    with django_assert_max_num_queries(25):
        page = client.get(url).content.decode()
    assert all(p.receipt_number in page for p in mine) and other.receipt_number not in page
    assert page.index(mine[0].receipt_number) < page.index(mine[1].receipt_number) < page.index(mine[27].receipt_number)
    red = client.get(url, {"colour": "red"}).content.decode()
    assert mine[0].receipt_number in red and mine[1].receipt_number not in red
    own = client.get(url, {"assignee": "me"}).content.decode()
    assert mine[0].receipt_number in own and mine[1].receipt_number not in own
    latest_first = client.get(url, {"sort": "-due"}).content.decode()
    assert latest_first.index(mine[27].receipt_number) < latest_first.index(mine[1].receipt_number)
    # a supervisor (电子监察) sees every organisation's
    supervisor = demo_user("jyj_editor")
    supervisor.groups.add(Group.objects.get(name=SUPERVISOR_GROUP))
    client.force_login(supervisor)
    everyone = client.get(url).content.decode()
    assert other.receipt_number in everyone and mine[5].receipt_number in everyone
    overview = client.get("/admin/cases/").content.decode()
    assert "行政许可申请" in overview and "信访事项" in overview


@pytest.mark.django_db
def test_unknown_and_known_years_are_computed_not_assumed():
    assert unknown_year() == last_known_year() + 1
