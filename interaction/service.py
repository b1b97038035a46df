"""Domain functions for letters; views and tasks stay thin around them.

Every staff step goes through the transition table (workflow.py) on the
locked row, writes the history (CaseEvent + audit log) and tells the writer
(outbox, after commit). The writer's own steps after the answer (rating, one
request to handle it again, 复查/复核) lock the row themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casefile import scope
from casefile import service as casefile
from cluster.models import Organisation
from notify.service import queue_message
from workdays.service import Calendar, Clock, Limit, Unit

from . import masking, static_pages
from .constants import (
    ACCEPT_LIMIT,
    CONCLUDE_LIMIT,
    EXTENSION_RULE,
    RECEIPT_PREFIX,
    RECHECK_LIMIT,
    RECHECK_REQUEST_WINDOW,
    REVIEW_LIMIT,
    REVIEW_REQUEST_WINDOW,
    SURVEY_FAIL_MONTHS,
    Kind,
    Publication,
    Rating,
    Stage,
    Status,
    mailbox_limit,
)
from .models import Letter, LetterAttachment, LetterReply, Mailbox
from .notify_templates import ANSWERED, PROGRESS, RECEIVED
from .workflow import WORKFLOW

APPLICANT = "applicant"
ACCUSED_PERMISSION = "interaction.approve_accused_routing"


@dataclass(frozen=True)
class Receipt:
    letter: Letter
    query_code: str  # shown once, never stored in clear


# -- helpers -------------------------------------------------------------------------


def screen(*texts: str) -> list[str]:
    """The sensitive words the editors' list finds in ``texts`` (site/moderation)."""
    from moderation import service as moderation

    return list(moderation.screen(*texts))


def _notify(letter: Letter, template: str, **params) -> None:
    """SMS and e-mail to the writer (none for a letter without contact details)."""
    params.setdefault("mailbox", lambda: letter.mailbox.localized_name)
    params.setdefault("number", letter.receipt_number)
    for channel, recipient in (("sms", letter.phone), ("email", letter.email)):
        if recipient:
            queue_message(channel=channel, recipient=recipient, template=template, params=params,
                          language=letter.language, reference=letter.receipt_number)


def _progress(letter: Letter, note) -> None:
    _notify(letter, PROGRESS, note=note)


def _due_text(letter: Letter) -> str:
    deadline = letter.deadline()
    return deadline.due.isoformat() if deadline.due else _("待定")


def limit_for(letter: Letter) -> Limit:
    """The limit the letter's clock runs on in its current stage."""
    if letter.kind != Kind.PETITION:
        return mailbox_limit(letter.mailbox.reply_limit)
    if letter.stage == Stage.REVIEW:
        return REVIEW_LIMIT
    if letter.stage == Stage.RECHECK:
        return RECHECK_LIMIT
    return CONCLUDE_LIMIT if letter.accepted_on else ACCEPT_LIMIT


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    from calendar import monthrange

    return date(year, month, min(day.day, monthrange(year, month)[1]))


# -- scope -------------------------------------------------------------------------------


def officer_organisations(user) -> QuerySet[Organisation]:
    return scope.officer_organisations(user)


def letters_for(user) -> QuerySet[Letter]:
    """What an officer sees: letters their organisations answer, handle jointly
    or whose mailbox they keep; a supervisor sees all."""
    qs = Letter.objects.select_related("organisation", "mailbox")
    if scope.is_supervisor(user):
        return qs
    orgs = list(officer_organisations(user).values_list("pk", flat=True))
    return qs.filter(
        Q(organisation_id__in=orgs) | Q(mailbox__organisation_id__in=orgs) | Q(departments__in=orgs)
    ).distinct()


def can_work(user, letter: Letter) -> bool:
    return letters_for(user).filter(pk=letter.pk).exists()


def _check(user, letter: Letter, action: str) -> None:
    if not can_work(user, letter):
        raise PermissionDenied
    WORKFLOW.target(letter.status, action)
    step = WORKFLOW.get(letter.status, action)
    if not WORKFLOW.permitted(step, user):
        raise PermissionDenied


