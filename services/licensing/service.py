"""Domain functions of online licensing; views, admin views and tasks stay thin around them.

Every officer's step runs through the kernel's transition table
(``WORKFLOW.transition``: row lock, table check, permission, history and
audit log) and queues the applicant's SMS and e-mail in the outbox inside
the same transaction (sent after commit, in the applicant's language; with
the broker down the outbox's beat sends them later).

The clock (all in working days, 行政许可法 第八十二条):
- at receipt the 5 working days to accept, refuse or ask for 补正 (第三十二条);
- a timely 补正 interrupts them (they run afresh once the materials are complete);
- a 补正 notice after those 5 days: the application counts as accepted on the day
  it arrived, the decision clock runs from then, and the 补正 only suspends it;
- at 受理 the decision's 20 working days, or the item's shorter promised limit (第四十二条),
  extended once by 10 working days by the head of the body;
- special procedures (第四十五条) suspend it for the length told to the applicant;
- after the decision, 10 working days to issue and serve the documents (第四十四条).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from casefile import scope
from casefile import service as casefile
from cluster.models import Organisation
from notify.service import queue_message
from workdays.service import Limit, Unit, add_days

from . import notify_templates as T
from .constants import (
    ACCEPTANCE_LIMIT,
    CORRECTION_PERIOD,
    DECISION_DAYS,
    EXTENSION_DAYS,
    EXTENSION_PERMISSION,
    EXTENSION_RULE,
    ISSUE_LIMIT,
    RECEIPT_PREFIX,
    REMEDIES,
    Decision,
    DocumentKind,
    MaterialKind,
    Status,
    StopReason,
)
from .models import ApplicationDraft, ApplicationMaterial, DraftMaterial, IssuedDocument, LicenceApplication
from .workflow import WORKFLOW

logger = logging.getLogger(__name__)
APPLICANT = "applicant"
SYSTEM = "system"
APPLICANT_FIELDS = (
    "applicant_kind", "name", "id_type", "id_number", "org_name", "credit_code", "legal_representative",
    "contact_person", "phone", "email", "address",
)


class DraftConsumed(Exception):
    """The draft was submitted already (another tab, a retried request)."""

    def __init__(self, receipt_number: str):
        self.receipt_number = receipt_number
        super().__init__(receipt_number)


@dataclass(frozen=True)
class Receipt:
    application: LicenceApplication
    query_code: str  # shown once, never stored in clear


# -- limits -----------------------------------------------------------------------------


def decision_limit(item) -> Limit:
    """第四十二条: 20 working days from acceptance unless a law gives the item
    another statutory limit; the item's promised limit (承诺时限) when shorter."""
    statutory = getattr(item, "statutory_limit", None) or DECISION_DAYS
    promised = getattr(item, "promised_limit", None)
    if promised and promised < statutory:
        return Limit(promised, Unit.WORKING, _("承诺时限"))
    return Limit(statutory, Unit.WORKING, "《行政许可法》第四十二条")


def _due(start: date, limit: Limit) -> date | None:
    return add_days(start=start, days=limit.days, unit=limit.unit).due


def _due_text(app: LicenceApplication) -> str:
    deadline = app.deadline()
    if deadline.due:
        return deadline.due.isoformat()
    return _("待定")


# -- scope ------------------------------------------------------------------------------


def applications_for(user) -> QuerySet[LicenceApplication]:
    return scope.cases_for(LicenceApplication, user).select_related("organisation", "item")


def can_work(user, app: LicenceApplication) -> bool:
    return applications_for(user).filter(pk=app.pk).exists()


def grant_site_permissions(site: Site) -> None:
    """Every group of a site works its organisation's applications; the site
    manager's group (the body's head) also approves the one extension."""
    from cluster.provision import ROLES, SITE_MANAGER, group_name

    base = Permission.objects.filter(
        content_type__app_label="licensing",
        codename__in=["view_licenceapplication", "change_licenceapplication"],
    )
    approve = Permission.objects.filter(content_type__app_label="licensing", codename="approve_extension").first()
    for role in ROLES:
        group = Group.objects.filter(name=group_name(site, role)).first()
        if group is None:
            continue
        group.permissions.add(*base)
        if role == SITE_MANAGER and approve is not None:
            group.permissions.add(approve)


