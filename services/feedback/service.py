"""好差评: rating a finished case once, the invitation nobody answered, the
follow-up a poor rating opens (整改 + 回访) and who may see which."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from casefile import service as casefile
from casefile.models import CaseEvent
from casefile.scope import cases_for, is_supervisor, officer_organisations
from cluster.sites import public_root_url
from notify.service import queue_message
from services.licensing.constants import Status
from services.licensing.models import LicenceApplication
from workdays.service import add_days

from . import conf
from .constants import POOR_LEVELS, Channel, Level
from .models import FollowUp, Rating, RatingInvitation
from .notify_templates import FOLLOWUP_ANSWERED, INVITATION

logger = logging.getLogger(__name__)

RATE_SALT = "banshi.rate"
RATE_TOKEN_MAX_AGE = 2 * 3600  # a link from the status page stays good for two hours
FINISHED = Status.COMPLETED  # 办结: only then may a case be rated
INVITE_BATCH = 500
RATE_ACTION = "rate"


class RatingRefused(ValidationError):
    """Why a rating was not taken (localized; the form shows it and keeps the input)."""


# -- who may rate ---------------------------------------------------------------


def is_finished(case) -> bool:
    return case.status == FINISHED


def rate_token(case) -> str:
    """A signed link for whoever just looked the case up (status page, "my applications")."""
    return signing.dumps(case.pk, salt=RATE_SALT)


def case_for_token(token: str) -> LicenceApplication | None:
    try:
        pk = signing.loads(token or "", salt=RATE_SALT, max_age=RATE_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    return _cases().filter(pk=pk).first()


def owned_case(user, receipt_number: str) -> LicenceApplication | None:
    """The signed-in applicant's own case: no query code needed."""
    if not (user and user.is_authenticated):
        return None
    number = casefile.normalize_receipt_number(receipt_number or "")
    return _cases().filter(receipt_number=number, account=user).first() if number else None


def lookup(request, *, receipt_number: str, query_code: str) -> LicenceApplication | None:
    """The case for a receipt number and query code: licensing's status
    query itself, so the same kernel protections (same answer for a wrong code and an unknown number, a
    per-address limit: raises casefile.service.LookupRateLimited)."""
    from services.licensing import service as licensing

    return licensing.find_application(request, receipt_number=receipt_number, query_code=query_code)


def _cases() -> QuerySet[LicenceApplication]:
    return LicenceApplication.objects.select_related("organisation", "item")


def rating_of(case) -> Rating | None:
    try:
        return case.rating
    except Rating.DoesNotExist:
        return None


def rate_state(case) -> dict:
    """What the status page's rating block shows."""
    finished = is_finished(case)
    rating = rating_of(case) if finished else None
    followup = getattr(rating, "followup", None) if rating else None
    url = ""
    if finished and rating is None:
        url = f"{reverse('service_feedback:rate')}?t={rate_token(case)}"
    return {"finished": finished, "rating": rating, "followup": followup, "url": url}


# -- rating ------------------------------------------------------------------------


@transaction.atomic
def rate(*, case: LicenceApplication, level: int, comment: str = "", channel: str = Channel.WEB,
         account=None, today: date | None = None) -> Rating:
    """Take the applicant's rating: once, and only after 办结. A poor rating
    (1–2) opens a follow-up for the department. ``comment`` must be clean
    text already (the form runs formguard's clean_text)."""
    if level not in Level.values:
        raise RatingRefused(_("请选择评价等级。"), code="level")
    locked = LicenceApplication.objects.select_for_update().select_related("organisation").get(pk=case.pk)
    if not is_finished(locked):
        raise RatingRefused(_("该办件尚未办结，办结后才能评价。"), code="not_finished")
    if Rating.objects.filter(application=locked).exists():
        raise RatingRefused(_("该办件已经评价过，每个办件只能评价一次；您的评价已记录，不能修改。"),
                            code="already_rated")
    try:
        with transaction.atomic():
            rating = Rating.objects.create(
                application=locked, organisation_id=locked.organisation_id, item_code=locked.item_code,
                level=level, comment=comment, channel=channel,
                account=account if account is not None and getattr(account, "is_authenticated", False) else None,
            )
    except IntegrityError:  # a second tab got there first
        raise RatingRefused(_("该办件已经评价过，每个办件只能评价一次；您的评价已记录，不能修改。"),
                            code="already_rated") from None
    casefile.record_event(
        locked, action=RATE_ACTION, from_status=locked.status, to_status=locked.status,
        actor_kind=CaseEvent.Actor.APPLICANT, reason=str(Level(level).label),
        public_note=_("已收到您的服务评价，感谢您的反馈。"),
    )
    if level in POOR_LEVELS:
        open_followup(rating, today=today)
    return rating


def open_followup(rating: Rating, *, today: date | None = None) -> FollowUp:
    """差评整改: due SERVICE_FOLLOWUP_LIMIT working days after today (unknown
    if the calendar of that year is not entered yet)."""
    today = today or timezone.localdate()
    limit = conf.followup_limit()
    deadline = add_days(start=today, days=limit.days, unit=limit.unit)
    followup, _created = FollowUp.objects.get_or_create(rating=rating, defaults={
        "organisation_id": rating.organisation_id, "opened_on": today, "limit_days": limit.days,
        "due_on": deadline.due, "due_known": deadline.known,
    })
    return followup