def grant_site_permissions(site) -> None:
    """Every group of a site drafts replies to its organisation's letters;
    初审 also approves them, 签发 (the mailbox administrator) also routes."""
    from cluster.provision import ROLES, SITE_MANAGER, group_name

    def perms(*codenames):
        return Permission.objects.filter(content_type__app_label="interaction", codename__in=codenames)

    for role in ROLES:
        group = Group.objects.filter(name=group_name(site, role)).first()
        if group is None:
            continue
        group.permissions.add(*perms("view_letter", "reply_letter"))
        if role == "初审":
            group.permissions.add(*perms("approve_letter"))
        if role == SITE_MANAGER:
            group.permissions.add(*perms("route_letter", "approve_letter"))


# -- the writer's side ---------------------------------------------------------------------


WRITER_FIELDS = ("applicant_kind", "name", "org_name", "contact_person", "phone", "email", "address")


def submit_letter(
    *, mailbox: Mailbox, kind: str, subject: str, content: str, writer: dict, anonymous: bool = False,
    publish_allowed: bool = False, account=None, accused_organisation: Organisation | None = None,
    accused_person: str = "", attachments: Iterable = (), language: str = "zh-hans",
) -> Receipt:
    """File a letter: receipt number + query code, the clock of its kind, a
    history row and the writer's message. A sensitive-word hit marks it for
    manual review (it is kept and answered like any other)."""
    if anonymous and not mailbox.accepts_anonymous(kind):
        raise ValidationError(_("该信箱不受理此类匿名来信，请填写联系方式。"))
    hits = screen(subject, content)
    code = casefile.new_query_code()
    today = timezone.localdate()
    writer = {k: v for k, v in writer.items() if k in WRITER_FIELDS}
    if anonymous:  # nothing that names the writer is kept
        writer = {"applicant_kind": "natural"}
    writer.setdefault("applicant_kind", "natural")
    with transaction.atomic():
        letter = Letter(
            **writer, mailbox=mailbox, organisation=mailbox.organisation, kind=kind, subject=subject,
            content=content, anonymous=anonymous, publish_allowed=publish_allowed,
            account=account if getattr(account, "is_authenticated", False) else None,
            accused_organisation=accused_organisation if kind == Kind.REPORT else None,
            accused_person=accused_person if kind == Kind.REPORT else "",
            needs_review=bool(hits), review_words=hits, language=language, received_on=today,
            receipt_number=casefile.new_receipt_number(RECEIPT_PREFIX, day=today),
        )
        letter.query_code_hash = casefile.hash_query_code(letter.receipt_number, code)
        letter.start_clock(today, limit_for(letter))
        letter.save()
        for upload in attachments:
            LetterAttachment.objects.create(letter=letter, file=upload, name=upload.name[:200], size=upload.size or 0)
        casefile.record_event(
            letter, action="submit", to_status=Status.SUBMITTED, actor_kind=APPLICANT,
            reason=_("命中敏感词，转人工审核：%(words)s") % {"words": "、".join(hits)} if hits else "",
            public_note=_("已收到您的来信。"),
        )
        _notify(letter, RECEIVED, code=code)
    return Receipt(letter, code)


def find_letter(http_request, *, receipt_number: str, query_code: str) -> Letter | None:
    """Raises casefile.service.LookupRateLimited when the address asks too often."""
    return casefile.lookup_case(
        http_request, Letter.objects.select_related("organisation", "mailbox"),
        receipt_number=receipt_number, query_code=query_code, group="hudong-status",
    )


def public_timeline(letter: Letter):
    return casefile.history(letter, public_only=True)


def _lock(letter: Letter) -> Letter:
    return Letter.objects.select_for_update().get(pk=letter.pk)