# -- notifications ----------------------------------------------------------------------------


def _notify(app: LicenceApplication, template: str, **params) -> None:
    """SMS and e-mail in the applicant's language (callables rendered in it)."""
    params = {"org": lambda: app.organisation.localized_name, "number": app.receipt_number, **params}
    for channel, recipient in (("sms", app.phone), ("email", app.email)):
        if recipient:
            queue_message(channel=channel, recipient=recipient, template=template, params=params,
                          language=app.language, reference=app.receipt_number)


# -- drafts -------------------------------------------------------------------------------------


def drafts_of(account) -> QuerySet[ApplicationDraft]:
    return ApplicationDraft.objects.filter(account=account, submitted_receipt="")


def get_draft(account, public_id) -> ApplicationDraft | None:
    """The account's own open draft (another account's id finds nothing)."""
    if account is None or not account.is_authenticated:
        return None
    return drafts_of(account).filter(public_id=public_id).select_related("item").first()


def save_draft(*, account, item, data: dict, files: dict | None = None,
               draft: ApplicationDraft | None = None) -> ApplicationDraft:
    """Keep what was typed and every file accepted so far. ``files``: material
    (ServiceMaterial) → (uploaded file, kind label); a new file replaces the
    draft's earlier one for the same material."""
    with transaction.atomic():
        if draft is None:
            draft = ApplicationDraft.objects.create(account=account, item=item, data=data)
        else:
            draft.data = data
            draft.save(update_fields=["data", "updated_at"])
        for material, (upload, kind) in (files or {}).items():
            old = list(draft.files.filter(material=material))
            keep = DraftMaterial(draft=draft, material=material, material_name=material.name,
                                 original_name=_base_name(upload.name), file_type=kind, size=upload.size or 0)
            upload.seek(0)
            keep.file.save(upload.name, File(upload), save=False)
            keep.save()
            for row in old:
                row.file.delete(save=False)
                row.delete()
    return draft


def _base_name(name: str) -> str:
    return (name or "").replace("\\", "/").rsplit("/", 1)[-1][:255]


def remove_draft_file(draft: ApplicationDraft, material_id: int) -> None:
    for row in draft.files.filter(material_id=material_id):
        row.file.delete(save=False)
        row.delete()


def delete_draft(draft: ApplicationDraft) -> None:
    for row in draft.files.all():
        row.file.delete(save=False)
    draft.delete()


# -- applying ---------------------------------------------------------------------------------


def submit_application(
    *, account, item, applicant: dict, form_data: dict, draft: ApplicationDraft, site: Site | None,
    language: str, today: date | None = None,
) -> Receipt:
    """File the application: the draft (holding every accepted file) is
    consumed once, the case created with its receipt number and query code,
    the 5-working-day acceptance clock started, the files moved onto the
    case, the history written and the applicant told.

    Raises DraftConsumed when the draft was submitted by another request."""
    code = casefile.new_query_code()
    today = today or timezone.localdate()
    number = casefile.new_receipt_number(RECEIPT_PREFIX, day=today)
    with transaction.atomic():
        # the conditional UPDATE is the lock: of two tabs submitting one draft, one wins
        if not ApplicationDraft.objects.filter(pk=draft.pk, submitted_receipt="").update(submitted_receipt=number):
            done = ApplicationDraft.objects.filter(pk=draft.pk).values_list("submitted_receipt", flat=True).first()
            raise DraftConsumed(done or "")
        app = LicenceApplication(
            **{k: applicant.get(k, "") for k in APPLICANT_FIELDS}, account=account, item=item,
            organisation_id=item.organisation_id, item_code=item.item_code, item_title=item.title[:255],
            site=site, language=language, form_data=form_data, receipt_number=number, received_on=today,
            status=Status.SUBMITTED,
        )
        app.query_code_hash = casefile.hash_query_code(number, code)
        app.acceptance_due_on = _due(today, ACCEPTANCE_LIMIT)
        app.start_clock(today, ACCEPTANCE_LIMIT)
        app.save()
        ApplicationMaterial.objects.bulk_create([
            ApplicationMaterial(
                application=app, material_id=f.material_id, material_name=f.material_name,
                kind=MaterialKind.LISTED if f.material_id else MaterialKind.EXTRA, file=f.file.name,
                original_name=f.original_name, file_type=f.file_type, size=f.size, round=0,
            )
            for f in draft.files.all()
        ])
        draft.files.all().delete()  # the rows only: the files now belong to the case
        casefile.record_event(
            app, action="submit", to_status=Status.SUBMITTED, actor_kind=APPLICANT,
            public_note=_("已收到您的申请，将于 %(due)s 前告知是否受理。") % {"due": _due_text(app)},
        )
        _notify(app, T.RECEIVED, item=app.item_title, code=code, due=_due_text(app))
    return Receipt(app, code)


