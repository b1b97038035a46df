"""The clock of each kind of letter, the petition's steps under the 信访工作条例,
and the rule for 检举控告 (第三十条)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from interaction import service
from interaction.constants import ACCEPT_LIMIT, CONCLUDE_LIMIT, REVIEW_LIMIT
from interaction.models import Letter
from workdays.service import Unit, add_days

from .conftest import CITY, FGW, JYJ, STHJ, org

pytestmark = pytest.mark.django_db


def _answer(letter, admin, reviewer=None):
    service.draft_reply(letter, user=admin, text="已按规定处理。")
    service.approve_reply(letter, user=reviewer or admin)
    letter.refresh_from_db()
    return letter


def test_a_mailbox_letter_runs_on_its_mailbox_limit_in_working_days(submit, mayor):
    mayor.reply_limit = 7
    mayor.save()
    letter = submit().letter
    today = timezone.localdate()
    assert letter.clock_unit == Unit.WORKING
    assert letter.clock_limit == 7
    assert letter.due_on == add_days(start=today, days=7, unit=Unit.WORKING).due


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_a_petition_has_15_calendar_days_to_accept_then_60_from_acceptance(submit, admin):
    letter = submit(kind="petition").letter
    today = timezone.localdate()
    assert (letter.clock_unit, letter.clock_limit) == (Unit.CALENDAR, 15) == (ACCEPT_LIMIT.unit, ACCEPT_LIMIT.days)
    assert letter.due_on == today + timedelta(days=15)  # 日: calendar days, holidays included
    service.route(letter, user=admin, departments=[org(FGW)])
    letter.refresh_from_db()
    assert letter.accepted_on == today
    assert (letter.clock_unit, letter.clock_limit) == (Unit.CALENDAR, CONCLUDE_LIMIT.days)
    assert letter.due_on == today + timedelta(days=60)


def test_a_petition_is_extended_once_by_at_most_30_days_with_a_reason(submit, admin):
    letter = submit(kind="petition").letter
    service.route(letter, user=admin, departments=[org(FGW)])
    with pytest.raises(ValidationError):
        service.extend(letter, user=admin, days=31, reason="档案调取")
    with pytest.raises(ValidationError):
        service.extend(letter, user=admin, days=10, reason=" ")
    service.extend(letter, user=admin, days=30, reason="需调取档案")
    letter.refresh_from_db()
    assert letter.due_on == timezone.localdate() + timedelta(days=90)
    with pytest.raises(ValidationError, match="只能延长一次"):
        service.extend(letter, user=admin, days=1, reason="再延")


def test_a_mailbox_letter_cannot_be_extended(submit, admin):
    letter = submit().letter
    service.route(letter, user=admin, departments=[org(FGW)])
    with pytest.raises(ValidationError):
        service.extend(letter, user=admin, days=5, reason="忙")


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_review_within_30_days_then_recheck_then_no_third_request(submit, admin):
    letter = _answer(_routed_petition(submit, admin), admin)
    too_late = timezone.localdate(letter.answered_at) + timedelta(days=31)
    with pytest.raises(ValidationError, match="30"):
        service.request_review(letter, reason="不服", today=too_late)
    review = service.request_review(letter, reason="不服处理意见").letter
    assert review.stage == "review" and review.original_id == letter.pk
    assert (review.clock_unit, review.clock_limit) == (Unit.CALENDAR, REVIEW_LIMIT.days)
    with pytest.raises(ValidationError):  # one 复查 per answer
        service.request_review(letter, reason="再来一次")
    service.route(review, user=admin, departments=[org(CITY)])
    review = _answer(review, admin)
    recheck = service.request_review(review, reason="不服复查意见").letter
    assert recheck.stage == "recheck"
    service.route(recheck, user=admin, departments=[org(CITY)])
    recheck = _answer(recheck, admin)
    with pytest.raises(ValidationError, match="不再受理"):
        service.request_review(recheck, reason="第三次")


def _routed_petition(submit, admin):
    letter = submit(kind="petition").letter
    service.route(letter, user=admin, departments=[org(FGW)])
    return letter


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_routing_and_transfer_are_recorded_with_reasons_and_joint_departments(submit, admin):
    letter = submit().letter
    service.route(letter, user=admin, departments=[org(JYJ), org(CITY)], note="联合办理")
    letter.refresh_from_db()
    assert letter.organisation == org(JYJ)
    assert set(letter.departments.all()) == {org(JYJ), org(CITY)}
    with pytest.raises(ValidationError, match="理由"):
        service.transfer(letter, user=admin, departments=[org(STHJ)], reason="")
    service.transfer(letter, user=admin, departments=[org(STHJ)], reason="属生态环境局职责")
    letter.refresh_from_db()
    assert letter.organisation == org(STHJ)
    events = list(service.casefile.history(letter).values_list("action", "reason"))
    assert ("transfer", "属生态环境局职责") in events
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(object_id=str(letter.pk), action="casefile.event").count() >= 3


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_a_report_is_never_routed_to_the_accused_without_recorded_approval(submit, admin, staff):
    letter = submit(mailbox=None, kind="report", accused_organisation=org(FGW), accused_person="某科长").letter
    with pytest.raises(ValidationError, match="第三十条"):
        service.route(letter, user=admin, departments=[org(JYJ), org(FGW)])
    service.route(letter, user=admin, departments=[org(JYJ)])
    with pytest.raises(ValidationError, match="第三十条"):
        service.transfer(letter, user=admin, departments=[org(FGW)], reason="转被举报单位")
    # an officer without the permission cannot approve it
    signer = staff("www_signer")
    with pytest.raises(PermissionDenied):
        service.approve_accused_routing(letter, user=signer, reason="核实需要")
    service.approve_accused_routing(letter, user=admin, reason="经分管领导同意，由其上级机关督办")
    letter.refresh_from_db()
    assert letter.accused_approval_by == admin
    service.transfer(letter, user=admin, departments=[org(FGW)], reason="经批准转交")
    letter.refresh_from_db()
    assert letter.organisation == org(FGW)


def test_the_reply_needs_a_reviewer_other_than_its_drafter(submit, admin, staff):
    editor, signer = staff("www_editor"), staff("www_signer")
    letter = submit().letter
    service.route(letter, user=signer, departments=[org(CITY)])
    service.draft_reply(letter, user=editor, text="答复稿")
    letter.refresh_from_db()
    assert letter.status == "drafted"
    with pytest.raises(PermissionDenied):  # an editor drafts but does not approve
        service.approve_reply(letter, user=editor)
    assert letter.reply_text == ""  # nothing was sent
    service.approve_reply(letter, user=signer)
    letter.refresh_from_db()
    assert letter.status == "answered" and letter.reply_text == "答复稿"
    assert letter.answered_on_time is True and letter.days_to_answer == 0


def test_the_drafter_cannot_approve_their_own_reply(submit, staff):
    signer = staff("www_signer")
    letter = submit().letter
    service.route(letter, user=signer, departments=[org(CITY)])
    service.draft_reply(letter, user=signer, text="自己写的")
    with pytest.raises(ValidationError, match="起草人以外"):
        service.approve_reply(letter, user=signer)


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_rating_once_and_one_rehandle_that_reopens_the_clock(submit, admin):
    letter = submit().letter
    service.route(letter, user=admin, departments=[org(CITY)])
    letter = _answer(letter, admin)
    with pytest.raises(ValidationError):  # only an unsatisfied writer may ask
        service.rehandle(letter, reason="再办")
    service.rate(letter, rating="unsatisfied")
    with pytest.raises(ValidationError, match="已经评价"):
        service.rate(letter, rating="satisfied")
    service.rehandle(letter, reason="问题没有解决")
    letter.refresh_from_db()
    assert letter.status == "handling" and letter.rehandled_once
    assert letter.is_open and letter.clock_started_on == timezone.localdate() and letter.colour == "green"
    letter = _answer(letter, admin)
    # the new answer is rated afresh; the first rating stays in the history
    service.rate(letter, rating="satisfied")
    letter.refresh_from_db()
    assert letter.rating == "satisfied"
    from casefile.service import history

    rated = [e.reason for e in history(letter).filter(action="rate").order_by("pk")]
    assert rated == ["不满意", "满意"]
    with pytest.raises(ValidationError):
        service.rehandle(letter, reason="还要再办")


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_a_letter_unanswered_for_three_months_is_a_survey_failure(submit, admin):
    old = submit(kind="petition").letter
    Letter.objects.filter(pk=old.pk).update(received_on=service.months_before(timezone.localdate(), 3) - timedelta(days=1))
    fresh = submit().letter
    failures = set(service.survey_failures().values_list("pk", flat=True))
    assert old.pk in failures and fresh.pk not in failures
    demo = Letter.objects.get(subject="要求解决化工厂异味污染问题")
    assert demo.pk in failures and demo.colour == "red"


def test_the_supervisors_view_shows_the_overdue_petition_in_red(client, admin):
    client.force_login(admin)
    page = client.get("/admin/hudong/survey/").content.decode()
    demo = Letter.objects.get(subject="要求解决化工厂异味污染问题")
    assert demo.receipt_number in page and "status-tag--critical" in page


def test_demo_has_letters_in_every_state():
    statuses = set(Letter.objects.values_list("status", flat=True))
    assert statuses >= {"submitted", "handling", "drafted", "answered", "not_accepted"}
    assert Letter.objects.count() >= 20
    assert Letter.objects.filter(publication="published").count() >= 3