def rate(letter: Letter, *, rating: str) -> None:
    """满意 / 基本满意 / 不满意, once, after the answer."""
    if rating not in Rating.values:
        raise ValidationError(_("请选择评价。"))
    with transaction.atomic():
        locked = _lock(letter)
        if locked.status != Status.ANSWERED:
            raise ValidationError(_("来信答复后才能评价。"))
        if locked.rating:
            raise ValidationError(_("您已经评价过这封来信。"))
        locked.rating, locked.rated_at = rating, timezone.now()
        locked.save(update_fields=["rating", "rated_at", "updated_at"])
        casefile.record_event(locked, action="rate", from_status=locked.status, to_status=locked.status,
                              actor_kind=APPLICANT, reason=Rating(rating).label,
                              public_note=_("您的评价：%(rating)s") % {"rating": Rating(rating).label})
    letter.rating, letter.rated_at = locked.rating, locked.rated_at


def can_rehandle(letter: Letter) -> bool:
    return letter.status == Status.ANSWERED and letter.rating == Rating.UNSATISFIED and not letter.rehandled_once


def rehandle(letter: Letter, *, reason: str) -> None:
    """An unsatisfied writer asks once for the letter to be handled again: it
    goes back to the departments with a fresh limit of its kind from today. The
    first rating stays in the history; the writer rates the new answer, and the
    statistics count that one."""
    if not reason.strip():
        raise ValidationError(_("请写明要求重新办理的理由。"))
    today = timezone.localdate()
    with transaction.atomic():
        locked = _lock(letter)
        if locked.rehandled_once:
            raise ValidationError(_("每封来信只能要求重新办理一次。"))
        if not can_rehandle(locked):
            raise ValidationError(_("评价为“不满意”的答复才能要求重新办理。"))
        locked.status, locked.rehandled_once, locked.rehandle_reason = Status.HANDLING, True, reason
        locked.rating, locked.rated_at = "", None
        if locked.publication == Publication.PENDING:
            locked.publication = Publication.NONE
        locked.clock_stops, locked.clock_extensions = [], []
        locked.start_clock(today, limit_for(locked))
        locked.save()
        casefile.record_event(
            locked, action="rehandle", from_status=Status.ANSWERED, to_status=Status.HANDLING,
            actor_kind=APPLICANT, reason=reason,
            public_note=_("您要求重新办理，来信已重新交办，办理期限至 %(due)s。") % {"due": _due_text(locked)},
        )
        _progress(locked, gettext_lazy("已按您的要求重新办理。"))
    _copy(locked, letter)


def _copy(source: Letter, target: Letter) -> None:
    for f in Letter._meta.concrete_fields:
        setattr(target, f.attname, getattr(source, f.attname))


def review_window(letter: Letter) -> tuple[str, Limit, Limit] | None:
    """(next stage, window to ask, limit to decide) for an answered petition,
    or None when no further request is possible (复核 was the last)."""
    if letter.kind != Kind.PETITION:
        return None
    if letter.stage == Stage.FIRST:
        return Stage.REVIEW, REVIEW_REQUEST_WINDOW, REVIEW_LIMIT
    if letter.stage == Stage.REVIEW:
        return Stage.RECHECK, RECHECK_REQUEST_WINDOW, RECHECK_LIMIT
    return None


def review_deadline(letter: Letter) -> date | None:
    window = review_window(letter)
    if window is None or letter.answered_at is None:
        return None
    return timezone.localdate(letter.answered_at) + timedelta(days=window[1].days)  # 日: calendar days


