"""PDFs for applicants: the receipt (回执) and a generated licence or decision.

fpdf2 with the cluster's PDF fonts (``pdffonts``): the text can be copied
out again, Mongolian is shaped and set horizontally.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from pdffonts import fonts_for


def _document(title: str, lines: list[tuple[str, str]], footer: str = "") -> bytes:
    """A one-column document: a title, then (label, value) lines."""
    from fpdf import FPDF

    text = title + footer + "".join(a + b for a, b in lines)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    with fonts_for(pdf, text):
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
