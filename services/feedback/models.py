"""好差评: one rating per finished licensing case, the invitation sent when
nobody rated, and the follow-up (差评整改) a poor rating opens.

The organisation and item code are copied from the application onto the
rating and the follow-up: the statistics and the department's list then
count and filter one table on its own indexes, at any number of cases."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workdays.service import Colour, colour_for

from .constants import COMMENT_MAX_LENGTH, POOR_LEVELS, CallbackOutcome, Channel, Level


class Rating(models.Model):
    """The applicant's rating of one finished case (rated once: the
    one-to-one field refuses a second row)."""

    application = models.OneToOneField(
        "licensing.LicenceApplication", verbose_name=_("办件"), on_delete=models.CASCADE, related_name="rating",
    )
    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("承办部门"), on_delete=models.PROTECT, related_name="+",
    )
    item_code = models.CharField(_("事项编码"), max_length=60, blank=True)
    level = models.PositiveSmallIntegerField(_("评价等级"), choices=Level.choices)
    # never shown publicly (it may name people); the department reads it
    comment = models.TextField(_("评价内容"), blank=True, max_length=COMMENT_MAX_LENGTH)
    channel = models.CharField(_("评价渠道"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("评价人账户"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created = models.DateTimeField(_("评价时间"), default=timezone.now)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("服务评价")
        verbose_name_plural = _("服务评价")
        indexes = [
            models.Index(fields=["organisation", "created"]),
            models.Index(fields=["item_code", "created"]),
            models.Index(fields=["level", "created"]),
        ]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.get_level_display()}"

    @property
    def is_poor(self) -> bool:
        return self.level in POOR_LEVELS


class RatingInvitation(models.Model):
    """The one invitation an unrated case gets (the row makes it once)."""

    application = models.OneToOneField(
        "licensing.LicenceApplication", on_delete=models.CASCADE, related_name="rating_invitation",
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("评价邀请")
        verbose_name_plural = _("评价邀请")

    def __str__(self) -> str:
        return f"{self.application_id} @ {self.sent_at:%Y-%m-%d}"


class FollowUp(models.Model):
    """差评整改: the department answers a poor rating within the working-day
    limit of the settings (SERVICE_FOLLOWUP_LIMIT) on the kernel's calendar,
    and calls the applicant back (回访). It is done when both are recorded;
    open past ``due_on`` it is red in the supervision view."""

    rating = models.OneToOneField(Rating, verbose_name=_("评价"), on_delete=models.CASCADE, related_name="followup")
    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("承办部门"), on_delete=models.PROTECT, related_name="+",
    )
    opened_on = models.DateField(_("开始日期"))
    limit_days = models.PositiveSmallIntegerField(_("整改时限（工作日）"))
    # None when the limit runs into a year whose holiday schedule is not entered yet
    due_on = models.DateField(_("整改期限"), null=True, blank=True)
    due_known = models.BooleanField(_("期限已知"), default=True)
    # 整改: what the department found and did, told to the applicant
    answer = models.TextField(_("整改情况"), blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("答复人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    # 回访
    callback_at = models.DateTimeField(_("回访时间"), null=True, blank=True)
    callback_caller = models.CharField(_("回访人"), max_length=100, blank=True)
    callback_outcome = models.CharField(_("回访结果"), max_length=20, choices=CallbackOutcome.choices, blank=True)
    callback_note = models.TextField(_("回访记录"), blank=True)
    callback_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("记录人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    # set once both the answer and the call-back are recorded
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)

    class Meta:
        ordering = ["closed_on", "due_on", "pk"]
        verbose_name = _("差评整改")
        verbose_name_plural = _("差评整改")
        indexes = [
            models.Index(fields=["organisation", "closed_on", "due_on"]),
            models.Index(fields=["closed_on", "due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.rating.application_id}: {self.due_on}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def colour(self, today: date | None = None) -> str:
        """Like the cases' colours: red past the due date while still open."""
        if not self.is_open:
            return ""
        if not self.due_known or self.due_on is None:
            return str(Colour.UNKNOWN)
        return str(colour_for(self.due_on, today or timezone.localdate()))

    @property
    def overdue(self) -> bool:
        return self.colour() == Colour.RED

    @property
    def late(self) -> bool:
        """Closed after its due date (kept for the statistics)."""
        return bool(self.closed_on and self.due_on and self.closed_on > self.due_on)
