"""Domain functions for 依申请公开; views and tasks stay thin around them.

Each action runs in one transaction: check the transition table, change the
request, write the history (CaseEvent + audit log) and queue the applicant's
notification in the outbox (sent after commit, in the applicant's language).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from casefile import service as casefile
from cluster.models import Organisation, SiteProfile
from notify.service import queue_message

from .constants import (
    ANSWER_OUTCOMES,
    CLOSING_OUTCOMES,
    MAX_EXTENSION_DAYS,
    RECEIPT_PREFIX,
    Status,
)
from .models import DisclosureRequest
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
    """The organisations whose requests ``user`` works: those of the sites on
    whose root page one of the user's groups holds permissions."""
    if user.is_superuser:
        return Organisation.objects.all()
    sites = Site.objects.filter(root_page__group_permissions__group__user=user).distinct()
    return Organisation.objects.filter(site_profiles__site__in=sites).distinct()


def requests_for(user) -> QuerySet[DisclosureRequest]:
    qs = DisclosureRequest.objects.select_related("organisation")
    return qs if user.is_superuser else qs.filter(organisation__in=officer_organisations(user))


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


def _notify(req: DisclosureRequest, body, subject) -> None:
    for channel, recipient in (("sms", req.phone), ("email", req.email)):
        if recipient:
            queue_message(
                channel=channel, recipient=recipient, subject=subject, body=body, language=req.language,
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


def submit_request(*, data: dict, organisation: Organisation, site: Site | None, language: str) -> Receipt:
    """File a request: receipt number + query code, history, notification."""
    code = casefile.new_query_code()
    today = timezone.localdate()
    with transaction.atomic():
        req = DisclosureRequest(
            **data, organisation=organisation, site=site, language=language, received_on=today,
            receipt_number=casefile.new_receipt_number(RECEIPT_PREFIX, day=today),
        )
        req.query_code_hash = casefile.hash_query_code(req.receipt_number, code)
        req.save()
        casefile.record_event(
            req, action="submit", to_status=Status.SUBMITTED, actor_kind=APPLICANT,
            public_note=_("已收到您的申请。"),
        )
        number = req.receipt_number
        _notify(
            req,
            subject=lambda: _("政府信息公开申请已收到"),
            body=lambda: _(
                "【%(org)s】您的政府信息公开申请已收到，受理编号 %(number)s，查询码 %(code)s。"
                "请凭受理编号和查询码在网站“依申请公开”栏目查询办理进度。"
            ) % {"org": _org_name(req), "number": number, "code": code},
        )
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
    """Scope first, then the transition table, before anything is changed."""
    if not can_work(user, req):
        raise PermissionDenied
    WORKFLOW.target(req.status, action)


def accept(req: DisclosureRequest, *, user, note: str = "") -> None:
    _check(user, req, "accept")
    WORKFLOW.transition(req, "accept", user=user, reason=note, public_note=_("申请已受理，正在办理。"))


def ask_correction(req: DisclosureRequest, *, user, missing: str, on: date | None = None) -> None:
    """告知补正: what is missing goes to the applicant; the clock stops from ``on``."""
    _check(user, req, "ask_correction")
    if not missing.strip():
        raise ValidationError(_("请写明需要补正的内容。"))
    on = on or timezone.localdate()
    with transaction.atomic():
        req.correction_request = missing
        req.pauses = [*(req.pauses or []), [on.isoformat(), None]]
        WORKFLOW.transition(
            req, "ask_correction", user=user, reason=missing,
            public_note=_("需要补正：%(missing)s") % {"missing": missing},
            update_fields=["correction_request", "pauses"],
        )
        _notify(
            req,
            subject=lambda: _("政府信息公开申请需要补正"),
            body=lambda: _("【%(org)s】您的申请（受理编号 %(number)s）需要补正：%(missing)s 补正期间答复期限中止计算。")
            % {"org": _org_name(req), "number": req.receipt_number, "missing": missing},
        )


def record_supplement(req: DisclosureRequest, *, user, supplement: str, on: date | None = None) -> None:
    """The applicant's 补正 arrived on ``on``: the clock runs again from the next day."""
    _check(user, req, "supplement")
    on = on or timezone.localdate()
    with transaction.atomic():
        pauses = [list(p) for p in req.pauses or []]
        if pauses and pauses[-1][1] is None:
            if on.isoformat() < pauses[-1][0]:
                raise ValidationError(_("收到补正的日期不能早于告知补正的日期。"))
            pauses[-1][1] = on.isoformat()
        req.pauses, req.supplement = pauses, supplement
        WORKFLOW.transition(
            req, "supplement", user=user, reason=supplement, public_note=_("已收到补正材料，继续办理。"),
            update_fields=["pauses", "supplement"],
        )


def extend(req: DisclosureRequest, *, user, approver, days: int, reason: str) -> None:
    """延长答复期限: once, at most 20 working days, approved by someone with the permission."""
    _check(user, req, "extend")
    if not can_approve_extension(approver):
        raise ValidationError(_("批准人没有批准延期的权限。"))
    if req.extension_days:
        raise ValidationError(_("答复期限只能延长一次。"))
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise ValidationError(_("延长的期限应为 1 至 %(max)s 个工作日。") % {"max": MAX_EXTENSION_DAYS})
    if not reason.strip():
        raise ValidationError(_("请填写延期理由。"))
    with transaction.atomic():
        req.extension_days, req.extension_reason, req.extension_approved_by = days, reason, approver
        WORKFLOW.transition(
            req, "extend", user=user,
            reason=_("%(approver)s 批准延长 %(days)s 个工作日：%(reason)s")
            % {"approver": approver.get_username(), "days": days, "reason": reason},
            public_note=_("答复期限延长 %(days)s 个工作日。") % {"days": days},
            update_fields=["extension_days", "extension_reason", "extension_approved_by"],
        )
        _notify(
            req,
            subject=lambda: _("政府信息公开申请答复期限延长"),
            body=lambda: _("【%(org)s】您的申请（受理编号 %(number)s）答复期限延长 %(days)s 个工作日，至 %(due)s。")
            % {"org": _org_name(req), "number": req.receipt_number, "days": days, "due": _due_text(req)},
        )


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
    with transaction.atomic():
        req.outcome, req.reply_text = outcome, reply_text
        req.answered_at, req.answered_by = timezone.now(), user
        if reply_document is not None:
            req.reply_document = reply_document
        # a still-open pause ends with the decision
        pauses = [list(p) for p in req.pauses or []]
        if pauses and pauses[-1][1] is None:
            pauses[-1][1] = timezone.localdate().isoformat()
        req.pauses = pauses
        fields = ["outcome", "reply_text", "answered_at", "answered_by", "pauses"]
        if reply_document is not None:
            fields.append("reply_document")
        label = req.get_outcome_display()
        WORKFLOW.transition(
            req, action, user=user, reason=reply_text,
            public_note=(_("已答复：%(outcome)s") if action == "answer" else _("已终止办理：%(outcome)s"))
            % {"outcome": label},
            update_fields=fields,
        )
        _notify(
            req,
            subject=lambda: _("政府信息公开申请已答复"),
            body=lambda: _("【%(org)s】您的申请（受理编号 %(number)s）已办结：%(outcome)s。请凭查询码在网站查看答复。")
            % {"org": _org_name(req), "number": req.receipt_number, "outcome": req.get_outcome_display()},
        )
