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
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.utils.translation import gettext as _

from .annual_report import AnnualReport

CJK_FONTS = [
    # (path, face index in a collection): Simplified Chinese faces first
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
]


class FontMissing(RuntimeError):
    pass


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


def find_cjk_font() -> tuple[str, int]:
    configured = getattr(settings, "DISCLOSURE_PDF_FONT", "")
    candidates = [(configured, 0)] if configured else CJK_FONTS
    for path, face in candidates:
        if path and Path(path).is_file():
            return path, face
    raise FontMissing(
        _("无法生成PDF：服务器上没有中文字体（请安装 fonts-noto-cjk，或在设置 DISCLOSURE_PDF_FONT 中指定字体文件）。")
    )


def truetype_subset(path: str, face: int, text: str) -> bytes:
    """The glyphs of ``text`` from a CJK font, as a small TrueType font.

    Noto CJK has CFF outlines; fpdf2 embeds those with a custom encoding CMap
    that PDF text extractors (pypdf among them) misread, so copying text out
    of the PDF gave garbage. Subsetting and converting the outlines to
    TrueType makes fpdf2 use Identity-H, which every reader understands.
    """
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(path, fontNumber=face, lazy=True) if path.endswith((".ttc", ".otc")) else TTFont(path, lazy=True)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    if "CFF " in font:
        order = font.getGlyphOrder()
        glyph_set = font.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder, glyf.glyphs = order, {}
        for name in order:
            pen = TTGlyphPen(glyph_set)
            glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyf.glyphs[name] = pen.glyph()
        font["glyf"], font["loca"] = glyf, newTable("loca")
        maxp = font["maxp"]
        maxp.tableVersion = 0x00010000
        for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                     "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
            setattr(maxp, attr, 0)
        maxp.maxZones = 1
        for tag in ("CFF ", "VORG"):
            if tag in font:
                del font[tag]
        font.sfntVersion = "\x00\x01\x00\x00"
        post = font["post"]
        post.formatType, post.extraNames, post.mapping = 2.0, [], {}
        post.glyphOrder = order
    buf = io.BytesIO()
    font.save(buf)
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
    import tempfile

    from fpdf import FPDF

    path, face = find_cjk_font()
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    with tempfile.NamedTemporaryFile(suffix=".ttf") as font_file:
        font_file.write(truetype_subset(path, face, _all_text(report)))
        font_file.flush()
        pdf.add_font("cjk", fname=font_file.name)
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
