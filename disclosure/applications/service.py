"""Domain functions for 依申请公开; views and tasks stay thin around them.

Each action runs in one transaction: check the transition table, change the
request, write the history (CaseEvent + audit log) and queue the applicant's
notification in the outbox (sent after commit, in the applicant's language).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from casefile import scope
from casefile import service as casefile
from cluster.models import Organisation, SiteProfile
from notify.service import queue_message
from workdays.service import add_days

from .constants import (
    ANSWER_OUTCOMES,
    CLOSING_OUTCOMES,
    CORRECTION_PERIOD,
    EXTENSION_RULE,
    RECEIPT_PREFIX,
    STOP_LIMITS,
    Outcome,
    Status,
    StopReason,
)
from .models import DisclosureRequest, OrganisationSettings
from .notify_templates import CORRECTION, DECIDED, EXTENDED, RECEIVED
from .workflow import WORKFLOW

APPLICANT = "applicant"
SYSTEM = "system"


@dataclass(frozen=True)
class Receipt:
    request: DisclosureRequest
    query_code: str  # shown once, never stored in clear


# -- scope ---------------------------------------------------------------------


def organisation_for_site(site: Site | None) -> Organisation | None:
    if site is None:
        return None
    profile = SiteProfile.objects.filter(site=site).select_related("organisation").first()
    return profile.organisation if profile else None


def officer_organisations(user) -> QuerySet[Organisation]:
    """The organisations whose requests ``user`` works (the kernel's scope)."""
    return scope.officer_organisations(user)


def requests_for(user) -> QuerySet[DisclosureRequest]:
    return scope.cases_for(DisclosureRequest, user).select_related("organisation")


def counts_from_confirmation(organisation: Organisation) -> bool:
    """条例 第三十一条第三项, if the organisation chose it: an online request is
    received on the day the officer confirms it, not the day it was sent."""
    return OrganisationSettings.objects.filter(organisation=organisation, count_from_confirmation=True).exists()


def can_work(user, request: DisclosureRequest) -> bool:
    return requests_for(user).filter(pk=request.pk).exists()


def can_approve_extension(user) -> bool:
    return user.has_perm("disclosure_applications.extend_disclosurerequest")


def grant_site_permissions(site: Site) -> None:
    """Every group of a site works its organisation's requests; 签发 also
    approves extensions. Runs whenever a site is provisioned (cluster.provision.site_provisioned)."""
    from cluster.provision import ROLES, SITE_MANAGER, group_name

    base = Permission.objects.filter(
        content_type__app_label="disclosure_applications",
        codename__in=["view_disclosurerequest", "change_disclosurerequest"],
    )
    extend = Permission.objects.get(content_type__app_label="disclosure_applications", codename="extend_disclosurerequest")
    for role in ROLES:
        group = Group.objects.filter(name=group_name(site, role)).first()
        if group is None:
            continue
        group.permissions.add(*base)
        if role == SITE_MANAGER:
            group.permissions.add(extend)


# -- notifications ----------------------------------------------------------------


def _notify(req: DisclosureRequest, template: str, **params) -> None:
    """Queue ``template`` (notify_templates.py) by SMS and e-mail; callables
    among ``params`` are rendered in the applicant's language."""
    for channel, recipient in (("sms", req.phone), ("email", req.email)):
        if recipient:
            queue_message(
                channel=channel, recipient=recipient, template=template, params=params, language=req.language,
                reference=req.receipt_number,
            )


def _org_name(req: DisclosureRequest) -> str:
    return req.organisation.localized_name


def _due_text(req: DisclosureRequest) -> str:
    deadline = req.deadline()
    if deadline.due:
        return deadline.due.isoformat()
    return _("待定")


# -- the applicant's side ----------------------------------------------------------------


def submit_request(
    *, data: dict, organisation: Organisation, site: Site | None, language: str, account=None,
) -> Receipt:
    """File a request: receipt number + query code, history, notification.
    ``account``: the signed-in citizen, whose "my applications" then lists it."""
    code = casefile.new_query_code()
    today = timezone.localdate()
    with transaction.atomic():
        req = DisclosureRequest(
            **data, organisation=organisation, site=site, language=language, account=account,
            received_on=None if counts_from_confirmation(organisation) else today,
            receipt_number=casefile.new_receipt_number(RECEIPT_PREFIX, day=today),
        )
        req.query_code_hash = casefile.hash_query_code(req.receipt_number, code)
        if req.received_on:
            req.start_clock(req.received_on)
        req.save()
        casefile.record_event(
            req, action="submit", to_status=Status.SUBMITTED, actor_kind=APPLICANT,
            public_note=_("已收到您的申请。"),
        )
        _notify(req, RECEIVED, org=lambda: _org_name(req), number=req.receipt_number, code=code)
    return Receipt(req, code)


def find_request(http_request, *, receipt_number: str, query_code: str) -> DisclosureRequest | None:
    """Raises casefile.service.LookupRateLimited when the IP asks too often."""
    return casefile.lookup_case(
        http_request, DisclosureRequest.objects.select_related("organisation"),
        receipt_number=receipt_number, query_code=query_code, group="yisqgk-status",
    )


def public_timeline(req: DisclosureRequest):
    return casefile.history(req, public_only=True)


# -- the officer's side -----------------------------------------------------------------


def _check(user, req: DisclosureRequest, action: str) -> None:
    """Scope first, then the transition table, before anything is changed
    (the transition checks the table again under the row lock)."""
    if not can_work(user, req):
        raise PermissionDenied
    WORKFLOW.target(req.status, action)
    if req.received_on is None and action not in ("confirm_receipt", "close"):
        raise ValidationError(_("请先确认收到申请：本机关网上申请以双方确认之日为收到申请之日。"))


def actions_for(user, req: DisclosureRequest) -> list:
    """The buttons on the request's page."""
    steps = WORKFLOW.actions_for(req, user)
    if req.received_on is None:
        return [t for t in steps if t.action in ("confirm_receipt", "close")]
    return [t for t in steps if t.action != "confirm_receipt"]


def confirm_receipt(req: DisclosureRequest, *, user, on: date | None = None) -> None:
    """The officer confirms an online request (条例 第三十一条第三项): it is
    received on ``on`` and the 20 working days start counting after it."""
    _check(user, req, "confirm_receipt")
    on = on or timezone.localdate()

    def change(locked):
        if locked.received_on is not None:
            raise ValidationError(_("已确认收到该申请。"))
        if on < timezone.localdate(locked.submitted_at):
            raise ValidationError(_("确认日期不能早于提交日期。"))
        locked.received_on = on
        locked.start_clock(on)
        return ["received_on"]

    WORKFLOW.transition(
        req, "confirm_receipt", user=user,
        public_note=lambda r: _("已确认收到您的申请（收到申请之日：%(day)s），答复期限：%(due)s。")
        % {"day": on.isoformat(), "due": _due_text(r)},
        apply=change,
    )


def accept(req: DisclosureRequest, *, user, note: str = "") -> None:
    _check(user, req, "accept")
    WORKFLOW.transition(req, "accept", user=user, reason=note, public_note=_("申请已受理，正在办理。"))


def ask_correction(
    req: DisclosureRequest, *, user, missing: str, on: date | None = None, until: date | None = None,
) -> None:
    """告知补正 (条例 第三十条): what is missing and by when (``until``, by
    default 15 working days) go to the applicant; the clock is interrupted
    from ``on`` and runs afresh once the supplement arrives."""
    _check(user, req, "ask_correction")
    if not missing.strip():
        raise ValidationError(_("请写明需要补正的内容。"))
    on = on or timezone.localdate()
    # the period is the officer's to set ("合理的补正期限"); by default 15 working days, or
    # three weeks where next year's holidays are not published yet (not a statutory deadline)
    until = until or add_days(start=on, days=CORRECTION_PERIOD.days, unit=CORRECTION_PERIOD.unit).due or (
        on + timedelta(days=21))
    if until <= on:
        raise ValidationError(_("补正期限应晚于告知补正的日期。"))

    def change(locked):
        locked.correction_request = missing
        clock = locked.clock()
        clock.interrupt(on, reason=StopReason.CORRECTION, applicant_due=until)
        locked.store_clock(clock)
        return ["correction_request"]

    with transaction.atomic():
        WORKFLOW.transition(
            req, "ask_correction", user=user, reason=missing,
            public_note=_("需要补正：%(missing)s 请于 %(until)s 前补正，逾期不补正视为放弃申请。")
            % {"missing": missing, "until": until.isoformat()},
            apply=change,
        )
        _notify(req, CORRECTION, org=lambda: _org_name(req), number=req.receipt_number, missing=missing)


def record_supplement(req: DisclosureRequest, *, user, supplement: str, on: date | None = None) -> None:
    """The applicant's 补正 arrived on ``on``: the clock runs again from the next day."""
    _check(user, req, "supplement")
    on = on or timezone.localdate()

    def change(locked):
        clock = locked.clock()
        stop = clock.open_stop
        if stop is not None and on < stop.start:
            raise ValidationError(_("收到补正的日期不能早于告知补正的日期。"))
        clock.restart_from(on)
        locked.supplement = supplement
        locked.store_clock(clock)
        return ["supplement"]

    WORKFLOW.transition(
        req, "supplement", user=user, reason=supplement,
        public_note=lambda r: _("已收到补正材料，继续办理。答复期限重新计算至 %(due)s。") % {"due": _due_text(r)},
        apply=change,
    )


def lapse(req: DisclosureRequest) -> None:
    """The 补正 period passed without a supplement (条例 第三十条: 视为放弃申请):
    closed by the system, the applicant told. Called by the kernel's reminders."""
    until = req.applicant_due_on

    def change(locked):
        if not locked.applicant_due_on or locked.applicant_due_on >= timezone.localdate():
            raise ValidationError(_("补正期限尚未届满。"))
        locked.outcome = Outcome.OTHER_NO_CORRECTION
        locked.reply_text = _("申请人未在补正期限（%(until)s）内补正，视为放弃申请。") % {
            "until": locked.applicant_due_on.isoformat()}
        locked.answered_at = timezone.now()
        return ["outcome", "reply_text", "answered_at"]

    with transaction.atomic():
        WORKFLOW.transition(
            req, "lapse", actor_kind=SYSTEM, reason=lambda r: r.reply_text,
            public_note=lambda r: _("已终止办理：%(outcome)s") % {"outcome": r.get_outcome_display()},
            apply=change,
        )
        _notify(req, DECIDED, org=lambda: _org_name(req), number=req.receipt_number,
                outcome=req.get_outcome_display)
    return until


def consult(req: DisclosureRequest, *, user, reason: str, whom: str, on: date | None = None) -> None:
    """征求第三方意见 (条例 第三十二条) or 征求其他机关意见 (第三十四条): the
    answer clock is suspended (the time is not counted, 第三十三条第三款) and
    the consultation has 15 working days of its own."""
    _check(user, req, "consult")
    if reason not in (StopReason.THIRD_PARTY, StopReason.OTHER_AGENCY):
        raise ValidationError(_("请选择征求意见的类型。"))
    if not whom.strip():
        raise ValidationError(_("请写明征求意见的对象。"))
    on = on or timezone.localdate()
    label = StopReason(reason).label

    def change(locked):
        clock = locked.clock()
        clock.suspend(on, reason=reason, limit=STOP_LIMITS[reason])
        locked.store_clock(clock)
        locked.consultation = "\n".join(filter(None, [locked.consultation, f"{on.isoformat()} {label}：{whom}"]))
        return ["consultation"]

    WORKFLOW.transition(
        req, "consult", user=user, reason=f"{label}：{whom}",
        public_note=_("正在%(what)s，所需时间不计入答复期限。") % {"what": label}, apply=change,
    )


def end_consultation(req: DisclosureRequest, *, user, result: str, on: date | None = None) -> None:
    """The opinion arrived (or the 15 days ran out): the answer clock runs on with the days it had left."""
    _check(user, req, "end_consultation")
    on = on or timezone.localdate()

    def change(locked):
        clock = locked.clock()
        clock.resume(on)
        locked.store_clock(clock)
        if result.strip():
            locked.consultation = "\n".join(filter(None, [locked.consultation, f"{on.isoformat()} {result}"]))
        return ["consultation"]

    WORKFLOW.transition(
        req, "end_consultation", user=user, reason=result,
        public_note=lambda r: _("征求意见结束，继续办理，答复期限至 %(due)s。") % {"due": _due_text(r)},
        apply=change,
    )


def extend(req: DisclosureRequest, *, user, approver, days: int, reason: str) -> None:
    """延长答复期限 (条例 第三十三条第二款): once, at most 20 working days
    (EXTENSION_RULE, checked under the row lock), approved by someone with the permission."""
    _check(user, req, "extend")
    if not can_approve_extension(approver):
        raise ValidationError(_("批准人没有批准延期的权限。"))
    if not reason.strip():
        raise ValidationError(_("请填写延期理由。"))

    def change(locked):
        clock = locked.clock()
        clock.extend(days, rule=EXTENSION_RULE, approver=approver.get_username(), approver_id=approver.pk,
                     reason=reason, on=timezone.localdate())
        locked.store_clock(clock)

    with transaction.atomic():
        WORKFLOW.transition(
            req, "extend", user=user,
            reason=_("%(approver)s 批准延长 %(days)s 个工作日：%(reason)s")
            % {"approver": approver.get_username(), "days": days, "reason": reason},
            public_note=_("答复期限延长 %(days)s 个工作日。") % {"days": days},
            apply=change,
        )
        _notify(req, EXTENDED, org=lambda: _org_name(req), number=req.receipt_number, days=days,
                due=lambda: _due_text(req))


def answer(req: DisclosureRequest, *, user, outcome: str, reply_text: str, reply_document=None) -> None:
    _check(user, req, "answer")
    if outcome not in ANSWER_OUTCOMES:
        raise ValidationError(_("请选择答复结果。"))
    _decide(req, user=user, action="answer", outcome=outcome, reply_text=reply_text, reply_document=reply_document)


def close(req: DisclosureRequest, *, user, outcome: str, reason: str) -> None:
    """终止: e.g. no 补正 in time (other_no_correction)."""
    _check(user, req, "close")
    if outcome not in CLOSING_OUTCOMES:
        raise ValidationError(_("终止办理应选择“其他处理”中的一项。"))
    _decide(req, user=user, action="close", outcome=outcome, reply_text=reason, reply_document=None)


def _decide(req, *, user, action, outcome, reply_text, reply_document) -> None:
    def change(locked):
        locked.outcome, locked.reply_text = outcome, reply_text
        locked.answered_at, locked.answered_by = timezone.now(), user
        if reply_document is not None:
            locked.reply_document = reply_document
            return ["outcome", "reply_text", "answered_at", "answered_by", "reply_document"]
        return ["outcome", "reply_text", "answered_at", "answered_by"]  # a still-open stop ends with the decision

    with transaction.atomic():
        WORKFLOW.transition(
            req, action, user=user, reason=reply_text,
            public_note=lambda r: (_("已答复：%(outcome)s") if action == "answer" else _("已终止办理：%(outcome)s"))
            % {"outcome": r.get_outcome_display()},
            apply=change,
        )
        _notify(req, DECIDED, org=lambda: _org_name(req), number=req.receipt_number,
                outcome=req.get_outcome_display)
