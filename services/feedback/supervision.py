"""电子监察 of the online services: what supervisors look for across all
departments, counted in the database (one GROUP BY per table; the lists are
index scans cut at ``LIST_LIMIT`` rows), so the view stays fast at 100,000
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
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from casefile.models import ColourChoice
from cluster.models import Organisation
from services.licensing.constants import OPEN_STATUSES, Decision, Status
from services.licensing.models import LicenceApplication

from .models import FollowUp

LIST_LIMIT = 50
COLOURS = [c for c, _label in ColourChoice.choices]
ROW_FIELDS = ("pk", "receipt_number", "status", "item_title", "organisation_id", "received_on", "due_on",
              "stage_due_on", "colour", "correction_sent_on", "decided_at")


def _open():
    return LicenceApplication.objects.filter(status__in=OPEN_STATUSES)


def refused_without_ground() -> Q:
    return (Q(status=Status.REJECTED, rejection_reason="")
            | Q(decision=Decision.REFUSED, decision_ground=""))


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

    open_counts = _open().values("organisation_id", "colour").annotate(
        n=Count("pk"),
        today=Count("pk", filter=Q(due_on=today)),
        stage=Count("pk", filter=Q(stage_due_on__lt=today)),
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


def _rows(qs, order):
    return list(qs.order_by(*order).values(*ROW_FIELDS, "organisation__name")[:LIST_LIMIT])


def lists(today: date) -> dict[str, list[dict]]:
    """The cases behind the counts, most urgent first (at most LIST_LIMIT each)."""
    return {
        "overdue": _rows(_open().filter(colour="red"), ["due_sort", "pk"]),
        "due_today": _rows(_open().filter(due_on=today), ["pk"]),
        "stage_over": _rows(_open().filter(stage_due_on__lt=today), ["stage_due_on", "pk"]),
        "late_correction": _rows(LicenceApplication.objects.filter(correction_late=True),
                                 ["-correction_sent_on", "-pk"]),
        "no_ground": _rows(LicenceApplication.objects.filter(refused_without_ground()), ["-pk"]),
    }


def open_followups(today: date, limit: int = LIST_LIMIT) -> list[FollowUp]:
    qs = (FollowUp.objects.filter(closed_on__isnull=True)
          .select_related("organisation", "rating", "rating__application").order_by("due_on", "pk"))
    return list(qs[:limit])


def monthly(year: int, today: date) -> dict[int, dict[int, dict[str, int]]]:
    """{organisation id: {month: {"received", "finished", "late"}}} for ``year``."""
    out: dict[int, dict[int, dict[str, int]]] = defaultdict(
        lambda: {m: {"received": 0, "finished": 0, "late": 0} for m in range(1, 13)})
    received = (LicenceApplication.objects.filter(received_on__year=year)
                .values("organisation_id", m=ExtractMonth("received_on")).annotate(n=Count("pk")).order_by())
    for r in received:
        out[r["organisation_id"]][r["m"]]["received"] = r["n"]
    finished = (LicenceApplication.objects.filter(status=Status.COMPLETED, completed_at__year=year)
                .values("organisation_id", m=ExtractMonth("completed_at"))
                .annotate(n=Count("pk"), late=Count("pk", filter=Q(decided_on_time=False))).order_by())
    for r in finished:
        out[r["organisation_id"]][r["m"]]["finished"] = r["n"]
        out[r["organisation_id"]][r["m"]]["late"] = r["late"]
    return out


def overview(today: date | None = None, year: int | None = None) -> dict:
    today = today or timezone.localdate()
    year = year or today.year
    rows = departments(today)
    by_month = monthly(year, today)
    names = {d.organisation_id: d.name for d in rows}
    missing = [pk for pk in by_month if pk not in names]
    if missing:
        names.update({o.pk: o.localized_name for o in Organisation.objects.filter(pk__in=missing)})
    month_totals = {m: {k: sum(by_month[o][m][k] for o in by_month) for k in ("received", "finished", "late")}
                    for m in range(1, 13)}
    return {
        "today": today, "year": year, "rows": rows, "totals": totals(rows), "lists": lists(today),
        "followups": open_followups(today), "monthly": dict(by_month), "month_totals": month_totals,
        "names": names,
    }
