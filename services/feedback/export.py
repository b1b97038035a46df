"""Spreadsheet exports (xlsx, openpyxl): the public statistics and the
supervisors' view, one sheet per table, the same figures as the pages."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from . import stats
from .constants import LEVELS
from .supervision import COLOURS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(wb: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    ws = wb.create_sheet(title=title[:31])
    ws.append([str(h) for h in header])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([v if isinstance(v, int | float) or v is None else str(v) for v in row])
    for i, h in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(str(h)) * 2 + 2))
    ws.freeze_panes = "A2"


def response(wb: Workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    wb.save(buffer)
    resp = HttpResponse(buffer.getvalue(), content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp


def figure_header(first: str) -> list[str]:
    return [first, _("收件数"), _("受理数"), _("办结数"), _("按期办结数"), _("按期办结率（%）"),
            _("平均办理时间（工作日）"), _("评价数"), *[str(level.label) for level in LEVELS], _("满意率（%）")]


def figure_cells(label: str, f: stats.Figures) -> list:
    return [label, f.received, f.accepted, f.finished, f.on_time, f.on_time_rate, f.average_days, f.rated,
            *f.level_counts, f.satisfaction]


def stats_workbook(report: stats.Report) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, _("合计"), figure_header(_("范围")), [figure_cells(_("合计"), report.total)])
    _sheet(wb, _("按月"), figure_header(_("月份")),
           [figure_cells(stats.month_label(report.year, m), f) for m, f in report.by_month.items()])
    if report.rows:
        first = _("部门") if report.row_kind == "organisation" else _("事项")
        _sheet(wb, _("按部门") if report.row_kind == "organisation" else _("按事项"), figure_header(first),
               [figure_cells(label, f) for _key, label, f in report.rows])
    return wb


def supervision_workbook(data: dict) -> Workbook:
    from casefile.models import ColourChoice

    colour_labels = dict(ColourChoice.choices)
    wb = Workbook()
    wb.remove(wb.active)
    header = [_("部门"), _("在办"), *[str(colour_labels[c]) for c in COLOURS], _("今日到期"), _("环节超时"),
              _("逾期告知补正"), _("不予受理/许可未说明理由"), _("差评整改未办结"), _("差评整改超期")]

    def cells(d) -> list:
        return [d.name, d.open, *d.colour_counts, d.due_today, d.stage_over, d.late_correction, d.no_ground,
                d.followups_open, d.followups_overdue]

    _sheet(wb, _("按部门"), header, [*[cells(d) for d in data["rows"]], cells(_named(data["totals"], _("合计")))])
    year = data["year"]
    month_header = [_("部门"), *[stats.month_label(year, m) for m in range(1, 13)]]
    for key, title in (("received", _("按月收件")), ("finished", _("按月办结")), ("late", _("按月超期办结"))):
        _sheet(wb, title, month_header, [
            [data["names"].get(org, org), *[months[m][key] for m in range(1, 13)]]
            for org, months in data["monthly"].items()
        ])
    case_header = [_("办件编号"), _("部门"), _("事项"), _("状态"), _("收件日期"), _("办理期限"), _("环节期限")]
    from services.licensing.constants import Status

    labels = dict(Status.choices)
    for key, title in (("overdue", _("超期办件")), ("due_today", _("今日到期")), ("stage_over", _("环节超时")),
                       ("late_correction", _("逾期告知补正")), ("no_ground", _("未说明理由"))):
        _sheet(wb, title, case_header, [
            [r["receipt_number"], r["organisation__name"], r["item_title"], labels.get(r["status"], r["status"]),
             _iso(r["received_on"]), _iso(r["due_on"]), _iso(r["stage_due_on"])]
            for r in data["lists"][key]
        ])
    _sheet(wb, _("差评整改"), [_("办件编号"), _("部门"), _("评价"), _("整改期限"), _("已答复"), _("已回访")], [
        [f.rating.application.receipt_number, f.organisation.localized_name, f.rating.get_level_display(),
         _iso(f.due_on), _("是") if f.answered_at else _("否"), _("是") if f.callback_at else _("否")]
        for f in data["followups"]
    ])
    return wb


def _iso(value) -> str:
    return value.isoformat() if value else ""


def _named(row, name: str):
    row.name = name
    return row
