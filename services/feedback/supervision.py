"""电子监察 of the online services: what supervisors look for across all
departments, counted in the database (one GROUP BY per table, each on an
index of its own), with the lists paged (``PER_PAGE`` rows; a page is an index
scan, its count the total already counted), so the view stays fast at 100,000
cases.

- open cases by colour (the kernel's stored colour), due today, overdue (red);
- stages over their own limit (the kernel's ``stage_due_on`` is past);
- 补正 notices sent after the 5 working days (行政许可法 第三十二条:
  ``correction_late``, the case then counts as accepted on arrival);
- refusals without a stated ground: 不予受理 without a reason, 不予许可
  without a ground (第三十八条 requires one);
- poor ratings whose follow-up is still open, red past its due date;
- per department and month: received, finished, finished late.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q
from django.utils import timezone

from casefile.models import ColourChoice
from cluster.models import Organisation
from services.licensing.constants import OPEN_STATUSES, Status
from services.licensing.models import LicenceApplication, refused_without_ground

from .models import FollowUp

LIST_LIMIT = 50  # rows of each list in the xlsx
PER_PAGE = 20  # rows of each list on a page of the view
MONTHLY_CACHE_SECONDS = 120
LIST_KEYS = ("overdue", "due_today", "stage_over", "late_correction", "no_ground", "followups")
COLOURS = [c for c, _label in ColourChoice.choices]
ROW_FIELDS = ("pk", "receipt_number", "status", "item_title", "organisation_id", "received_on", "due_on",
              "stage_due_on", "colour", "correction_sent_on", "decided_at")


def _open():
    return LicenceApplication.objects.filter(status__in=OPEN_STATUSES)


@dataclass
class DepartmentRow:
    organisation_id: int
    name: str
    colours: dict[str, int]
    open: int = 0
    due_today: int = 0
    stage_over: int = 0
    late_correction: int = 0
    no_ground: int = 0
    followups_open: int = 0
    followups_overdue: int = 0

    @property
    def red(self) -> int:
        return self.colours.get("red", 0)

    @property
    def colour_counts(self) -> list[int]:
        return [self.colours.get(c, 0) for c in COLOURS]


def departments(today: date) -> list[DepartmentRow]:
    """One row per department with anything to supervise."""
    rows: dict[int, DepartmentRow] = {}

    def row(org_id: int) -> DepartmentRow:
        if org_id not in rows:
            rows[org_id] = DepartmentRow(org_id, "", dict.fromkeys(COLOURS, 0))
        return rows[org_id]

    # counted on the columns of licence_open_counts (not the pk), so it is an index-only scan
    open_counts = _open().values("organisation_id", "colour").annotate(
        n=Count("*"),
        today=Count("due_on", filter=Q(due_on=today)),
        stage=Count("stage_due_on", filter=Q(stage_due_on__lt=today)),
    ).order_by()
    for r in open_counts:
        d = row(r["organisation_id"])
        if r["colour"] in d.colours:
            d.colours[r["colour"]] += r["n"]
        d.open += r["n"]
        d.due_today += r["today"]
        d.stage_over += r["stage"]
    flagged = LicenceApplication.objects.filter(Q(correction_late=True) | refused_without_ground())
    for r in flagged.values("organisation_id").annotate(
        late=Count("pk", filter=Q(correction_late=True)), ground=Count("pk", filter=refused_without_ground()),
    ).order_by():
        d = row(r["organisation_id"])
        d.late_correction, d.no_ground = r["late"], r["ground"]
    for r in FollowUp.objects.filter(closed_on__isnull=True).values("organisation_id").annotate(
        n=Count("pk"), late=Count("pk", filter=Q(due_on__lt=today)),
    ).order_by():
        d = row(r["organisation_id"])
        d.followups_open, d.followups_overdue = r["n"], r["late"]
    names = {o.pk: o.localized_name for o in Organisation.objects.filter(pk__in=list(rows))}
    for d in rows.values():
        d.name = names.get(d.organisation_id, str(d.organisation_id))
    return sorted(rows.values(), key=lambda d: (-d.red, -d.followups_overdue, -d.open, d.name))


def totals(rows: list[DepartmentRow]) -> DepartmentRow:
    t = DepartmentRow(0, "", dict.fromkeys(COLOURS, 0))
    for d in rows:
        for c in COLOURS:
            t.colours[c] += d.colours[c]
        for name in ("open", "due_today", "stage_over", "late_correction", "no_ground", "followups_open",
                     "followups_overdue"):
            setattr(t, name, getattr(t, name) + getattr(d, name))
    return t


class _Counted:
    """A query whose number of rows is already known (from the counts above):
    the paginator slices it without a COUNT query of its own."""

    def __init__(self, qs, count: int, fetch=list):
        self.qs, self.n, self.fetch = qs, count, fetch

    def count(self) -> int:
        return self.n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, index):
        return self.fetch(self.qs[index])


def _cases(qs, order):
    return qs.order_by(*order).values(*ROW_FIELDS, "organisation__name")


def list_queries(today: date) -> dict:
    """The cases behind the counts, most urgent first, and the open follow-ups."""
    return {
        "overdue": _cases(_open().filter(colour="red"), ["due_sort", "pk"]),
        "due_today": _cases(_open().filter(due_on=today), ["pk"]),
        "stage_over": _cases(_open().filter(stage_due_on__lt=today), ["stage_due_on", "pk"]),
        "late_correction": _cases(LicenceApplication.objects.filter(correction_late=True),
                                  ["-correction_sent_on", "-pk"]),
        "no_ground": _cases(LicenceApplication.objects.filter(refused_without_ground()), ["-pk"]),
        "followups": (FollowUp.objects.filter(closed_on__isnull=True)
                      .select_related("organisation", "rating", "rating__application").order_by("due_on", "pk")),
    }


def list_counts(t: DepartmentRow) -> dict[str, int]:
    """How many rows each of ``list_queries`` has: the totals of the same conditions."""
    return {"overdue": t.red, "due_today": t.due_today, "stage_over": t.stage_over,
            "late_correction": t.late_correction, "no_ground": t.no_ground, "followups": t.followups_open}


def lists(today: date, t: DepartmentRow, pages: dict[str, str] | None = None,
          per_page: int | None = None) -> dict[str, Page]:
    """One page of each list (``pages``: list key → page number asked for; the first by default)."""
    pages, per_page = pages or {}, per_page or PER_PAGE
    counts = list_counts(t)
    return {key: Paginator(_Counted(qs, counts[key]), per_page).get_page(pages.get(key))
            for key, qs in list_queries(today).items()}


def _month_starts(year: int) -> list[date]:
    return [date(year, m, 1) for m in range(1, 13)] + [date(year + 1, 1, 1)]


def monthly(year: int, today: date) -> dict[int, dict[int, dict[str, int]]]:
    """{organisation id: {month: {"received", "finished", "late"}}} for ``year``,
    kept ``MONTHLY_CACHE_SECONDS`` in the cache: these totals (the month chart and
    its tables) count every case of the year, the other figures stay live."""
    key = f"banshi-jiancha-monthly:{year}:{today.isoformat()}"
    figures = cache.get(key)
    if figures is None:
        figures = _monthly(year)
        cache.set(key, figures, MONTHLY_CACHE_SECONDS)
    out: dict[int, dict[int, dict[str, int]]] = defaultdict(
        lambda: {m: {"received": 0, "finished": 0, "late": 0} for m in range(1, 13)})
    out.update(figures)
    return out


def _monthly(year: int) -> dict[int, dict[int, dict[str, int]]]:
    """The month figures counted.

    Two GROUP BYs on the department with a conditional count per month: ranges
    on the column itself (the finished ones by local midnight), counting indexed
    columns only (index-only scans of licence_received_org and
    licence_completed_org), and no per-row
    function (SQLite's month extraction is a Python call per row)."""
    out: dict[int, dict[int, dict[str, int]]] = defaultdict(
        lambda: {m: {"received": 0, "finished": 0, "late": 0} for m in range(1, 13)})
    days = _month_starts(year)
    received = {f"r{m}": Count("received_on", filter=Q(received_on__gte=days[m - 1], received_on__lt=days[m]))
                for m in range(1, 13)}
    for r in (LicenceApplication.objects.filter(received_on__gte=days[0], received_on__lt=days[12])
              .values("organisation_id").annotate(**received).order_by()):
        for m in range(1, 13):
            out[r["organisation_id"]][m]["received"] = r[f"r{m}"]
    moments = [timezone.make_aware(datetime.combine(d, time.min)) for d in days]
    finished = {}
    for m in range(1, 13):
        month = Q(completed_at__gte=moments[m - 1], completed_at__lt=moments[m])
        finished[f"f{m}"] = Count("completed_at", filter=month)
        finished[f"l{m}"] = Count("completed_at", filter=month & Q(decided_on_time=False))
    for r in (LicenceApplication.objects.filter(status=Status.COMPLETED, completed_at__gte=moments[0],
                                                completed_at__lt=moments[12])
              .values("organisation_id").annotate(**finished).order_by()):
        for m in range(1, 13):
            out[r["organisation_id"]][m]["finished"] = r[f"f{m}"]
            out[r["organisation_id"]][m]["late"] = r[f"l{m}"]
    return dict(out)


def overview(today: date | None = None, year: int | None = None, pages: dict[str, str] | None = None,
             per_page: int | None = None) -> dict:
    today = today or timezone.localdate()
    year = year or today.year
    rows = departments(today)
    t = totals(rows)
    by_month = monthly(year, today)
    names = {d.organisation_id: d.name for d in rows}
    missing = [pk for pk in by_month if pk not in names]
    if missing:
        names.update({o.pk: o.localized_name for o in Organisation.objects.filter(pk__in=missing)})
    month_totals = {m: {k: sum(by_month[o][m][k] for o in by_month) for k in ("received", "finished", "late")}
                    for m in range(1, 13)}
    pages_ = lists(today, t, pages, per_page)
    followups = pages_.pop("followups")
    return {
        "today": today, "year": year, "rows": rows, "totals": t, "lists": pages_,
        "followups": followups, "monthly": dict(by_month), "month_totals": month_totals,
        "names": names,
    }
