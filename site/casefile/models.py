"""The case kernel's tables: the abstract ``Case`` every procedure's model
shares, each case's history (``CaseEvent``) and the officers' inbox of
reminders (``CaseNotice``)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workdays.service import Calendar, Clock, Colour, Deadline, Extension, Stop, Unit

from . import identity


class ApplicantKind(models.TextChoices):
    """The kernel's two kinds; a procedure may split the legal persons further
    (any value other than ``natural`` is a legal person or other organisation)."""

    NATURAL = "natural", _("自然人")
    LEGAL = "legal", _("法人或者其他组织")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    OTHER = "other", _("其他有效身份证件")


class ColourChoice(models.TextChoices):
    GREEN = Colour.GREEN.value, _("正常")
    YELLOW = Colour.YELLOW.value, _("即将到期")
    RED = Colour.RED.value, _("已超期")
    UNKNOWN = Colour.UNKNOWN.value, _("日历未知")
    PAUSED = Colour.PAUSED.value, _("计时中止")


# The stored clock state, saved with every clock event.
CLOCK_FIELDS = [
    "clock_started_on", "clock_limit", "clock_unit", "clock_stops", "clock_extensions",
    "due_on", "due_sort", "due_known", "due_unknown_year", "colour", "colour_rank", "stage_due_on",
    "applicant_due_on",
]
# The queue's "by colour" order (most urgent first), stored so an index serves it.
COLOUR_RANK = {"red": 0, "yellow": 1, "unknown": 2, "green": 3, "paused": 4, "": 5}
# Where a case without a due date (stopped, unknown, finished) sorts: last. A
# real date rather than NULL, because SQLite's indexes keep NULLs first and
# could not serve "soonest first, the others after" from an index.
NO_DUE = date(9999, 12, 31)


class Case(models.Model):
    """What every procedure's case has: who filed it where, its public
    reference, its status, the applicant, who works it, and the clock.

    The clock is stored as plain data (start, limit and unit, stops,
    extensions) and its results (``due_on``, ``colour``, ...) are stored too,
    recomputed at every clock event, every day (colours move with today) and
    whenever staff edit the holiday calendar, so queues filter and sort in SQL.
    """

    # which kinds are natural persons, and what each kind must give
    REQUIRED_NATURAL: tuple[str, ...] = ("name", "id_type", "id_number")
    REQUIRED_LEGAL: tuple[str, ...] = ("org_name", "credit_code")

    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("受理机关"), on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_cases",
    )
    # the public reference
    receipt_number = models.CharField(_("受理编号"), max_length=40, unique=True)
    query_code_hash = models.CharField(max_length=128, editable=False)
    status = models.CharField(_("状态"), max_length=20, db_index=True)
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    received_on = models.DateField(_("收到申请日期"), null=True, blank=True, db_index=True)
    # the applicant
    applicant_kind = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantKind.choices)
    name = models.CharField(_("姓名"), max_length=100, blank=True)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=40, blank=True)
    org_name = models.CharField(_("单位名称"), max_length=200, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=100, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=100, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=300, blank=True)
    language = models.CharField(_("申请人语言"), max_length=10, default="zh-hans")
    # the citizen's account when they applied signed in ("my applications");
    # anonymous applicants follow the case by receipt number and query code
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("申请人账户"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("承办人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    # the clock as data
    clock_started_on = models.DateField(_("计时起算日"), null=True, blank=True)
    clock_limit = models.PositiveSmallIntegerField(_("办理时限"), default=0)
    clock_unit = models.CharField(
        _("时限单位"), max_length=10, default=Unit.WORKING.value,
        choices=[(Unit.WORKING.value, _("工作日")), (Unit.CALENDAR.value, _("日"))],
    )
    clock_stops = models.JSONField(_("中止/中断计时"), default=list, blank=True)
    clock_extensions = models.JSONField(_("延长期限"), default=list, blank=True)
    # what the clock gives, stored
    due_on = models.DateField(_("办理期限"), null=True, blank=True)
    due_sort = models.DateField(default=NO_DUE, editable=False, db_index=True)
    due_known = models.BooleanField(_("期限已知"), default=True)
    due_unknown_year = models.PositiveSmallIntegerField(null=True, blank=True)
    colour = models.CharField(_("预警"), max_length=10, choices=ColourChoice.choices, blank=True, db_index=True)
    colour_rank = models.PositiveSmallIntegerField(default=COLOUR_RANK[""], editable=False)
    stage_due_on = models.DateField(_("当前环节期限"), null=True, blank=True, db_index=True)
    applicant_due_on = models.DateField(_("申请人补正期限"), null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        indexes = [  # the queue's filters, each in due-date order
            models.Index(fields=["organisation", "due_sort"]),
            models.Index(fields=["colour", "due_sort"]),
            models.Index(fields=["assignee", "due_sort"]),
            models.Index(fields=["status", "due_sort"]),
            models.Index(fields=["colour_rank", "due_sort"]),
        ]

    def __str__(self) -> str:
        return self.receipt_number

    # -- who ------------------------------------------------------------------
    @property
    def is_natural(self) -> bool:
        return self.applicant_kind == ApplicantKind.NATURAL

    @property
    def applicant_name(self) -> str:
        return self.name if self.is_natural else self.org_name

    def clean(self) -> None:
        super().clean()
        if not self.applicant_kind:  # the kind's own error is shown; nothing to check against
            return
        errors = identity.applicant_errors(
            natural=self.is_natural, values={f: getattr(self, f) or "" for f in (
                "name", "id_type", "id_number", "org_name", "credit_code", "legal_representative",
                "contact_person", "phone")},
            required_natural=self.REQUIRED_NATURAL, required_legal=self.REQUIRED_LEGAL,
        )
        if errors:
            raise ValidationError(errors)

    # -- the procedure ----------------------------------------------------------
    @classmethod
    def case_type(cls):
        from .registry import for_model

        return for_model(cls)

    @property
    def is_open(self) -> bool:
        return self.status in self.case_type().workflow.open_statuses

    # -- the clock -----------------------------------------------------------------
    def clock(self) -> Clock | None:
        """The clock as stored (None before it has started)."""
        if self.clock_started_on is None:
            return None
        return Clock(
            started=self.clock_started_on, limit=self.clock_limit, unit=Unit(self.clock_unit),
            stops=[Stop.from_json(s) for s in self.clock_stops or []],
            extensions=[Extension.from_json(e) for e in self.clock_extensions or []],
        )

    def start_clock(self, on: date, limit=None, *, calendar: Calendar | None = None) -> Clock:
        """Start the case type's main limit (or ``limit``) counting after ``on``."""
        limit = limit or self.case_type().limits.main
        clock = Clock(started=on, limit=limit.days, unit=limit.unit)
        self.store_clock(clock, calendar=calendar)
        return clock

    def store_clock(self, clock: Clock | None, *, today: date | None = None, calendar: Calendar | None = None) -> None:
        if clock is not None:
            self.clock_started_on, self.clock_limit, self.clock_unit = clock.started, clock.limit, str(clock.unit)
            self.clock_stops, self.clock_extensions = clock.stops_json(), clock.extensions_json()
        self.refresh_clock(today=today, calendar=calendar)

    def refresh_clock(self, *, today: date | None = None, calendar: Calendar | None = None) -> list[str]:
        """Recompute the stored due date, colour, stage and applicant deadlines;
        returns the names of the fields that changed."""
        before = {f: getattr(self, f) for f in CLOCK_FIELDS}
        clock = self.clock() if self.is_open else None
        if clock is None:
            self.due_on, self.due_known, self.due_unknown_year = None, True, None
            self.colour, self.stage_due_on, self.applicant_due_on = "", None, None
        else:
            calendar = calendar or Calendar()
            deadline = clock.due(calendar)
            self.due_on, self.due_known, self.due_unknown_year = deadline.due, deadline.known, deadline.unknown_year
            self.colour = str(clock.colour(today or timezone.localdate(), calendar))
            self.stage_due_on = clock.stage_due(calendar)
            stop = clock.open_stop
            self.applicant_due_on = stop.applicant_due if stop else None
        self.due_sort = self.due_on or NO_DUE
        self.colour_rank = COLOUR_RANK.get(self.colour, COLOUR_RANK[""])
        return [f for f in CLOCK_FIELDS if getattr(self, f) != before[f]]

    # -- clock events (the operations of workdays.Clock, with the case type's limits, stored) --
    def suspend_clock(self, on: date, reason: str) -> Clock:
        """中止 (runs on), e.g. a special procedure; its own limit from the case type's ``stops``."""
        clock = self.clock()
        clock.suspend(on, reason=reason, limit=self.case_type().limits.stops.get(reason))
        self.store_clock(clock)
        return clock

    def resume_clock(self, on: date) -> Clock:
        clock = self.clock()
        clock.resume(on)
        self.store_clock(clock)
        return clock

    def interrupt_clock(self, on: date, reason: str, *, applicant_due: date | None = None) -> Clock:
        """中断 (starts afresh when it ends), e.g. 补正, with the applicant's own deadline."""
        clock = self.clock()
        clock.interrupt(on, reason=reason, applicant_due=applicant_due)
        self.store_clock(clock)
        return clock

    def restart_clock(self, on: date) -> Clock:
        clock = self.clock()
        clock.restart_from(on)
        self.store_clock(clock)
        return clock

    def extend_clock(self, days: int, *, approver, reason: str, on: date | None = None) -> Clock:
        """延期 within the case type's ExtensionRule, with who approved it and why."""
        clock = self.clock()
        clock.extend(days, rule=self.case_type().limits.extension, approver=approver.get_username(),
                     approver_id=approver.pk, reason=reason, on=on or timezone.localdate())
        self.store_clock(clock)
        return clock

    def deadline(self) -> Deadline:
        """The stored due date as a ``Deadline``."""
        if self.colour == Colour.PAUSED:
            return Deadline(due=None, known=True, paused=True)
        return Deadline(due=self.due_on, known=self.due_known, unknown_year=self.due_unknown_year)

    def clock_status(self, today: date | None = None) -> str:
        """The stored colour ("" once decided or before the clock starts)."""
        return self.colour

    @property
    def extensions(self) -> list[Extension]:
        return [Extension.from_json(e) for e in self.clock_extensions or []]

    @property
    def stops(self) -> list[Stop]:
        return [Stop.from_json(s) for s in self.clock_stops or []]

    @property
    def stage_overdue(self) -> bool:
        return bool(self.stage_due_on and self.stage_due_on < timezone.localdate())


