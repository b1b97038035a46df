"""The working-day clock that statutory deadlines run on.

Rules (《政府信息公开条例》 and similar): a period of N working days starts
counting on the day *after* the starting date (the day of receipt is not
counted); Saturdays/Sundays are rest days and Monday–Friday are working days,
except where the official schedule (``CalendarDay``) says otherwise. A year
whose ``CalendarYear`` is not marked complete is unknown, and nothing is ever
guessed about it: deadlines that would run into it come back ``known=False``.

Calendar data is read from the database once per call (per ``_Calendar``
snapshot), so staff edits and transaction rollbacks are always honoured.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from django.conf import settings

from .models import CalendarDay, CalendarYear

ONE_DAY = timedelta(days=1)
Status = Literal["green", "yellow", "red", "unknown"]


class CalendarUnknown(Exception):
    """The official schedule of ``year`` has not been entered (CalendarYear.complete)."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(f"工作日历未知：{year} 年的节假日安排尚未完整录入")


@dataclass(frozen=True)
class Deadline:
    """A computed due date. ``due`` is None unless ``known``; then
    ``unknown_year`` names the year whose schedule is missing. ``paused`` is
    True (with ``due`` None, ``known`` True) while a clock is stopped open-ended."""

    due: date | None
    known: bool
    unknown_year: int | None = None
    paused: bool = False


class _Calendar:
    """A lazily filled, per-call snapshot of the calendar tables."""

    def __init__(self) -> None:
        self._years: dict[int, tuple[frozenset[date], frozenset[date]] | None] = {}

    def _load(self, year: int) -> tuple[frozenset[date], frozenset[date]] | None:
        if year not in self._years:
            if CalendarYear.objects.filter(year=year, complete=True).exists():
                holidays, workdays = set(), set()
                for day, kind in CalendarDay.objects.filter(date__year=year).values_list("date", "kind"):
                    (holidays if kind == CalendarDay.Kind.HOLIDAY else workdays).add(day)
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


def is_working_day(day: date) -> bool:
    """Whether ``day`` is an official working day. Raises CalendarUnknown."""
    return _Calendar().is_working_day(day)


def _paused_on(day: date, pauses) -> bool:
    return any(start <= day and (end is None or day <= end) for start, end in pauses)


def _add(calendar: _Calendar, start: date, days: int, pauses=()) -> Deadline:
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
            if calendar.is_working_day(day):
                counted += 1
    except CalendarUnknown as unknown:
        return Deadline(due=None, known=False, unknown_year=unknown.year)
    return Deadline(due=day, known=True)


def add_working_days(*, start: date, days: int) -> Deadline:
    """The date on which a period of ``days`` working days, counted from the
    day after ``start``, ends. ``days=0`` gives ``start``. known=False (and
    the missing year) if the count would run through an unknown year."""
    return _add(_Calendar(), start, days)


def _count(calendar: _Calendar, start: date, end: date, pauses=()) -> int:
    day, counted = start, 0
    while day < end:
        day += ONE_DAY
        if not _paused_on(day, pauses) and calendar.is_working_day(day):
            counted += 1
    return counted


def working_days_between(*, start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if
    ``end <= start``). Raises CalendarUnknown for an unknown year on the way."""
    return _count(_Calendar(), start, end)


def yellow_days() -> int:
    return int(getattr(settings, "WORKDAYS_YELLOW_DAYS", 3))


@dataclass
class Clock:
    """A statutory clock as plain data, for case models to store and rebuild.

    ``started``: the day of receipt (not counted). ``limit``: working days.
    ``pauses``: (from_date, to_date) periods during which the clock is stopped
    (补正, 征求第三方意见 and other special procedures); both ends inclusive, so
    the clock counts again from the day after ``to_date``; ``to_date`` None =
    still stopped. ``extensions``: extra working days granted (延期).
    """

    started: date
    limit: int
    pauses: list[tuple[date, date | None]] = field(default_factory=list)
    extensions: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Working days allowed in all: the limit plus every extension."""
        return self.limit + sum(self.extensions)

    @property
    def paused(self) -> bool:
        return any(end is None for _, end in self.pauses)

    def due(self) -> Deadline:
        """The due date, skipping the working days spent paused."""
        return _add(_Calendar(), self.started, self.total, self.pauses)

    def used(self, today: date) -> int | None:
        """Working days counted so far (after ``started`` up to ``today``,
        outside pauses); None if the calendar up to today is unknown."""
        try:
            return _count(_Calendar(), self.started, today, self.pauses)
        except CalendarUnknown:
            return None

    def remaining(self, today: date) -> int | None:
        """Working days left after ``today`` (0 = due today, negative =
        working days overdue); None if the calendar up to today is unknown."""
        used = self.used(today)
        return None if used is None else self.total - used

    def status(self, today: date) -> Status:
        """red: past the due date; yellow: at most WORKDAYS_YELLOW_DAYS
        working days left; green otherwise; unknown: the due date falls in a
        year whose schedule is not entered yet (or today's is unknown). A
        stopped clock is coloured by the days it had left when it stopped."""
        deadline = self.due()
        if not deadline.known:
            return "unknown"
        left = self.remaining(today)
        if left is None:
            return "unknown"
        if (deadline.due is not None and today > deadline.due) or left < 0:
            return "red"
        return "yellow" if left <= yellow_days() else "green"