def find_application(http_request, *, receipt_number: str, query_code: str) -> LicenceApplication | None:
    """The kernel's lookup (rate limit, same answer for a wrong code and an
    unknown number); raises casefile.service.LookupRateLimited."""
    return casefile.lookup_case(
        http_request, LicenceApplication.objects.select_related("organisation", "item"),
        receipt_number=receipt_number, query_code=query_code, group="banshi-query",
    )


def public_timeline(app: LicenceApplication):
    return casefile.history(app, public_only=True)


# -- the applicant's steps ----------------------------------------------------------------------


def supplement(app: LicenceApplication, *, files: dict, note: str = "", on: date | None = None) -> None:
    """The applicant sends the missing materials online (``files``: material
    or None → (upload, kind)). The files of the materials named are replaced
    (kept, superseded); a timely 补正 returns the case to acceptance with a
    fresh 5 working days, a late one (already accepted) to review, its
    decision clock running on."""
    if not files:
        raise ValidationError(_("请上传需要补正的材料。"))
    on = on or timezone.localdate()
    action = "supplement_accepted" if app.correction_late else "supplement"

    def change(locked):
        clock = locked.clock()
        if locked.correction_late:
            clock.resume(on)
        else:
            clock.restart_from(on)  # the 5 working days to accept run afresh
            locked.acceptance_due_on = _due(on, ACCEPTANCE_LIMIT)
        locked.store_clock(clock)
        locked.corrected_on = on
        rnd = (locked.materials.order_by("-round").values_list("round", flat=True).first() or 0) + 1
        for material, (upload, kind) in files.items():
            if material is not None:
                locked.materials.filter(material=material, superseded=False).update(superseded=True)
            row = ApplicationMaterial(
                application=locked, material=material, material_name=material.name if material else _("补充材料"),
                kind=MaterialKind.LISTED if material else MaterialKind.EXTRA, original_name=_base_name(upload.name),
                file_type=kind, size=upload.size or 0, round=rnd,
            )
            upload.seek(0)
            row.file.save(upload.name, File(upload), save=False)
            row.save()
        return ["corrected_on", "acceptance_due_on"]

    with transaction.atomic():
        WORKFLOW.transition(
            app, action, actor_kind=APPLICANT, reason=note,
            public_note=_("已提交补正材料（%(count)s 份）。") % {"count": len(files)}, apply=change,
        )
        _notify(app, T.SUPPLEMENTED)


def withdraw(app: LicenceApplication, *, reason: str) -> None:
    """撤回申请 by the applicant, with a reason (told back to them)."""
    if not reason.strip():
        raise ValidationError(_("请填写撤回申请的理由。"))

    def change(locked):
        locked.withdrawn_reason = reason
        return ["withdrawn_reason"]

    with transaction.atomic():
        WORKFLOW.transition(app, "withdraw", actor_kind=APPLICANT, reason=reason,
                            public_note=_("申请人撤回申请：%(reason)s") % {"reason": reason}, apply=change)
        _notify(app, T.WITHDRAWN)


def lapse(app: LicenceApplication) -> None:
    """The 补正 period passed without the materials: the case ends (the
    kernel's reminders call this with the locked case)."""

    def change(locked):
        if not locked.applicant_due_on or locked.applicant_due_on >= timezone.localdate():
            raise ValidationError(_("补正期限尚未届满。"))
        locked.closed_reason = _("申请人未在补正期限（%(until)s）内补正材料，终止办理。") % {
            "until": locked.applicant_due_on.isoformat()}
        return ["closed_reason"]

    with transaction.atomic():
        WORKFLOW.transition(app, "lapse", actor_kind=SYSTEM, reason=lambda r: r.closed_reason,
                            public_note=lambda r: r.closed_reason, apply=change)
        _notify(app, T.TERMINATED, reason=lambda: app.closed_reason)