def request_review(letter: Letter, *, reason: str, language: str = "zh-hans", today: date | None = None) -> Receipt:
    """复查 (第三十五条) of an answered petition within 30 days of the answer,
    then 复核 (第三十六条) of the 复查's answer; a new letter linked to the
    original, decided within 30 days by the body above. After 复核 the same
    matter is not accepted again."""
    today = today or timezone.localdate()
    if not reason.strip():
        raise ValidationError(_("请写明请求复查（复核）的理由。"))
    window = review_window(letter)
    if letter.kind != Kind.PETITION:
        raise ValidationError(_("只有信访事项可以请求复查、复核。"))
    if window is None:
        raise ValidationError(_("复核意见为最终意见：同一信访事项不再受理（《信访工作条例》第三十六条）。"))
    if letter.status != Status.ANSWERED or letter.answered_at is None:
        raise ValidationError(_("信访事项答复后才能请求复查或复核。"))
    if today > review_deadline(letter):
        raise ValidationError(_("已超过请求期限：应自收到书面答复之日起 %(days)s 日内提出。") % {"days": window[1].days})
    stage, _window, limit = window
    code = casefile.new_query_code()
    with transaction.atomic():
        locked = _lock(letter)
        if locked.reviews.exists():
            raise ValidationError(_("已就该答复提出过请求，不能重复提出。"))
        upper = locked.organisation.parent or locked.organisation
        new = Letter(
            **{f: getattr(locked, f) for f in WRITER_FIELDS}, account=locked.account, mailbox=locked.mailbox,
            organisation=upper, kind=Kind.PETITION, stage=stage, original=locked,
            subject=f"{Stage(stage).label}：{locked.subject}"[:200], content=reason, anonymous=locked.anonymous,
            publish_allowed=False, language=language, received_on=today, accepted_on=today,
            receipt_number=casefile.new_receipt_number(RECEIPT_PREFIX, day=today),
        )
        new.query_code_hash = casefile.hash_query_code(new.receipt_number, code)
        new.start_clock(today, limit)
        new.save()
        casefile.record_event(new, action="submit", to_status=Status.SUBMITTED, actor_kind=APPLICANT, reason=reason,
                              public_note=_("已收到您的%(stage)s请求（原信访事项 %(number)s）。")
                              % {"stage": Stage(stage).label, "number": locked.receipt_number})
        casefile.record_event(locked, action=f"request_{stage}", from_status=locked.status, to_status=locked.status,
                              actor_kind=APPLICANT, reason=reason,
                              public_note=_("您已请求%(stage)s，编号 %(number)s。")
                              % {"stage": Stage(stage).label, "number": new.receipt_number})
        _notify(new, RECEIVED, code=code)
    return Receipt(new, code)


# -- the officers' side ------------------------------------------------------------------


def clear_review(letter: Letter, *, user, note: str = "") -> None:
    """A person read the letter the sensitive-word list stopped: it goes on."""
    _check(user, letter, "clear_review")

    def change(locked):
        if not locked.needs_review:
            raise ValidationError(_("这封来信不需要人工审核。"))
        locked.needs_review = False
        return ["needs_review"]

    WORKFLOW.transition(letter, "clear_review", user=user, reason=note or _("人工审核通过"), apply=change)


def may_approve_accused(user) -> bool:
    return scope.is_supervisor(user) or bool(user and user.has_perm(ACCUSED_PERMISSION))


def approve_accused_routing(letter: Letter, *, user, reason: str) -> None:
    """第三十条: a 检举控告 may go to the body it accuses only with a
    responsible officer's recorded approval, and why."""
    if not can_work(user, letter) and not scope.is_supervisor(user):
        raise PermissionDenied
    if not may_approve_accused(user):
        raise PermissionDenied
    if letter.kind != Kind.REPORT or not letter.accused_organisation_id:
        raise ValidationError(_("这封来信没有被检举控告的单位。"))
    if not reason.strip():
        raise ValidationError(_("请写明批准理由。"))

    def change(locked):
        locked.accused_approval_by, locked.accused_approval_at = user, timezone.now()
        locked.accused_approval_reason = reason
        return ["accused_approval_by", "accused_approval_at", "accused_approval_reason"]

    WORKFLOW.transition(letter, "approve_accused", user=user, reason=reason, apply=change)


