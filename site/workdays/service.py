"""The statutory clock that deadlines run on, in working days or calendar days.

Units. Working days (工作日) are what the 《政府信息公开条例》 and the
《行政许可法》 (第八十二条: 期限以工作日计算，不含法定节假日) count; calendar
days (日) are what the 《信访工作条例》 counts (15/60/30 日). A period of N
units starts counting on the day *after* the starting date (the day of receipt
is not counted). Saturdays/Sundays are rest days and Monday–Friday are working
days, except where the official schedule (``CalendarDay``) says otherwise. A
year whose ``CalendarYear`` is not marked complete is unknown, and nothing is
ever guessed about it: working-day deadlines that would run into it come back
``known=False``. Calendar-day deadlines never need the schedule.

Stops. The law knows two kinds, and the ``Clock`` has one pair of operations
for each:

- ``suspend()`` … ``resume()`` (中止, the clock *runs on*): the days stopped do
  not count and counting continues where it stopped (special procedures under
  行政许可法 第四十五条; consultation of a third party or another agency under
  条例 第三十二条/第三十四条);
- ``interrupt()`` … ``restart_from()`` (中断, the clock *starts afresh*): when
  the stop ends, the whole limit runs again from the day after (补正, 条例
  第三十条).

Calendar data is read from the database once per ``Calendar`` snapshot; pass
one snapshot to many clocks (``calendar=``) to count a whole batch of cases
with a handful of queries. Without it every call takes a fresh snapshot, so
staff edits and transaction rollbacks are always honoured.
"""
from __future__ import annotations

from dataclasses import InitVar, dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import CalendarDay, CalendarYear

ONE_DAY = timedelta(days=1)
Status = Literal["green", "yellow", "red", "unknown"]


class Unit(StrEnum):
    WORKING = "working"  # 工作日
    CALENDAR = "calendar"  # 日（自然日）


class StopKind(StrEnum):
    RUNS_ON = "runs_on"  # 中止: counting continues where it stopped
    AFRESH = "afresh"  # 中断: the whole limit runs again