# -- the officer's steps -------------------------------------------------------------------------


def _check(user, app: LicenceApplication, action: str) -> None:
    """Scope, then the table (checked again under the row lock)."""
    if not can_work(user, app):
        raise PermissionDenied
    WORKFLOW.target(app.status, action)


def actions_for(user, app: LicenceApplication) -> list:
    steps = WORKFLOW.actions_for(app, user)
    if app.extensions:  # one extension only (第四十二条)
        steps = [t for t in steps if t.action != "extend"]
    if app.correction_sent_on:  # 一次告知: everything at once, one notice
        steps = [t for t in steps if t.action != "ask_correction"]
    return steps


def _start_decision_clock(locked: LicenceApplication, accepted_on: date) -> None:
    locked.accepted_on = accepted_on
    locked.start_clock(accepted_on, decision_limit(locked.item))


def accept(app: LicenceApplication, *, user, note: str = "", on: date | None = None) -> None:
    """受理: the decision clock starts counting after ``on``. Accepted after the
    5 working days, the application counts as accepted on arrival (第三十二条)."""
    _check(user, app, "accept")
    on = on or timezone.localdate()

    def change(locked):
        # not told within the 5 working days: accepted on the day the (complete) materials arrived
        late = bool(locked.acceptance_due_on and on > locked.acceptance_due_on)
        _start_decision_clock(locked, (locked.corrected_on or locked.received_on) if late else on)
        return ["accepted_on"]

    with transaction.atomic():
        WORKFLOW.transition(
            app, "accept", user=user, reason=note,
            public_note=lambda r: _("申请已受理（受理日期 %(day)s），将于 %(due)s 前作出决定。")
            % {"day": r.accepted_on.isoformat(), "due": _due_text(r)},
            apply=change,
        )
        _notify(app, T.ACCEPTED, due=lambda: _due_text(app))


def reject(app: LicenceApplication, *, user, reason: str) -> None:
    """不予受理 with the reason and the applicant's remedies (第三十二条)."""
    _check(user, app, "reject")
    if not reason.strip():
        raise ValidationError(_("请写明不予受理的理由。"))
    remedies = str(REMEDIES)

    def change(locked):
        locked.rejection_reason, locked.remedies = reason, remedies
        return ["rejection_reason", "remedies"]

    with transaction.atomic():
        WORKFLOW.transition(
            app, "reject", user=user, reason=reason,
            public_note=_("不予受理：%(reason)s %(remedies)s") % {"reason": reason, "remedies": remedies},
            apply=change,
        )
        _notify(app, T.REJECTED, reason=reason, remedies=REMEDIES)


def ask_correction(
    app: LicenceApplication, *, user, items: list[str], note: str = "", on: date | None = None,
    until: date | None = None,
) -> None:
    """一次告知补正 (第三十二条): every missing material at once, by ``until``
    (by default 15 working days). Sent within the 5 working days, the
    acceptance clock is interrupted; sent later, the application already
    counts as accepted on the day it arrived: the decision clock starts from
    then, the 补正 suspends it, and the history says so."""
    _check(user, app, "ask_correction")
    items = [i.strip() for i in items if i and i.strip()]
    if not items:
        raise ValidationError(_("请列出需要补正的全部材料（一次告知）。"))
    on = on or timezone.localdate()
    until = until or _due(on, CORRECTION_PERIOD) or (on + timedelta(days=21))
    if until <= on:
        raise ValidationError(_("补正期限应晚于告知补正的日期。"))
    late = bool(app.acceptance_due_on and on > app.acceptance_due_on)

    def change(locked):
        if locked.correction_sent_on:
            raise ValidationError(_("补正应一次告知，本申请已告知过补正。"))
        locked.correction_items, locked.correction_note = items, note
        locked.correction_sent_on, locked.correction_late = on, late
        if late:
            _start_decision_clock(locked, locked.received_on)
            clock = locked.clock()
            clock.suspend(on, reason=StopReason.CORRECTION)
            clock.stops[-1].applicant_due = until
        else:
            clock = locked.clock()
            clock.interrupt(on, reason=StopReason.CORRECTION, applicant_due=until)
        locked.store_clock(clock)
        return ["correction_items", "correction_note", "correction_sent_on", "correction_late", "accepted_on"]

    missing = "；".join(items)
    reason = missing
    if late:
        reason = _("逾期告知补正（受理期限 %(due)s）：自收到申请材料之日（%(day)s）起即为受理。%(missing)s") % {
            "due": app.acceptance_due_on.isoformat(), "day": app.received_on.isoformat(), "missing": missing}
    with transaction.atomic():
        WORKFLOW.transition(
            app, "ask_correction", user=user, reason=reason,
            public_note=_("需要补正以下材料：%(missing)s。请于 %(until)s 前在网上补正。") % {
                "missing": missing, "until": until.isoformat()}
            + (_("（本机关逾期告知，您的申请自 %(day)s 起即为受理。）") % {"day": app.received_on.isoformat()}
               if late else ""),
            apply=change,
        )
        _notify(app, T.CORRECTION, missing=missing, until=until.isoformat())


