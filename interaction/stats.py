"""Statistics per mailbox and per department, per month: received, accepted,
answered, on time, average days to answer and satisfaction — aggregated in
the database (one grouped query for both tables) for the public page, its chart and
the xlsx export."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Avg, Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from cluster.models import Organisation

from .constants import Rating, Status
from .models import Letter, Mailbox

METRICS = ("received", "accepted", "answered", "on_time", "avg_days", "satisfied", "mostly", "unsatisfied")


def metric_labels() -> dict[str, str]:
    return {
        "received": _("收到"), "accepted": _("受理"), "answered": _("答复"), "on_time": _("按时答复"),
        "avg_days": _("平均答复天数"), "satisfied": _("满意"), "mostly": _("基本满意"), "unsatisfied": _("不满意"),
    }


@dataclass
class Row:
    month: int
    name: str
    values: dict

    @property
    def satisfaction(self) -> str:
        rated = self.values["satisfied"] + self.values["mostly"] + self.values["unsatisfied"]
        if not rated:
            return "—"
        return f"{100 * (self.values['satisfied'] + self.values['mostly']) / rated:.0f}%"


@dataclass
class Report:
    year: int
    by_mailbox: list[Row] = field(default_factory=list)
    by_department: list[Row] = field(default_factory=list)
    months: list[dict] = field(default_factory=list)  # totals per month for the chart

    @property
    def labels(self) -> dict[str, str]:
        return metric_labels()


AGGREGATES = {
    "received": Count("pk"),
    "accepted": Count("pk", filter=~Q(status__in=[Status.SUBMITTED, Status.NOT_ACCEPTED])),
    "answered": Count("pk", filter=Q(answered_at__isnull=False)),
    "on_time": Count("pk", filter=Q(answered_on_time=True)),
    "avg_days": Avg("days_to_answer"),
    "satisfied": Count("pk", filter=Q(rating=Rating.SATISFIED)),
    "mostly": Count("pk", filter=Q(rating=Rating.MOSTLY)),
    "unsatisfied": Count("pk", filter=Q(rating=Rating.UNSATISFIED)),
}


def parse_year(value) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def years() -> list[int]:
    this = timezone.localdate().year
    return list(range(this, this - 5, -1))


def _year_range(year: int):
    tz = timezone.get_current_timezone()
    return (timezone.make_aware(datetime(year, 1, 1), tz), timezone.make_aware(datetime(year + 1, 1, 1), tz))


# one grouped query for both tables: counts add up across mailboxes or departments, the average
# is carried as its sum and count (one scan of the year instead of two)
PARTS = {**{m: a for m, a in AGGREGATES.items() if m != "avg_days"},
         "days_sum": Sum("days_to_answer"), "days_n": Count("days_to_answer")}


def _fold(groups: list[dict], key: str, names: dict) -> list[Row]:
    folded: dict[tuple, dict] = {}
    for g in groups:
        into = folded.setdefault((g["month"], g[key]), dict.fromkeys(PARTS, 0))
        for m in PARTS:
            into[m] += g[m] or 0
    rows = []
    for (month, pk), parts in sorted(folded.items(), key=lambda item: (item[0][0], item[0][1])):
        values = {m: parts[m] for m in METRICS if m != "avg_days"}
        values["avg_days"] = (round(parts["days_sum"] / parts["days_n"], 1) if parts["days_n"] else None)
        rows.append(Row(month=month.month, name=names.get(pk, str(pk)), values=values))
    return rows


def report(*, year: int) -> Report:
    start, end = _year_range(year)
    qs = Letter.objects.filter(submitted_at__gte=start, submitted_at__lt=end).order_by()
    mailboxes = {m.pk: m.localized_name for m in Mailbox.objects.all()}
    orgs = {o.pk: o.localized_name for o in Organisation.objects.all()}
    grouped = qs.annotate(month=TruncMonth("submitted_at")).values("month", "mailbox_id", "organisation_id")
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # a few hundred groups, which the planner takes for tens of thousands (it cannot count the
            # months): with room for them it hashes them instead of sorting the year's letters on disk
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '32MB'")
        groups = list(grouped.annotate(**PARTS).order_by())
    result = Report(year=year, by_mailbox=_fold(groups, "mailbox_id", mailboxes),
                    by_department=_fold(groups, "organisation_id", orgs))
    totals = {m: {"month": m, "received": 0, "answered": 0} for m in range(1, 13)}
    for row in result.by_mailbox:
        totals[row.month]["received"] += row.values["received"]
        totals[row.month]["answered"] += row.values["answered"]
    result.months = list(totals.values())
    return result


CACHE_SECONDS = 300


def cached_report(*, year: int) -> tuple[Report, str]:
    """The public page's report and chart, computed at most every five minutes
    per year and language (a year's grouped counts read every letter of it;
    the xlsx export always counts afresh)."""
    from django.core.cache import cache
    from django.utils import translation

    key = f"hudong-stats:{year}:{translation.get_language()}"
    found = cache.get(key)
    if found is None:
        rep = report(year=year)
        found = (rep, chart_svg(rep))
        cache.set(key, found, CACHE_SECONDS)
    return found


def chart_svg(rep: Report) -> str:
    """Received and answered letters per month, as an SVG with its own title
    (the page puts the same numbers in a table beside it)."""
    import pygal
    from pygal.style import Style

    style = Style(background="white", plot_background="white", colors=("#1f5fa8", "#2e7d32"),
                  font_family="'Noto Sans SC','Noto Sans Mongolian',sans-serif")
    chart = pygal.Bar(style=style, js=[], disable_xml_declaration=True, height=320, width=720,
                      title=_("%(year)s 年各月来信收到与答复数量") % {"year": rep.year}, legend_at_bottom=True)
    chart.x_labels = [_("%(m)s月") % {"m": m["month"]} for m in rep.months]
    chart.add(_("收到"), [m["received"] for m in rep.months])
    chart.add(_("答复"), [m["answered"] for m in rep.months])
    return chart.render(is_unicode=True)


def xlsx(rep: Report) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    labels = metric_labels()
    for index, (title, rows, first) in enumerate([
        (_("按信箱"), rep.by_mailbox, _("信箱")), (_("按承办单位"), rep.by_department, _("承办单位")),
    ]):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = str(title)
        sheet.append([_("月份"), str(first), *[labels[m] for m in METRICS], _("满意率")])
        for row in rows:
            sheet.append([f"{rep.year}-{row.month:02d}", row.name, *[row.values[m] for m in METRICS],
                          row.satisfaction])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
