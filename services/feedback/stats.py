"""Statistics of the online services, counted in the database.

For a year (and optionally one department or one item):

- received: applications received that year (by the day of receipt);
- accepted: of those, accepted (受理, including those counting as accepted on
  arrival after a late 补正 notice);
- finished (办结) that year, by the day of 办结; ``on_time`` of them were
  decided within their limit (the decision's own record, ``decided_on_time``);
- average working days from acceptance (or receipt) to 办结, on the official
  calendar;
- ratings given that year: counts by level, and the satisfaction rate
  (非常满意 + 满意 + 基本满意 over all ratings, the national 好评率).

Every figure is a GROUP BY; the working days are summed per distinct date
(Σ end-index − Σ start-index over a working-day numbering of the dates), so
the cost does not grow with the number of cases but with the days spanned.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractMonth, TruncDate
from django.utils import timezone

from cluster.models import Organisation
from services.licensing.constants import Status
from services.licensing.models import LicenceApplication
from workdays.service import Calendar, CalendarUnknown

from .constants import GOOD_LEVELS, LEVELS
from .models import Rating

MONTHS = list(range(1, 13))


@dataclass
class Figures:
    received: int = 0
    accepted: int = 0
    finished: int = 0
    on_time: int = 0
    working_days: int = 0  # summed over the finished cases with a known start
    timed: int = 0  # how many finished cases those working days are over
    levels: dict[int, int] = field(default_factory=lambda: {int(level): 0 for level in LEVELS})

    @property
    def rated(self) -> int:
        return sum(self.levels.values())

    @property
    def satisfied(self) -> int:
        return sum(n for level, n in self.levels.items() if level in GOOD_LEVELS)

    @property
    def satisfaction(self) -> float | None:
        """Percentage, one decimal; None without ratings."""
        return round(100 * self.satisfied / self.rated, 1) if self.rated else None

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.finished, 1) if self.finished else None

    @property
    def average_days(self) -> float | None:
        return round(self.working_days / self.timed, 1) if self.timed else None

    @property
    def level_counts(self) -> list[int]:
        return [self.levels[int(level)] for level in LEVELS]


@dataclass
class Report:
    year: int
    total: Figures
    by_month: dict[int, Figures]
    rows: list[tuple[str, str, Figures]]  # (key, label, figures): departments, or items of one department
    row_kind: str  # "organisation" or "item"
    organisation: Organisation | None = None
    item_code: str = ""
    item_title: str = ""


def _bounds(year: int) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(date(year, 1, 1), time.min))
    return start, timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time.min))


class WorkdayIndex:
    """A working-day numbering of dates: index(b) − index(a) = working days
    after a up to b. A year whose calendar is not entered counts Monday to
    Friday (only ever reached for a date that has not come yet)."""

    def __init__(self, origin: date):
        self.calendar, self.origin = Calendar(), origin
        self._known: dict[date, int] = {origin: 0}
        self._last = origin

    def _working(self, day: date) -> bool:
        try:
            return self.calendar.is_working_day(day)
        except CalendarUnknown:
            return day.weekday() < 5

    def index(self, day: date) -> int:
        if day in self._known:
            return self._known[day]
        if day < self.origin:  # never happens for the origin we choose, kept correct anyway
            n, d = 0, self.origin
            while d > day:
                n -= 1 if self._working(d) else 0
                d -= timedelta(days=1)
            self._known[day] = n
            return n
        d, n = self._last, self._known[self._last]
        while d < day:
            d += timedelta(days=1)
            n += 1 if self._working(d) else 0
            self._known[d] = n
        self._last = max(self._last, day)
        return self._known[day]


def _apps(organisation: Organisation | None, item_code: str):
    qs = LicenceApplication.objects.all()
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    if item_code:
        qs = qs.filter(item_code=item_code)
    return qs


def _ratings(organisation: Organisation | None, item_code: str):
    qs = Rating.objects.all()
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    if item_code:
        qs = qs.filter(item_code=item_code)
    return qs


def _collect(year: int, group: str, organisation=None, item_code: str = "") -> dict:
    """{group value: Figures} where ``group`` is a field name ("organisation_id",
    "item_code") or "month"."""
    start, end = _bounds(year)
    out: dict = defaultdict(Figures)

    def key(field_name: str):
        return ExtractMonth(field_name) if group == "month" else F(group)

    apps = _apps(organisation, item_code)
    received = (apps.filter(received_on__year=year).annotate(k=key("received_on")).values("k")
                .annotate(n=Count("pk"), a=Count("pk", filter=Q(accepted_on__isnull=False))).order_by())
    for row in received:
        out[row["k"]].received, out[row["k"]].accepted = row["n"], row["a"]
    finished = apps.filter(status=Status.COMPLETED, completed_at__gte=start, completed_at__lt=end)
    for row in (finished.annotate(k=key("completed_at")).values("k")
                .annotate(n=Count("pk"), t=Count("pk", filter=Q(decided_on_time=True))).order_by()):
        out[row["k"]].finished, out[row["k"]].on_time = row["n"], row["t"]
    # working days: Σ index(end) − Σ index(start), per group and distinct date
    index = WorkdayIndex(date(year - 3, 1, 1))
    starts = (finished.exclude(accepted_on__isnull=True, received_on__isnull=True)
              .annotate(k=key("completed_at"), d=TruncDate("completed_at")))
    for row in starts.values("k", "d").annotate(n=Count("pk")).order_by():
        out[row["k"]].working_days += row["n"] * index.index(row["d"])
        out[row["k"]].timed += row["n"]
    for start_field, only in (("accepted_on", Q(accepted_on__isnull=False)),
                              ("received_on", Q(accepted_on__isnull=True, received_on__isnull=False))):
        for row in (starts.filter(only).values("k", start_field).annotate(n=Count("pk")).order_by()):
            out[row["k"]].working_days -= row["n"] * index.index(max(row[start_field], index.origin))
    rated = _ratings(organisation, item_code).filter(created__gte=start, created__lt=end)
    for row in rated.annotate(k=key("created")).values("k", "level").annotate(n=Count("pk")).order_by():
        out[row["k"]].levels[row["level"]] = row["n"]
    return out


def _sum(parts) -> Figures:
    total = Figures()
    for f in parts:
        for name in ("received", "accepted", "finished", "on_time", "working_days", "timed"):
            setattr(total, name, getattr(total, name) + getattr(f, name))
        for level, n in f.levels.items():
            total.levels[level] += n
    return total


def report(year: int, *, organisation: Organisation | None = None, item_code: str = "") -> Report:
    by_month = _collect(year, "month", organisation, item_code)
    months = {m: by_month.get(m, Figures()) for m in MONTHS}
    if organisation is None and not item_code:
        groups = _collect(year, "organisation_id")
        names = {o.pk: o for o in Organisation.objects.filter(pk__in=[k for k in groups if k])}
        rows = [(str(pk), names[pk].localized_name, f) for pk, f in groups.items() if pk in names]
        rows.sort(key=lambda r: (-r[2].received, -r[2].finished, r[1]))
        kind = "organisation"
    elif not item_code:
        groups = _collect(year, "item_code", organisation)
        titles = item_titles(organisation)
        rows = [(code, titles.get(code, code), f) for code, f in groups.items() if code]
        rows.sort(key=lambda r: (-r[2].received, -r[2].finished, r[0]))
        kind = "item"
    else:
        rows, kind = [], "item"
    return Report(year=year, total=_sum(months.values()), by_month=months, rows=rows, row_kind=kind,
                  organisation=organisation, item_code=item_code,
                  item_title=item_titles(organisation).get(item_code, item_code) if item_code else "")


def item_titles(organisation: Organisation | None = None) -> dict[str, str]:
    """Item code → the item's name in the reader's language (the catalogue
    page of the active locale when there is one, else the name applied for)."""
    from django.utils import translation
    from wagtail.models import Locale

    from services.models import ServiceItemPage

    titles: dict[str, str] = {}
    apps = _apps(organisation, "")
    for code, title in apps.values_list("item_code", "item_title").distinct().order_by():
        titles.setdefault(code, title)
    try:
        locale = Locale.objects.get(language_code=translation.get_language())
    except Locale.DoesNotExist:
        return titles
    pages = ServiceItemPage.objects.filter(locale=locale, item_code__in=list(titles))
    for code, title in pages.values_list("item_code", "title"):
        titles[code] = title
    return titles


def years() -> list[int]:
    """The years that have applications, newest first (this year at least)."""
    found = {d.year for d in LicenceApplication.objects.dates("received_on", "year")}
    found.add(timezone.localdate().year)
    return sorted(found, reverse=True)


def level_labels() -> list[str]:
    return [str(level.label) for level in LEVELS]


def month_label(year: int, month: int) -> str:
    from django.utils.formats import date_format

    return date_format(date(year, month, 1), "YEAR_MONTH_FORMAT")
