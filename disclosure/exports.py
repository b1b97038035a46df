"""The annual report as a spreadsheet (openpyxl) and as a PDF (fpdf2).

Both render the tables of ``annual_report.build_report``, so they show exactly
the numbers of the web page. The PDF needs a CJK font from the system (Debian:
fonts-noto-cjk); without one it fails with a message saying so.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from html import unescape
from urllib.parse import quote

from django.utils.translation import gettext as _

from pdffonts import fonts_for

from .annual_report import AnnualReport


def report_filename(page, ext: str) -> str:
    return quote(f"{page.organisation.name}{page.year}年政府信息公开工作年度报告.{ext}")


def _plain(html: str) -> str:
    text = re.sub(r"</p>|<br\s*/?>|</li>|</h\d>", "\n", html or "")
    text = re.sub(r"<[^>]+>", "", text)
    return "\n".join(line.strip() for line in unescape(text).splitlines() if line.strip())


def report_xlsx(report: AnnualReport) -> bytes:
    """One sheet per table; numbers are stored as numbers (fees as a decimal)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    first = True
    for table in report.tables:
        ws = wb.active if first else wb.create_sheet()
        first = False
        # Sheet names: max 31 characters, no []:*?/\
        ws.title = re.sub(r"[\[\]:*?/\\]", "", table.caption)[:31]
        ws.append([f"{report.organisation}{report.year}年 {table.caption}"])
        ws["A1"].font = Font(bold=True)
        for block in table.blocks:
            ws.append([])
            ws.append(list(block.columns))
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(wrap_text=True)
            for label, cells in block.rows:
                if cells is None:
                    ws.append([label])
                    ws.cell(ws.max_row, 1).font = Font(bold=True)
                else:
                    ws.append([label] + [float(v) if isinstance(v, Decimal) else v for v in cells])
        ws.column_dimensions["A"].width = 48
    texts = wb.create_sheet(_("文字部分"))
    for heading, html in report.texts:
        texts.append([heading])
        texts.append([_plain(html)])
        texts.cell(texts.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    texts.column_dimensions["A"].width = 100
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _all_text(report: AnnualReport) -> str:
    parts = [report.title, "0123456789.,-（）、：，。 "]
    parts += [h + _plain(t) for h, t in report.texts]
    for table in report.tables:
        parts.append(table.caption)
        for block in table.blocks:
            parts += block.columns
            parts += [label for label, _cells in block.rows]
    return "".join(parts)


def report_pdf(report: AnnualReport) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    with fonts_for(pdf, _all_text(report)):
        return _render_pdf(pdf, report)


def _render_pdf(pdf, report: AnnualReport) -> bytes:
    from fpdf.fonts import FontFace

    pdf.set_title(report.title)
    pdf.set_lang("zh-CN")
    pdf.add_page()
    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 9, report.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    def text(heading: str, html: str) -> None:
        pdf.set_font("cjk", size=12)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=10)
        body = _plain(html)
        if body:
            pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)

    text(*report.texts[0])
    head_style = FontFace(emphasis="", fill_color=(230, 236, 244))
    for table in report.tables:
        pdf.set_font("cjk", size=12)
        pdf.multi_cell(0, 7, table.caption, new_x="LMARGIN", new_y="NEXT")
        for block in table.blocks:
            pdf.set_font("cjk", size=8 if len(block.columns) > 5 else 9)
            label_width = 3 if len(block.columns) > 5 else 2
            widths = [label_width] + [1] * (len(block.columns) - 1)
            with pdf.table(col_widths=widths, headings_style=head_style, line_height=5) as grid:
                grid.row(list(block.columns))
                for label, cells in block.rows:
                    row = grid.row()
                    if cells is None:
                        row.cell(label, colspan=len(block.columns))
                    else:
                        row.cell(label)
                        for value in cells:
                            row.cell(str(value), align="R")
            pdf.ln(3)
    for heading, html in report.texts[1:]:
        text(heading, html)
    return bytes(pdf.output())