class Colour(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    UNKNOWN = "unknown"  # the due date lies in a year whose schedule is not entered
    PAUSED = "paused"  # the clock is stopped


class CalendarUnknown(Exception):
    """The official schedule of ``year`` has not been entered (CalendarYear.complete)."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(f"工作日历未知：{year} 年的节假日安排尚未完整录入")


class ClockError(ValidationError):
    """An operation the clock's state or the case type's limits do not allow (message localized)."""


@dataclass(frozen=True)
class Limit:
    """A statutory time limit as data: how many days, in which unit, on what basis."""

    days: int
    unit: Unit = Unit.WORKING
    basis: str = ""  # e.g. "《政府信息公开条例》第三十三条"

    def __str__(self) -> str:
        unit = _("个工作日") if self.unit == Unit.WORKING else _("日")
        return f"{self.days} {unit}" + (f"（{self.basis}）" if self.basis else "")


@dataclass(frozen=True)
class ExtensionRule:
    """How often and how long a case type's limit may be extended."""

    max_count: int = 1
    max_days: int = 0  # all extensions together, in the clock's unit
    basis: str = ""

    def check(self, clock: Clock, days: int) -> None:
        if len(clock.extensions) >= self.max_count:
            if self.max_count == 1:
                raise ClockError(_("办理期限只能延长一次。"))
            raise ClockError(_("期限最多延长 %(count)s 次。") % {"count": self.max_count})
        left = self.max_days - sum(e.days for e in clock.extensions)
        if not 1 <= days <= left:
            raise ClockError(_("延长的期限应为 1 至 %(max)s 个%(unit)s。") % {
                "max": left, "unit": _("工作日") if clock.unit == Unit.WORKING else _("日"),
            })


@dataclass(frozen=True)
class Deadline:
    """A computed due date. ``due`` is None unless ``known``; then
    ``unknown_year`` names the year whose schedule is missing. ``paused`` is
    True (with ``due`` None, ``known`` True) while a clock is stopped open-ended."""

    due: date | None
    known: bool
    unknown_year: int | None = None
    paused: bool = False


class Calendar:
    """A lazily filled snapshot of the calendar tables (the models may be
    historical ones, for data migrations)."""

    def __init__(self, year_model=CalendarYear, day_model=CalendarDay) -> None:
        self._year_model, self._day_model = year_model, day_model
        self._years: dict[int, tuple[frozenset[date], frozenset[date]] | None] = {}

    def _load(self, year: int) -> tuple[frozenset[date], frozenset[date]] | None:
        if year not in self._years:
            if self._year_model.objects.filter(year=year, complete=True).exists():
                holidays, workdays = set(), set()
                for day, kind in self._day_model.objects.filter(date__year=year).values_list("date", "kind"):
                    (holidays if kind == "holiday" else workdays).add(day)
                self._years[year] = (frozenset(holidays), frozenset(workdays))
            else:
                self._years[year] = None
        return self._years[year]

    def is_working_day(self, day: date) -> bool:
        loaded = self._load(day.year)
        if loaded is None:
            raise CalendarUnknown(day.year)
        holidays, workdays = loaded
        if day in holidays:
            return False
        if day in workdays:
            return True
        return day.weekday() < 5

    def counts(self, day: date, unit: Unit) -> bool:
        return unit == Unit.CALENDAR or self.is_working_day(day)


_Calendar = Calendar  # the name earlier code used


def is_working_day(day: date) -> bool:
    """Whether ``day`` is an official working day. Raises CalendarUnknown."""
    return Calendar().is_working_day(day)


def _paused_on(day: date, pauses) -> bool:
    return any(start <= day and (end is None or day <= end) for start, end in pauses)


def _add(calendar: Calendar, start: date, days: int, pauses=(), unit: Unit = Unit.WORKING) -> Deadline:
    if days < 0:
        raise ValueError("days must not be negative")
    day, counted = start, 0
    try:
        while counted < days:
            day += ONE_DAY
            if _paused_on(day, pauses):
                if any(s <= day and e is None for s, e in pauses):
                    return Deadline(due=None, known=True, paused=True)
                continue
            if calendar.counts(day, unit):
                counted += 1
    except CalendarUnknown as unknown:
        return Deadline(due=None, known=False, unknown_year=unknown.year)
    return Deadline(due=day, known=True)


def add_working_days(*, start: date, days: int, calendar: Calendar | None = None) -> Deadline:
    """The date on which a period of ``days`` working days, counted from the
    day after ``start``, ends. ``days=0`` gives ``start``. known=False (and
    the missing year) if the count would run through an unknown year."""
    return _add(calendar or Calendar(), start, days)


def add_days(*, start: date, days: int, unit: Unit, calendar: Calendar | None = None) -> Deadline:
    """``add_working_days`` for either unit."""
    return _add(calendar or Calendar(), start, days, unit=unit)


def _count(calendar: Calendar, start: date, end: date, pauses=(), unit: Unit = Unit.WORKING) -> int:
    day, counted = start, 0
    while day < end:
        day += ONE_DAY
        if not _paused_on(day, pauses) and calendar.counts(day, unit):
            counted += 1
    return counted


def working_days_between(*, start: date, end: date, calendar: Calendar | None = None) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if
    ``end <= start``). Raises CalendarUnknown for an unknown year on the way."""
    return _count(calendar or Calendar(), start, end)


def yellow_days() -> int:
    return int(getattr(settings, "WORKDAYS_YELLOW_DAYS", 3))


def days_left(due: date, today: date, unit: Unit = Unit.WORKING, calendar: Calendar | None = None) -> int | None:
    """Units left after ``today`` up to ``due`` (0 = due today, negative =
    overdue by that many); None if the calendar in between is unknown."""
    calendar = calendar or Calendar()
    try:
        if today <= due:
            return _count(calendar, today, due, unit=unit)
        return -_count(calendar, due, today, unit=unit)
    except CalendarUnknown:
        return None


def colour_for(due: date | None, today: date, unit: Unit = Unit.WORKING, calendar: Calendar | None = None) -> Colour:
    """red: past ``due``; yellow: at most WORKDAYS_YELLOW_DAYS units left;
    green otherwise; unknown when ``due`` is unknown or the calendar between
    today and ``due`` is."""
    if due is None:
        return Colour.UNKNOWN
    if today > due:
        return Colour.RED
    left = days_left(due, today, unit, calendar)
    if left is None:
        return Colour.UNKNOWN
    return Colour.YELLOW if left <= yellow_days() else Colour.GREEN


@dataclass
class Stop:
    """One stop of a clock: ``start`` and ``end`` both inclusive (the clock
    counts again from the day after ``end``; None = still stopped).
    ``limit``: the stage's own limit (e.g. 15 working days for a third
    party's opinion), counted from the day after ``start``. ``applicant_due``:
    the day by which the applicant must act (the 补正 period)."""

    kind: StopKind
    start: date
    end: date | None = None
    reason: str = ""
    limit: Limit | None = None
    applicant_due: date | None = None

    @property
    def open(self) -> bool:
        return self.end is None

    def stage_due(self, calendar: Calendar | None = None) -> Deadline | None:
        if self.limit is None:
            return None
        return _add(calendar or Calendar(), self.start, self.limit.days, unit=self.limit.unit)

    def as_json(self) -> dict:
        return {
            "kind": str(self.kind), "start": self.start.isoformat(), "end": self.end.isoformat() if self.end else None,
            "reason": self.reason,
            "limit": [self.limit.days, str(self.limit.unit), self.limit.basis] if self.limit else None,
            "applicant_due": self.applicant_due.isoformat() if self.applicant_due else None,
        }

    @classmethod
    def from_json(cls, data: dict) -> Stop:
        limit = data.get("limit")
        return cls(
            kind=StopKind(data["kind"]), start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]) if data.get("end") else None, reason=data.get("reason", ""),
            limit=Limit(limit[0], Unit(limit[1]), limit[2]) if limit else None,
            applicant_due=date.fromisoformat(data["applicant_due"]) if data.get("applicant_due") else None,
        )


@dataclass
class Extension:
    """Extra days granted (延期), with who approved it and why."""

    days: int
    approver: str = ""
    approver_id: int | None = None
    reason: str = ""
    on: date | None = None

    def as_json(self) -> dict:
        return {"days": self.days, "approver": self.approver, "approver_id": self.approver_id,
                "reason": self.reason, "on": self.on.isoformat() if self.on else None}

    @classmethod
    def from_json(cls, data: dict) -> Extension:
        return cls(days=int(data["days"]), approver=data.get("approver", ""), approver_id=data.get("approver_id"),
                   reason=data.get("reason", ""), on=date.fromisoformat(data["on"]) if data.get("on") else None)


@dataclass
class Clock:
    """A statutory clock as plain data, for case models to store and rebuild.

    ``started``: the day counting starts after (receipt, or the day a 补正
    arrived). ``limit``: days in ``unit``. ``stops``: see the module doc.
    ``pauses`` (construction only): (from, to) periods of a clock that runs
    on, as earlier code passed them. ``extensions``: days granted (延期), as
    ``Extension`` or plain ints.
    """

    started: date
    limit: int
    pauses: InitVar[list[tuple[date, date | None]] | None] = None
    extensions: list[Extension] = field(default_factory=list)
    unit: Unit = Unit.WORKING
    stops: list[Stop] = field(default_factory=list)

    def __post_init__(self, pauses) -> None:
        self.unit = Unit(self.unit)
        self.extensions = [e if isinstance(e, Extension) else Extension(days=int(e)) for e in self.extensions]
        for start, end in pauses or []:
            self.stops.append(Stop(StopKind.RUNS_ON, start, end))

    # -- state ----------------------------------------------------------------
    @property
    def total(self) -> int:
        """Days allowed in all: the limit plus every extension."""
        return self.limit + sum(e.days for e in self.extensions)

    @property
    def open_stop(self) -> Stop | None:
        return next((s for s in self.stops if s.open), None)

    @property
    def paused(self) -> bool:
        return self.open_stop is not None

    def _pauses(self) -> list[tuple[date, date | None]]:
        """The periods not counted since ``started``: every stop (an open
        interruption stops the count too, until ``restart_from``)."""
        return [(s.start, s.end) for s in self.stops if s.end is None or s.end > self.started]

    # -- the two kinds of stop ---------------------------------------------------
    def _open(self, kind: StopKind, on: date, reason: str, limit: Limit | None, applicant_due: date | None) -> Stop:
        if self.paused:
            raise ClockError(_("计时已经中止，不能再次中止。"))
        if on < self.started:
            raise ClockError(_("中止日期不能早于计时起算日。"))
        stop = Stop(kind, on, None, reason, limit, applicant_due)
        self.stops.append(stop)
        return stop

    def _close(self, kind: StopKind, on: date) -> Stop:
        stop = self.open_stop
        if stop is None or stop.kind != kind:
            raise ClockError(_("计时没有处于相应的中止状态。"))
        if on < stop.start:
            raise ClockError(_("恢复计时的日期不能早于中止的日期。"))
        stop.end = on
        return stop

    def suspend(self, on: date, *, reason: str = "", limit: Limit | None = None) -> Stop:
        """中止 from ``on`` (inclusive): the days stopped do not count."""
        return self._open(StopKind.RUNS_ON, on, reason, limit, None)

    def resume(self, on: date) -> Stop:
        """End a suspension on ``on``: the clock runs on from the next day with the days it had left."""
        return self._close(StopKind.RUNS_ON, on)

    def interrupt(self, on: date, *, reason: str = "", applicant_due: date | None = None) -> Stop:
        """中断 from ``on``: when it ends, the whole limit runs again."""
        return self._open(StopKind.AFRESH, on, reason, None, applicant_due)

    def restart_from(self, on: date) -> Stop:
        """End an interruption on ``on``: the full limit runs afresh from the next day."""
        stop = self._close(StopKind.AFRESH, on)
        self.started = on
        return stop

    def end_stop(self, on: date) -> Stop | None:
        """Close whatever stop is open (the case was decided meanwhile), without restarting."""
        stop = self.open_stop
        if stop is not None:
            stop.end = max(on, stop.start)
        return stop

    def extend(self, days: int, *, rule: ExtensionRule, approver: str = "", approver_id=None, reason: str = "",
               on: date | None = None) -> Extension:
        rule.check(self, days)
        extension = Extension(days, approver, approver_id, reason, on)
        self.extensions.append(extension)
        return extension

    # -- reading ------------------------------------------------------------------
    def due(self, calendar: Calendar | None = None) -> Deadline:
        """The due date, skipping the days spent stopped."""
        return _add(calendar or Calendar(), self.started, self.total, self._pauses(), self.unit)

    def used(self, today: date, calendar: Calendar | None = None) -> int | None:
        """Days counted so far (after ``started`` up to ``today``, outside
        stops); None if the calendar up to today is unknown."""
        try:
            return _count(calendar or Calendar(), self.started, today, self._pauses(), self.unit)
        except CalendarUnknown:
            return None

    def remaining(self, today: date, calendar: Calendar | None = None) -> int | None:
        """Days left after ``today`` (0 = due today, negative = overdue);
        None if the calendar up to today is unknown."""
        used = self.used(today, calendar)
        return None if used is None else self.total - used

    def status(self, today: date, calendar: Calendar | None = None) -> Status:
        """red: past the due date; yellow: at most WORKDAYS_YELLOW_DAYS
        days left; green otherwise; unknown: the due date falls in a year
        whose schedule is not entered yet (or today's is unknown). A stopped
        clock is coloured by the days it had left when it stopped."""
        calendar = calendar or Calendar()
        deadline = self.due(calendar)
        if not deadline.known:
            return "unknown"
        left = self.remaining(today, calendar)
        if left is None:
            return "unknown"
        if (deadline.due is not None and today > deadline.due) or left < 0:
            return "red"
        return "yellow" if left <= yellow_days() else "green"

    def colour(self, today: date, calendar: Calendar | None = None) -> Colour:
        """What the queue shows: ``paused`` while stopped, else ``colour_for`` the due date."""
        if self.paused:
            return Colour.PAUSED
        calendar = calendar or Calendar()
        deadline = self.due(calendar)
        return colour_for(deadline.due if deadline.known else None, today, self.unit, calendar)

    def stage_due(self, calendar: Calendar | None = None) -> date | None:
        """The own due date of the open stop, if it has a limit (and it is known)."""
        stop = self.open_stop
        deadline = stop.stage_due(calendar) if stop else None
        return deadline.due if deadline and deadline.known else None

    # -- storage --------------------------------------------------------------------
    def stops_json(self) -> list[dict]:
        return [s.as_json() for s in self.stops]

    def extensions_json(self) -> list[dict]:
        return [e.as_json() for e in self.extensions]
