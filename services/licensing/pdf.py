"""PDFs for applicants: the receipt (回执) and a generated licence or decision.

fpdf2 with a CJK font from the system (Noto CJK), subset and converted to
TrueType so the text can be copied out of the PDF again; Mongolian text falls
back to Noto Sans Mongolian (set horizontally: a PDF reader lays it out so).
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

CJK_FONTS = [
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
]
MONGOLIAN_FONTS = [
    "/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf",
    str(Path(settings.BASE_DIR) / "themes/mongolian/static/themes/mongolian/fonts/NotoSansMongolian-Regular.ttf"),
]


class FontMissing(RuntimeError):
    pass


def _cjk_font() -> tuple[str, int]:
    configured = getattr(settings, "LICENSING_PDF_FONT", "")
    for path, face in [(configured, 0)] if configured else CJK_FONTS:
        if path and Path(path).is_file():
            return path, face
    raise FontMissing(_("无法生成PDF：服务器上没有中文字体（请安装 fonts-noto-cjk）。"))


def _subset(path: str, face: int, text: str) -> bytes:
    """The glyphs of ``text`` as a small TrueType font (CFF outlines converted:
    fpdf2 then writes Identity-H, which text extractors read back)."""
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


def _document(title: str, lines: list[tuple[str, str]], footer: str = "") -> bytes:
    """A one-column document: a title, then (label, value) lines."""
    from fpdf import FPDF

    text = title + footer + "".join(a + b for a, b in lines) + "0123456789-:：（）()、，。 "
    path, face = _cjk_font()
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    with tempfile.NamedTemporaryFile(suffix=".ttf") as font_file:
        font_file.write(_subset(path, face, text))
        font_file.flush()
        pdf.add_font("cjk", fname=font_file.name)
        mongolian = next((p for p in MONGOLIAN_FONTS if Path(p).is_file()), None)
        if mongolian and any("\u1800" <= ch <= "\u18af" for ch in text):
            pdf.add_font("mong", fname=mongolian)
            pdf.set_fallback_fonts(["mong"])
        pdf.set_title(title)
        pdf.add_page()
        pdf.set_font("cjk", size=16)
        pdf.multi_cell(0, 10, title, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        for label, value in lines:
            pdf.set_font("cjk", size=11)
            if label:
                pdf.multi_cell(0, 7, f"{label}：{value}", new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.multi_cell(0, 7, value, new_x="LMARGIN", new_y="NEXT")
        if footer:
            pdf.ln(6)
            pdf.set_font("cjk", size=10)
            pdf.multi_cell(0, 6, footer, new_x="LMARGIN", new_y="NEXT")
        return bytes(pdf.output())


def receipt_pdf(app) -> bytes:
    """回执: who applied for what, the receipt number, the materials received and the promised deadline."""
    from .service import decision_limit

    lines = [
        (_("办件编号"), app.receipt_number),
        (_("办理事项"), f"{app.item_title}（{app.item_code}）"),
        (_("受理机关"), app.organisation.localized_name),
        (_("申请人"), app.applicant_name),
        (_("提交时间"), timezone.localtime(app.submitted_at).strftime("%Y-%m-%d %H:%M")),
        (_("受理期限"), app.acceptance_due_on.isoformat() if app.acceptance_due_on else _("待定")),
        (_("承诺办结时限"), _("受理后 %(days)s 个工作日") % {"days": decision_limit(app.item).days}),
        ("", _("已收到的申请材料：")),
    ]
    for i, m in enumerate(app.current_materials, start=1):
        lines.append(("", f"{i}. {m.material_name}：{m.original_name}"))
    footer = _("请妥善保管办件编号和查询码，凭其在网站“网上办事”栏目查询办理进度。本回执不作为受理凭证。")
    return _document(_("网上办事申请回执"), lines, footer)


def licence_pdf(app) -> bytes:
    """A generated decision document (准予 / 不予行政许可决定书)."""
    from .constants import Decision

    granted = app.decision == Decision.GRANTED
    title = _("准予行政许可决定书") if granted else _("不予行政许可决定书")
    lines = [
        (_("编号"), app.receipt_number),
        (_("申请人"), app.applicant_name),
        (_("许可事项"), app.item_title),
        (_("决定"), str(app.get_decision_display())),
        (_("决定日期"), timezone.localtime(app.decided_at).date().isoformat() if app.decided_at else ""),
    ]
    if app.decision_ground:
        lines.append((_("理由和依据"), app.decision_ground))
    if not granted:
        lines.append(("", app.remedies))
    return _document(title, lines, app.organisation.localized_name)