def review(app: LicenceApplication, *, user, note: str = "") -> None:
    _check(user, app, "review")
    with transaction.atomic():
        WORKFLOW.transition(app, "review", user=user, reason=note,
                            public_note=lambda r: _("正在审查，办理期限 %(due)s。") % {"due": _due_text(r)})
        _notify(app, T.REVIEWING, due=lambda: _due_text(app))


def start_special(app: LicenceApplication, *, user, procedure: str, days: int, unit: str = Unit.WORKING,
                  note: str = "", on: date | None = None) -> None:
    """A special procedure (第四十五条): the decision clock stops; the applicant
    is told which procedure and how long it is expected to take."""
    _check(user, app, "start_special")
    if procedure not in StopReason.values or procedure == StopReason.CORRECTION:
        raise ValidationError(_("请选择特别程序的种类。"))
    if not days or days < 1:
        raise ValidationError(_("请填写特别程序预计需要的时间。"))
    on = on or timezone.localdate()
    limit = Limit(int(days), Unit(unit), "《行政许可法》第四十五条")
    label = StopReason(procedure).label
    length = _("%(days)s 个工作日") % {"days": days} if limit.unit == Unit.WORKING else _("%(days)s 日") % {"days": days}

    def change(locked):
        clock = locked.clock()
        clock.suspend(on, reason=procedure, limit=limit)
        locked.store_clock(clock)

    with transaction.atomic():
        WORKFLOW.transition(
            app, "start_special", user=user, reason=f"{label}：{note}" if note else str(label),
            public_note=_("需要%(procedure)s，预计需要 %(length)s，所需时间不计入办理期限。") % {
                "procedure": label, "length": length},
            apply=change,
        )
        _notify(app, T.SPECIAL, procedure=lambda: str(StopReason(procedure).label),
                length=lambda: (_("%(days)s 个工作日") if limit.unit == Unit.WORKING else _("%(days)s 日"))
                % {"days": days})


def end_special(app: LicenceApplication, *, user, result: str = "", on: date | None = None) -> None:
    _check(user, app, "end_special")
    on = on or timezone.localdate()
    stop = app.clock().open_stop if app.clock() else None
    procedure = stop.reason if stop else ""

    def change(locked):
        clock = locked.clock()
        clock.resume(on)
        locked.store_clock(clock)

    with transaction.atomic():
        WORKFLOW.transition(
            app, "end_special", user=user, reason=result,
            public_note=lambda r: _("%(procedure)s已结束，继续办理，办理期限 %(due)s。") % {
                "procedure": StopReason(procedure).label if procedure in StopReason.values else "",
                "due": _due_text(r)},
            apply=change,
        )
        _notify(app, T.SPECIAL_ENDED, due=lambda: _due_text(app),
                procedure=lambda: str(StopReason(procedure).label) if procedure in StopReason.values else "")


def can_approve_extension(user) -> bool:
    return bool(user and (user.is_superuser or user.has_perm(EXTENSION_PERMISSION)))