def check_accused(letter: Letter, targets: Iterable[Organisation]) -> None:
    """Refuse handing a 检举控告 to the body it accuses without the approval."""
    if letter.kind != Kind.REPORT or not letter.accused_organisation_id or letter.accused_approval_by_id:
        return
    if any(t.pk == letter.accused_organisation_id for t in targets):
        raise ValidationError(_(
            "检举控告不得转交被检举控告的单位办理（《信访工作条例》第三十条），"
            "确需转交的，须先经负责人批准并记录理由。"), code="accused")


def _targets(departments: Iterable[Organisation], lead: Organisation | None) -> tuple[Organisation, list]:
    departments = list(dict.fromkeys(departments))
    if not departments:
        raise ValidationError(_("请选择承办单位。"))
    lead = lead or departments[0]
    if lead not in departments:
        departments.insert(0, lead)
    return lead, departments


def _names(orgs) -> str:
    return "、".join(o.localized_name for o in orgs)


def route(letter: Letter, *, user, departments: Iterable[Organisation], lead: Organisation | None = None,
          note: str = "", on: date | None = None) -> None:
    """分办 (one department) or 交办 to several (joint handling, ``lead`` answers).
    A petition is accepted by this step (告知受理): its 60 days start."""
    _check(user, letter, "route")
    lead, departments = _targets(departments, lead)
    if letter.needs_review:
        raise ValidationError(_("这封来信命中敏感词，须先人工审核。"))
    check_accused(letter, departments)
    on = on or timezone.localdate()

    def change(locked):
        check_accused(locked, departments)
        locked.organisation = lead
        changed = ["organisation"]
        if locked.kind == Kind.PETITION and locked.stage == Stage.FIRST and not locked.accepted_on:
            locked.accepted_on = on
            locked.start_clock(on, CONCLUDE_LIMIT)
            changed.append("accepted_on")
        return changed

    with transaction.atomic():
        WORKFLOW.transition(
            letter, "route", user=user, reason=note or _names(departments),
            public_note=lambda r: (_("已受理，交 %(orgs)s 办理，办理期限至 %(due)s。") if r.is_petition
                                   else _("已交 %(orgs)s 办理，答复期限至 %(due)s。"))
            % {"orgs": _names(departments), "due": _due_text(r)},
            apply=change,
        )
        letter.departments.set(departments)
        _progress(letter, lambda: _("已交 %(orgs)s 办理。") % {"orgs": _names(departments)})


def transfer(letter: Letter, *, user, departments: Iterable[Organisation], lead: Organisation | None = None,
             reason: str) -> None:
    """转办: to other department(s), with the reason recorded and shown."""
    _check(user, letter, "transfer")
    if not reason.strip():
        raise ValidationError(_("转办须写明理由。"))
    lead, departments = _targets(departments, lead)
    check_accused(letter, departments)

    def change(locked):
        check_accused(locked, departments)
        locked.organisation = lead
        return ["organisation"]

    with transaction.atomic():
        WORKFLOW.transition(
            letter, "transfer", user=user, reason=reason,
            public_note=_("已转 %(orgs)s 办理。") % {"orgs": _names(departments)}, apply=change,
        )
        letter.departments.set(departments)
        _progress(letter, lambda: _("已转 %(orgs)s 办理。") % {"orgs": _names(departments)})


def not_accept(letter: Letter, *, user, reason: str) -> None:
    """不予受理, told to the writer with the reason (第二十三条)."""
    _check(user, letter, "not_accept")
    if not reason.strip():
        raise ValidationError(_("请写明不予受理的理由。"))

    def change(locked):
        locked.not_accepted_reason = reason
        return ["not_accepted_reason"]

    with transaction.atomic():
        WORKFLOW.transition(letter, "not_accept", user=user, reason=reason,
                            public_note=_("不予受理：%(reason)s") % {"reason": reason}, apply=change)
        _progress(letter, lambda: _("不予受理：%(reason)s") % {"reason": reason})


