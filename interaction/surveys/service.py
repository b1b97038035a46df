"""网上调查: answering, results, charts and the export."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from .models import Response, SurveyPage

TEXT_MAX = 1000
_SCRIPT_RE = re.compile(rb"<script\b.*?</script>", re.S)


class SurveyClosed(Exception):
    pass


class AlreadyAnswered(Exception):
    pass


def phone_hash(survey: SurveyPage, phone: str) -> str:
    return salted_hmac("surveys.respondent", f"{survey.pk}:{phone}", algorithm="sha256").hexdigest()


def has_answered(survey: SurveyPage, *, phone: str, account=None) -> bool:
    rows = Response.objects.filter(survey=survey)
    if account is not None and rows.filter(account=account).exists():
        return True
    return rows.filter(phone_hash=phone_hash(survey, phone)).exists()


def submit_response(*, survey: SurveyPage, answers: dict, phone: str, account=None, language: str = "zh-hans") -> Response:
    """Store one response; a second one for the same phone or account raises
    ``AlreadyAnswered`` (the unique indexes decide, so concurrent doubles too)."""
    if not survey.is_open:
        raise SurveyClosed
    try:
        with transaction.atomic():
            return Response.objects.create(
                survey=survey, phone_hash=phone_hash(survey, phone), account=account, answers=answers,
                language=language,
            )
    except IntegrityError:
        raise AlreadyAnswered from None


@dataclass
class Row:
    label: str
    count: int
    percent: float


@dataclass
class QuestionResult:
    key: str
    kind: str
    question: str
    answered: int
    rows: list[Row] = field(default_factory=list)
    average: float | None = None

    @property
    def charted(self) -> bool:
        return self.kind != "free_text"


def _options(block) -> list[str]:
    if block.block_type == "rating":
        low, high = block.value.get("low_label") or "", block.value.get("high_label") or ""
        return [f"1 {low}".strip(), "2", "3", "4", f"5 {high}".strip()]
    return list(block.value.get("choices") or [])


def results(survey: SurveyPage) -> list[QuestionResult]:
    answers = list(survey.responses.values_list("answers", flat=True))
    out = []
    for block in survey.questions:
        given = [a.get(block.id) for a in answers if a.get(block.id) not in (None, "", [])]
        result = QuestionResult(block.id, block.block_type, block.value["question"], len(given))
        if block.block_type != "free_text":
            options = _options(block)
            counts = [0] * len(options)
            for value in given:
                for v in value if isinstance(value, list) else [value]:
                    index = int(v) - (1 if block.block_type == "rating" else 0) if str(v).isdigit() else -1
                    if 0 <= index < len(counts):
                        counts[index] += 1
            result.rows = [Row(label, n, round(100 * n / len(given), 1) if given else 0.0)
                           for label, n in zip(options, counts, strict=True)]
            if block.block_type == "rating" and given:
                result.average = round(sum(int(v) for v in given if str(v).isdigit()) / len(given), 2)
        out.append(result)
    return out


def chart_svg(result: QuestionResult) -> bytes:
    """A horizontal bar chart of one question (pygal, no script)."""
    import pygal
    from pygal.style import Style

    style = Style(
        background="white", plot_background="white", foreground="#222", foreground_strong="#111",
        foreground_subtle="#555", colors=("#0b5a8a",),
        font_family='"Noto Sans CJK SC", "Noto Sans Mongolian", sans-serif', label_font_size=14, title_font_size=16,
        value_font_size=13,
    )
    chart = pygal.HorizontalBar(
        style=style, show_legend=False, print_values=True, width=640, height=max(160, 60 + 44 * len(result.rows)),
        js=[], disable_xml_declaration=False, x_title=_("人数"), truncate_label=-1,
    )
    chart.title = result.question
    chart.x_labels = [r.label for r in result.rows]
    chart.add(_("人数"), [r.count for r in result.rows])
    # pygal writes its config as a script even without its JavaScript: an image needs none
    return _SCRIPT_RE.sub(b"", chart.render())


def responses_xlsx(survey: SurveyPage) -> bytes:
    from openpyxl import Workbook

    from interaction.consultations.service import _cell

    book = Workbook()
    sheet = book.active
    sheet.title = _("答卷")[:31]
    questions = list(survey.questions)
    sheet.append([_("序号"), _("提交时间"), _("语言")] + [b.value["question"] for b in questions])
    for number, response in enumerate(survey.responses.order_by("created", "pk"), start=1):
        row = [number, timezone.localtime(response.created).strftime("%Y-%m-%d %H:%M"), response.language]
        for block in questions:
            value = response.answers.get(block.id)
            if block.block_type in ("single_choice", "multiple_choice"):
                options = _options(block)
                picked = value if isinstance(value, list) else ([value] if value not in (None, "") else [])
                row.append("；".join(options[int(v)] for v in picked if str(v).isdigit() and int(v) < len(options)))
            elif block.block_type == "rating":
                row.append(int(value) if str(value or "").isdigit() else None)
            else:
                row.append(_cell(value or ""))
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
