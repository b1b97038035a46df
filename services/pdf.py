"""The guide (办事指南) of an item as a PDF (fpdf2), in the page's language.

Set in the cluster's PDF fonts (``pdffonts``): Chinese and English in Noto
Sans CJK, Mongolian shaped and horizontal (fpdf2 cannot set vertical lines;
the HTML guide is the vertical version).
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

from django.utils import translation
from django.utils.translation import gettext as _

from pdffonts import fonts_for


def guide_filename(page) -> str:
    return quote(f"{page.item_code}-{page.title}.pdf".replace("/", "-"))


def plain(html: str) -> str:
    """Rich text as lines of plain text (paragraphs and list items on their own lines)."""
    text = re.sub(r"<li[^>]*>", "• ", html or "")
    text = re.sub(r"</p>|<br\s*/?>|</li>|</h\d>", "\n", text)
    text = unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def guide_sections(page) -> list[tuple[str, str]]:
    """(heading, text) of the guide in the national order; the HTML page shows the same."""
    limit = _("法定办结时限：%(statutory)d个工作日") % {"statutory": page.statutory_limit}
    if page.promised_limit is not None:
        limit += "\n" + _("承诺办结时限：%(promised)d个工作日") % {"promised": page.promised_limit}
    fee = _("不收费") if page.free else "\n".join(p for p in (page.fee, page.fee_basis and _("收费依据：") + page.fee_basis) if p)
    visits = _("零跑动（全程网上办理）") if page.visits == 0 else _("%(n)d次") % {"n": page.visits}
    ways = [_("全程网办") if page.fully_online else _("网上申请、窗口办理")]
    sections = [
        (_("事项编码"), page.item_code),
        (_("事项类型"), page.get_kind_display()),
        (_("实施主体"), page.organisation.localized_name),
        (_("服务对象"), page.get_audience_display()),
        (_("设定依据"), plain(page.legal_basis)),
        (_("受理条件"), plain(page.conditions)),
        (_("办理流程"), plain(page.procedure)),
        (_("办理时限"), limit),
        (_("收费标准"), fee),
        (_("办理结果"), page.result),
        (_("办理地点"), page.place),
        (_("办理时间"), page.hours),
        (_("到办事现场次数"), visits),
        (_("办理方式"), "、".join(str(w) for w in ways)),
        (_("咨询电话"), page.enquiry_phone),
        (_("监督投诉电话"), page.complaint_phone),
    ]
    return [(str(h), t) for h, t in sections if t]


def material_rows(page) -> list[list[str]]:
    rows = []
    for number, m in enumerate(page.materials.all(), start=1):
        rows.append([
            str(number), m.name, m.get_form_display(), str(m.copies),
            str(_("必要")) if m.required else str(_("非必要")), m.get_source_display(), m.note,
        ])
    return rows


def guide_pdf(page) -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    heads = [_("序号"), _("材料名称"), _("材料形式"), _("份数"), _("是否必要"), _("来源渠道"), _("填报须知")]
    title = page.title
    sections = guide_sections(page)
    rows = material_rows(page)
    text = "".join([title, str(_("办事指南")), str(_("申请材料")), *map(str, heads)]
                   + [h + t for h, t in sections] + ["".join(r) for r in rows])

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_title(f"{title} {_('办事指南')}")
    lang = translation.get_language() or "zh-hans"
    pdf.set_lang({"en": "en", "mn-mong": "mn-Mong"}.get(lang, "zh-CN"))
    with fonts_for(pdf, text):
        pdf.add_page()
        pdf.set_font("cjk", size=17)
        pdf.multi_cell(0, 10, title, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=11)
        pdf.multi_cell(0, 7, str(_("办事指南")), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        head_style = FontFace(emphasis="", fill_color=(232, 238, 246))
        pdf.set_font("cjk", size=10)
        with pdf.table(col_widths=(1, 4), first_row_as_headings=False, line_height=6) as grid:
            for heading, body in sections:
                row = grid.row()
                row.cell(heading, style=head_style)
                row.cell(body)
        pdf.ln(4)
        if rows:
            pdf.set_font("cjk", size=12)
            pdf.multi_cell(0, 8, str(_("申请材料")), new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("cjk", size=8)
            with pdf.table(col_widths=(1, 6, 3, 1.5, 2, 3, 6), headings_style=head_style, line_height=5) as grid:
                grid.row([str(h) for h in heads])
                for r in rows:
                    grid.row(r)
        return bytes(pdf.output())