def extend(letter: Letter, *, user, days: int, reason: str) -> None:
    """第三十四条: a petition's 60 days may be extended once, by at most 30 days, with a reason."""
    _check(user, letter, "extend")
    if letter.kind != Kind.PETITION or not letter.accepted_on:
        raise ValidationError(_("只有已受理的信访事项可以延长办理期限。"))
    if not reason.strip():
        raise ValidationError(_("请填写延期理由。"))

    def change(locked):
        clock = locked.clock()
        clock.extend(days, rule=EXTENSION_RULE, approver=user.get_username(), approver_id=user.pk, reason=reason,
                     on=timezone.localdate())
        locked.store_clock(clock)

    with transaction.atomic():
        WORKFLOW.transition(
            letter, "extend", user=user, reason=reason,
            public_note=lambda r: _("办理期限延长 %(days)s 日，至 %(due)s。") % {"days": days, "due": _due_text(r)},
            apply=change,
        )
        _progress(letter, lambda: _("办理期限延长 %(days)s 日。") % {"days": days})


def draft_reply(letter: Letter, *, user, text: str) -> LetterReply:
    """The department's answer, waiting for the reviewer."""
    _check(user, letter, "draft_reply")
    if not text.strip():
        raise ValidationError(_("请填写答复内容。"))
    orgs = set(officer_organisations(user).values_list("pk", flat=True))
    handling = set(letter.departments.values_list("pk", flat=True)) | {letter.organisation_id}
    organisation = letter.organisation if letter.organisation_id in orgs or scope.is_supervisor(user) else (
        Organisation.objects.filter(pk__in=orgs & handling).first())
    if organisation is None:
        raise PermissionDenied
    with transaction.atomic():
        WORKFLOW.transition(letter, "draft_reply", user=user, reason=text[:200],
                            public_note=_("答复已起草，正在审核。"))
        return LetterReply.objects.create(letter=letter, organisation=organisation, text=text, drafted_by=user)


def pending_reply(letter: Letter) -> LetterReply | None:
    return letter.replies.filter(state=LetterReply.State.DRAFT).order_by("-pk").first()


def return_reply(letter: Letter, *, user, note: str) -> None:
    _check(user, letter, "return_reply")
    if not note.strip():
        raise ValidationError(_("请写明退回修改的意见。"))
    reply = pending_reply(letter)
    with transaction.atomic():
        WORKFLOW.transition(letter, "return_reply", user=user, reason=note)
        if reply:
            LetterReply.objects.filter(pk=reply.pk).update(
                state=LetterReply.State.RETURNED, reviewed_by=user, reviewed_at=timezone.now(), review_note=note)


def approve_reply(letter: Letter, *, user, publish: bool = False, text: str | None = None, note: str = "") -> None:
    """The reviewer's approval sends the answer; with ``publish`` (only if the
    writer allowed it) a masked version is prepared for 来信选登, to be
    approved before it goes public."""
    _check(user, letter, "approve_reply")
    reply = pending_reply(letter)
    if reply is None:
        raise ValidationError(_("没有待审核的答复。"))
    if reply.drafted_by_id == user.pk and not user.is_superuser:
        raise ValidationError(_("答复须由起草人以外的审核人审核。"))
    if publish and not letter.publish_allowed:
        raise ValidationError(_("来信人不同意公开，不能选登。"))
    text = (text if text is not None else reply.text).strip()
    now = timezone.now()

    def change(locked):
        locked.reply_text, locked.answered_at = text, now
        due = locked.due_on
        today = timezone.localdate(now)
        locked.answered_on_time = bool(due is None or today <= due) if locked.due_known else None
        locked.days_to_answer = (today - timezone.localdate(locked.submitted_at)).days
        fields = ["reply_text", "answered_at", "answered_on_time", "days_to_answer"]
        if publish:
            locked.publication = Publication.PENDING
            # the people the letter itself names: the writer, the contact and the accused
            names = [locked.name, locked.contact_person, locked.accused_person]
            locked.public_subject = masking.mask_letter_text(locked.subject, names=names)
            locked.public_content = masking.mask_letter_text(locked.content, names=names)
            locked.public_reply = masking.mask_letter_text(text, names=names)
            fields += ["publication", "public_subject", "public_content", "public_reply"]
        return fields

    with transaction.atomic():
        WORKFLOW.transition(letter, "approve_reply", user=user, reason=note or _("审核通过"),
                            public_note=_("已答复。"), apply=change)
        LetterReply.objects.filter(pk=reply.pk).update(
            state=LetterReply.State.APPROVED, text=text, reviewed_by=user, reviewed_at=now, review_note=note)
        static_pages.letter_changed(letter)  # a published letter answered again: new answer, or back to pending
        _notify(letter, ANSWERED)