# -- the department's side ------------------------------------------------------------


def followups_for(user) -> QuerySet[FollowUp]:
    """The follow-ups of the organisations ``user`` works for (all for a supervisor)."""
    qs = FollowUp.objects.select_related(
        "organisation", "rating", "rating__application", "answered_by", "callback_recorded_by",
    )
    if is_supervisor(user):
        return qs
    return qs.filter(organisation_id__in=list(officer_organisations(user).values_list("pk", flat=True)))


def can_handle(user, followup: FollowUp) -> bool:
    if not (user and user.is_active):
        return False
    if user.is_superuser:
        return True
    # a supervisor reads every follow-up; answering is the department's (its change permission, its scope)
    return (user.has_perm("licensing.change_licenceapplication")
            and cases_for(LicenceApplication, user).filter(pk=followup.rating.application_id).exists())


def _check(user, followup: FollowUp) -> None:
    if not can_handle(user, followup):
        raise PermissionDenied


def _close_if_done(followup: FollowUp, today: date) -> None:
    if followup.closed_on is None and followup.answered_at and followup.callback_at:
        followup.closed_on = today


@transaction.atomic
def answer_followup(followup: FollowUp, *, user, answer: str, today: date | None = None) -> FollowUp:
    """Record the rectification and tell the applicant (SMS and e-mail)."""
    _check(user, followup)
    if not answer.strip():
        raise ValidationError({"answer": _("请填写整改情况。")})
    locked = FollowUp.objects.select_for_update().get(pk=followup.pk)
    first = locked.answered_at is None
    locked.answer, locked.answered_by = answer.strip(), user
    locked.answered_at = locked.answered_at or timezone.now()
    _close_if_done(locked, today or timezone.localdate())
    locked.save(update_fields=["answer", "answered_by", "answered_at", "closed_on"])
    app = LicenceApplication.objects.select_related("organisation").get(pk=locked.rating.application_id)
    casefile.record_event(
        app, action="rating_answer", from_status=app.status, to_status=app.status, user=user,
        reason=locked.answer, public_note=_("承办部门已就您的服务评价作出整改答复：%(answer)s") % {"answer": locked.answer},
    )
    if first or locked.answer != followup.answer:
        _notify(app, FOLLOWUP_ANSWERED, org=lambda: app.organisation.localized_name, number=app.receipt_number,
                answer=locked.answer)
    return locked


@transaction.atomic
def record_callback(followup: FollowUp, *, user, at: datetime, caller: str, outcome: str, note: str = "",
                    today: date | None = None) -> FollowUp:
    """回访: when, who called, what the applicant said."""
    _check(user, followup)
    if at > timezone.now() + timedelta(minutes=5):
        raise ValidationError({"callback_at": _("回访时间不能晚于现在。")})
    locked = FollowUp.objects.select_for_update().get(pk=followup.pk)
    locked.callback_at, locked.callback_caller = at, caller.strip()
    locked.callback_outcome, locked.callback_note = outcome, note.strip()
    locked.callback_recorded_by = user
    _close_if_done(locked, today or timezone.localdate())
    locked.save(update_fields=["callback_at", "callback_caller", "callback_outcome", "callback_note",
                               "callback_recorded_by", "closed_on"])
    app = LicenceApplication.objects.get(pk=locked.rating.application_id)
    casefile.record_event(
        app, action="rating_callback", from_status=app.status, to_status=app.status, user=user,
        reason=f"{locked.callback_caller}: {locked.get_callback_outcome_display()} {locked.callback_note}".strip(),
    )
    return locked


# -- invitations ------------------------------------------------------------------------


def _notify(app: LicenceApplication, template: str, **params) -> None:
    for channel, recipient in (("sms", app.phone), ("email", app.email)):
        if recipient:
            queue_message(channel=channel, recipient=recipient, template=template, params=params,
                          language=app.language, reference=app.receipt_number)


def rate_url(app: LicenceApplication) -> str:
    """The public rating page for this case (the query code is asked there)."""
    path = f"{reverse('service_feedback:rate')}?n={app.receipt_number}"
    site = app.site
    if site is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
    return f"{public_root_url(site).rstrip('/')}{path}" if site else path


def invite_unrated(today: date | None = None) -> int:
    """Invite every case finished SERVICE_RATING_INVITE_DAYS (or more) days
    before ``today`` that nobody has rated; each case is invited once.
    Returns how many invitations went out."""
    today = today or timezone.localdate()
    cutoff = timezone.make_aware(datetime.combine(today - timedelta(days=conf.invite_days() - 1), time.min))
    due = (LicenceApplication.objects.filter(status=FINISHED, completed_at__lt=cutoff)
           .filter(rating__isnull=True, rating_invitation__isnull=True)
           .select_related("organisation", "site").order_by("completed_at", "pk")[:INVITE_BATCH])
    sent = 0
    for app in due:
        try:
            with transaction.atomic():
                RatingInvitation.objects.create(application=app)
                _notify(app, INVITATION, org=lambda app=app: app.organisation.localized_name,
                        item=app.item_title or app.item_code, number=app.receipt_number, url=rate_url(app))
        except IntegrityError:  # another worker's round invited it meanwhile
            continue
        sent += 1
    return sent
