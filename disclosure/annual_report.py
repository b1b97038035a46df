"""The tables of the 政府信息公开工作年度报告 (State Council template of 2021).

``build_report`` turns one AnnualReportPage into plain tables; the HTML page,
the spreadsheet and the PDF all render these same tables, so they cannot
disagree about a number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

Number = int | Decimal


@dataclass
class Block:
    """A part of a table with its own column headings (table 二 has three)."""

    columns: list[str]  # the first is the heading of the row-label column
    # (label, cells): cells is a list of numbers, or None for a group heading row
    rows: list[tuple[str, list[Number] | None]] = field(default_factory=list)


@dataclass
class Table:
    key: str
    caption: str
    blocks: list[Block]

    def value(self, label: str, column: str) -> Number:
        """The number in the row ``label`` and column ``column`` (for checks and tests)."""
        for block in self.blocks:
            if column in block.columns:
                for row_label, cells in block.rows:
                    if row_label == label and cells is not None:
                        return cells[block.columns.index(column) - 1]
        raise KeyError((label, column))


@dataclass
class AnnualReport:
    title: str
    organisation: str
    year: int
    texts: list[tuple[str, str]]  # (heading, rich-text HTML) of 一, 五, 六
    tables: list[Table]
    figures: dict[str, dict[str, int]]  # table 三 by code, as the applications module gives it


def document_counts(organisation, year: int, doc_type: str) -> tuple[int, int, int]:
    """本年制发件数, 本年废止件数, 现行有效件数 of one type, from the catalogue."""
    from .models import DisclosureDocumentPage, Validity

    docs = DisclosureDocumentPage.objects.live().filter(organisation=organisation, doc_type=doc_type)
    end = dt.date(year, 12, 31)
    issued = docs.filter(publish_date__year=year).count()
    ended = docs.exclude(validity=Validity.VALID).filter(validity_date__year=year).count()
    in_force = (
        docs.filter(publish_date__lte=end)
        .filter(Q(validity=Validity.VALID) | Q(validity_date__gt=end))
        .count()
    )
    return issued, ended, in_force


def application_figures(organisation, year: int):
    """Table 三 from the applications module: (rows, columns, figures)."""
    try:
        from .applications import stats
    except ImportError:  # the applications module is not installed
        return [], [], {}
    return stats.ROWS, stats.COLUMNS, stats.annual_figures(organisation, year)


# The outcome rows of table 三 sit under these group headings of the template.
_GROUPS = {
    "grant": gettext_noop("三、本年度办理结果"),
    "refuse_secret": gettext_noop("（三）不予公开"),
    "unable_not_held": gettext_noop("（四）无法提供"),
    "nothandled_petition": gettext_noop("（五）不予处理"),
    "other_no_correction": gettext_noop("（六）其他处理"),
}


def build_report(page) -> AnnualReport:
    from .models import REVIEW_GROUPS, REVIEW_OUTCOMES, DocumentType

    org, year = page.organisation, page.year

    documents = Block([_("信息内容"), _("本年制发件数"), _("本年废止件数"), _("现行有效件数")])
    for doc_type, label in ((DocumentType.RULES, _("规章")), (DocumentType.REGULATION, _("行政规范性文件"))):
        documents.rows.append((label, list(document_counts(org, year, doc_type))))
    decisions = Block([_("信息内容"), _("本年处理决定数量")])
    decisions.rows += [
        (_("行政许可"), [page.licences]),
        (_("行政处罚"), [page.penalties]),
        (_("行政强制"), [page.enforcements]),
    ]
    fees = Block([_("信息内容"), _("本年收费金额（单位：万元）")], [(_("行政事业性收费"), [page.fees])])
    active = Table("active", _("二、主动公开政府信息情况"), [documents, decisions, fees])

    rows, columns, figures = application_figures(org, year)
    block = Block([_("办理情况")] + [str(label) for _c, label in columns])
    for code, label in rows:
        if code in _GROUPS:
            block.rows.append((_(_GROUPS[code]), None))
        block.rows.append((str(label), [figures.get(code, {}).get(c, 0) for c, _l in columns]))
    applications = Table("applications", _("三、收到和处理政府信息公开申请情况"), [block])

    block = Block([_("类别")] + [str(label) for _o, label in REVIEW_OUTCOMES])
    for group, label in REVIEW_GROUPS:
        block.rows.append((str(label), [getattr(page, f"{group}_{o}") for o, _l in REVIEW_OUTCOMES]))
    review = Table("review", _("四、政府信息公开行政复议、行政诉讼情况"), [block])

    texts = [
        (_("一、总体情况"), page.overview),
        (_("五、存在的主要问题及改进情况"), page.problems),
        (_("六、其他需要报告的事项"), page.other_matters),
    ]
    return AnnualReport(
        title=page.title,
        organisation=org.name,
        year=year,
        texts=texts,
        tables=[active, applications, review],
        figures=figures,
    )