def extend(app: LicenceApplication, *, user, reason: str, days: int = EXTENSION_DAYS) -> None:
    """延长 (第四十二条): once, 10 working days, by the head of the body (who
    holds ``licensing.approve_extension``); the reason is told to the applicant."""
    _check(user, app, "extend")
    if not can_approve_extension(user):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("请填写延长期限的理由（将告知申请人）。"))

    def change(locked):
        clock = locked.clock()
        clock.extend(days, rule=EXTENSION_RULE, approver=user.get_username(), approver_id=user.pk, reason=reason,
                     on=timezone.localdate())
        locked.store_clock(clock)

    with transaction.atomic():
        WORKFLOW.transition(
            app, "extend", user=user, reason=reason,
            public_note=lambda r: _("经本机关负责人批准，决定期限延长 %(days)s 个工作日，至 %(due)s。理由：%(reason)s")
            % {"days": days, "due": _due_text(r), "reason": reason},
            apply=change,
        )
        _notify(app, T.EXTENDED, days=days, due=lambda: _due_text(app), reason=reason)


def decide(app: LicenceApplication, *, user, decision: str, ground: str = "", on: date | None = None) -> None:
    """决定 准予 / 不予许可 (第三十八条): a refusal states its ground and the
    remedies. The 10 working days to issue the documents start (第四十四条)."""
    _check(user, app, "decide")
    if decision not in Decision.values:
        raise ValidationError(_("请选择准予许可或不予许可。"))
    if decision == Decision.REFUSED and not ground.strip():
        raise ValidationError(_("不予许可的，应当说明理由和依据。"))
    on = on or timezone.localdate()

    def change(locked):
        due = locked.due_on
        locked.decision, locked.decision_ground = decision, ground
        locked.remedies = str(REMEDIES) if decision == Decision.REFUSED else ""
        locked.decided_at, locked.decided_by = timezone.now(), user
        locked.decision_due_on = due
        locked.decided_on_time = bool(due and on <= due) if locked.due_known else None
        locked.start_clock(on, ISSUE_LIMIT)
        return ["decision", "decision_ground", "remedies", "decided_at", "decided_by", "decision_due_on",
                "decided_on_time"]

    label = Decision(decision).label
    note = _("已作出决定：%(decision)s。") % {"decision": label}
    if decision == Decision.REFUSED:
        note += _("理由：%(ground)s %(remedies)s") % {"ground": ground, "remedies": REMEDIES}
    with transaction.atomic():
        WORKFLOW.transition(app, "decide", user=user, reason=ground, public_note=note, apply=change)
        _notify(app, T.DECIDED, decision=lambda: str(Decision(decision).label))


def complete(app: LicenceApplication, *, user, documents: list | None = None, generate: bool = False,
             title: str = "") -> None:
    """办结: the documents issued (uploaded files, or a licence generated as PDF) are served online."""
    _check(user, app, "complete")
    documents = documents or []
    if not documents and not generate:
        raise ValidationError(_("请上传送达的文书，或选择生成许可证件。"))

    def change(locked):
        kind = DocumentKind.LICENCE if locked.decision == Decision.GRANTED else DocumentKind.DECISION
        for upload in documents:
            doc = IssuedDocument(application=locked, kind=kind, title=title or _base_name(upload.name),
                                 created_by=user)
            upload.seek(0)
            doc.file.save(upload.name, File(upload), save=False)
            doc.save()
        if generate:
            from .pdf import licence_pdf

            doc = IssuedDocument(application=locked, kind=kind, generated=True, created_by=user,
                                 title=title or (_("行政许可决定书") if kind == DocumentKind.LICENCE
                                                 else _("不予行政许可决定书")))
            doc.file.save(f"{locked.receipt_number}.pdf", ContentFile(licence_pdf(locked)), save=False)
            doc.save()
        locked.completed_at = timezone.now()
        return ["completed_at"]

    with transaction.atomic():
        WORKFLOW.transition(app, "complete", user=user,
                            public_note=_("已办结，送达文书可在本页下载。"), apply=change)
        _notify(app, T.COMPLETED)


def first_stage_due(received_on: date) -> date | None:
    """The 5-working-day acceptance deadline of an application received on ``received_on``."""
    return _due(received_on, ACCEPTANCE_LIMIT)


def organisation_of(item) -> Organisation:
    return item.organisation