class CaseEvent(models.Model):
    """One step in a case's history: who moved it from which status to which,
    when and why. ``public_note`` is what the applicant may read on the status
    page; ``reason`` stays internal."""

    class Actor(models.TextChoices):
        STAFF = "staff", _("工作人员")
        APPLICANT = "applicant", _("申请人")
        SYSTEM = "system", _("系统")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("操作"), max_length=40)
    from_status = models.CharField(_("原状态"), max_length=40, blank=True)
    to_status = models.CharField(_("新状态"), max_length=40, blank=True)
    actor_kind = models.CharField(_("操作方"), max_length=20, choices=Actor.choices, default=Actor.STAFF)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("时间"), db_index=True)
    reason = models.TextField(_("理由"), blank=True)
    public_note = models.TextField(_("告知申请人"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        permissions = [("supervise_cases", _("电子监察：查看所有机关的办件"))]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status} → {self.to_status}"

    @property
    def actor_label(self) -> str:
        if self.actor_kind == self.Actor.STAFF and self.user:
            return self.user.get_full_name() or self.user.get_username()
        return str(self.get_actor_kind_display())


class CaseNotice(models.Model):
    """A reminder in an officer's admin inbox (电子监察): a deadline tomorrow,
    a case turned yellow or red, a stage over its own limit, a case re-dated
    after a calendar edit. Text is rendered in the reader's language when shown."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("明日到期")
        YELLOW = "yellow", _("即将到期")
        RED = "red", _("已超期")
        STAGE_OVERDUE = "stage_overdue", _("环节超时")
        REDATED = "redated", _("期限重新计算")
        LAPSED = "lapsed", _("逾期未补正")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_notices")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=40, blank=True)  # one notice per (case, kind, key), e.g. the due date
    receipt_number = models.CharField(_("受理编号"), max_length=40)
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("已读"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id", "kind", "key"], name="casenotice_once"),
        ]
        verbose_name = _("办件提醒")
        verbose_name_plural = _("办件提醒")

    def __str__(self) -> str:
        return f"{self.receipt_number}: {self.message}"

    @property
    def message(self) -> str:
        from django.utils.translation import gettext as _t

        p = self.params or {}
        texts = {
            self.Kind.DUE_SOON: lambda: _t("%(number)s 将于 %(due)s 到期（还剩 1 个工作日）。"),
            self.Kind.YELLOW: lambda: _t("%(number)s 即将到期：期限 %(due)s。"),
            self.Kind.RED: lambda: _t("%(number)s 已超过办理期限 %(due)s。"),
            self.Kind.STAGE_OVERDUE: lambda: _t("%(number)s 的“%(stage)s”环节已超过其时限（%(due)s）。"),
            self.Kind.REDATED: lambda: _t("工作日历变更：%(number)s 的期限由 %(old)s 改为 %(new)s。"),
            self.Kind.LAPSED: lambda: _t("%(number)s 申请人逾期未补正，已按规定终止办理。"),
        }
        values = {"number": self.receipt_number, "due": "", "stage": "", "old": "", "new": "", **p}
        return texts[self.kind]() % values if self.kind in texts else self.kind