def approve_publication(letter: Letter, *, user, subject: str, content: str, reply: str) -> None:
    """The reviewer approves the masked (and possibly edited) version: public from now on."""
    if not can_work(user, letter):
        raise PermissionDenied
    if not (user.is_superuser or user.has_perm("interaction.approve_letter")):
        raise PermissionDenied
    if not all(s.strip() for s in (subject, content, reply)):
        raise ValidationError(_("标题、来信内容和答复内容都不能为空。"))
    with transaction.atomic():
        locked = _lock(letter)
        if locked.publication not in (Publication.PENDING, Publication.WITHDRAWN) or not locked.publish_allowed:
            raise ValidationError(_("这封来信不在待选登状态。"))
        if locked.status != Status.ANSWERED:
            raise ValidationError(_("来信答复后才能选登。"))
        locked.public_subject, locked.public_content, locked.public_reply = subject, content, reply
        locked.publication, locked.published_at, locked.publication_approved_by = (
            Publication.PUBLISHED, timezone.now(), user)
        locked.save(update_fields=["public_subject", "public_content", "public_reply", "publication",
                                   "published_at", "publication_approved_by", "updated_at"])
        casefile.record_event(locked, action="publish", from_status=locked.status, to_status=locked.status,
                              user=user, reason=_("脱敏文本审核通过，选登公开"))
        static_pages.letter_changed(locked)
    _copy(locked, letter)


def withdraw_publication(letter: Letter, *, user, reason: str) -> None:
    if not (can_work(user, letter) and (user.is_superuser or user.has_perm("interaction.approve_letter"))):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("请写明撤下的理由。"))
    with transaction.atomic():
        locked = _lock(letter)
        locked.publication = Publication.WITHDRAWN
        locked.save(update_fields=["publication", "updated_at"])
        casefile.record_event(locked, action="unpublish", from_status=locked.status, to_status=locked.status,
                              user=user, reason=reason)
        static_pages.letter_changed(locked)
    _copy(locked, letter)


def actions_for(user, letter: Letter) -> list:
    steps = WORKFLOW.actions_for(letter, user)
    names = []
    for t in steps:
        if t.action == "clear_review" and not letter.needs_review:
            continue
        if t.action == "approve_accused" and not (
                letter.kind == Kind.REPORT and letter.accused_organisation_id and not letter.accused_approval_by_id
                and may_approve_accused(user)):
            continue
        if t.action == "extend" and not (letter.is_petition and letter.accepted_on and not letter.extensions):
            continue
        if t.action in ("route", "not_accept") and letter.needs_review:
            continue
        names.append(t)
    return names


# -- supervision -------------------------------------------------------------------------------


def survey_failures(qs: QuerySet[Letter] | None = None, *, today: date | None = None) -> QuerySet[Letter]:
    """Open letters waiting more than three months for an answer: each one
    fails the national site survey outright (单项否决)."""
    today = today or timezone.localdate()
    cutoff = months_before(today, SURVEY_FAIL_MONTHS)
    qs = Letter.objects.all() if qs is None else qs
    return qs.filter(status__in=sorted(WORKFLOW.open_statuses), received_on__lt=cutoff).order_by("received_on", "pk")


def clock_preview(limit: Limit, start: date) -> date | None:
    """The due date a limit gives from ``start`` (for the pages that explain them)."""
    return Clock(started=start, limit=limit.days, unit=Unit(limit.unit)).due(Calendar()).due
