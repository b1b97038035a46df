"""意见征集: taking comments, moderating them, the public view and the export."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from moderation.service import screen
from privacy.service import mask_name, mask_text

from .constants import Adoption, CommentStatus
from .models import Comment, ConsultationPage


class ConsultationClosed(Exception):
    """The draft is not (or no longer) open for comments."""


class UnknownSection(Exception):
    pass


def submit_comment(
    *, consultation: ConsultationPage, text: str, section_key: str = "", name: str = "", show_name: bool = False,
    phone: str = "", account=None, language: str = "zh-hans",
) -> Comment:
    """Store one comment. A sensitive-word hit sends it to a reviewer
    (``needs_review``); it is kept like any other and never refused for it."""
    if not consultation.is_open:
        raise ConsultationClosed
    labels = dict(consultation.section_choices())
    if section_key and section_key not in labels:
        raise UnknownSection
    hits = screen(text, name)
    return Comment.objects.create(
        consultation=consultation, section_key=section_key, section_label=labels.get(section_key, ""),
        text=text, name=name, show_name=show_name and bool(name), phone=phone, account=account, language=language,
        status=CommentStatus.NEEDS_REVIEW if hits else CommentStatus.PENDING,
        sensitive_words="、".join(hits)[:300],
    )


def moderate(*, comment: Comment, status: str, user, adoption: str | None = None, note: str | None = None) -> Comment:
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        comment.status = status
        if adoption is not None:
            comment.adoption = adoption
        if note is not None:
            comment.adoption_note = note
        comment.moderated_at = timezone.now()
        comment.moderated_by = user
        comment.save()
    return comment


@dataclass(frozen=True)
class PublicComment:
    """What the public sees of a comment: masked text, a name only if allowed."""

    section: str
    text: str
    author: str
    date: object
    adoption: str
    adoption_label: str
    adoption_note: str


def _public(comment: Comment) -> PublicComment:
    author = mask_name(comment.name) if comment.show_name and comment.name else _("网友")
    return PublicComment(
        section=comment.on_section, text=mask_text(comment.text), author=author, date=comment.created,
        adoption=comment.adoption, adoption_label=comment.get_adoption_display() if comment.adoption else "",
        adoption_note=mask_text(comment.adoption_note),
    )


def public_comments(consultation: ConsultationPage) -> list[PublicComment]:
    """Approved comments only: pending, flagged and rejected ones are never shown."""
    rows = consultation.comments.filter(status=CommentStatus.APPROVED).order_by("created", "pk")
    return [_public(c) for c in rows]


@dataclass(frozen=True)
class Adoptions:
    received: int
    approved: int
    adopted: int
    partly: int
    not_adopted: int


def adoption_figures(consultation: ConsultationPage) -> Adoptions:
    """第三十二条: how many comments came in and what became of them."""
    comments = consultation.comments.all()
    approved = comments.filter(status=CommentStatus.APPROVED)
    return Adoptions(
        received=comments.count(),
        approved=approved.count(),
        adopted=approved.filter(adoption=Adoption.ADOPTED).count(),
        partly=approved.filter(adoption=Adoption.PARTLY).count(),
        not_adopted=approved.filter(adoption=Adoption.NOT_ADOPTED).count(),
    )


def comments_xlsx(consultation: ConsultationPage) -> bytes:
    """Every comment of a draft (staff only: contact details unmasked)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _("意见")[:31]
    sheet.append([
        _("序号"), _("提交时间"), _("针对条款"), _("意见内容"), _("姓名"), _("同意公开姓名"), _("手机号码"),
        _("审核状态"), _("命中敏感词"), _("采纳情况"), _("采纳说明"),
    ])
    rows = consultation.comments.order_by("created", "pk")
    for number, c in enumerate(rows, start=1):
        sheet.append([
            number, timezone.localtime(c.created).strftime("%Y-%m-%d %H:%M"), c.on_section, _cell(c.text),
            _cell(c.name), _("是") if c.show_name else _("否"), c.phone, c.get_status_display(),
            c.sensitive_words, c.get_adoption_display() if c.adoption else "", _cell(c.adoption_note),
        ])
    sheet.column_dimensions["D"].width = 80
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: str) -> str:
    """Text as a spreadsheet shows it, never as a formula (=, +, -, @ first)."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value
