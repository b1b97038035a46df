"""Table 三 of the annual report (收到和处理政府信息公开申请情况).

``annual_figures(organisation, year)`` → {row code: {column code: count}}.
A request counts in ``received`` in the year it was received, in an outcome row
in the year it was answered or closed, in ``carried_in`` if received before the
year and still open on 1 January, in ``carried_out`` if open on 31 December.
So for every column: carried_in + received = answered_total + carried_out.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import ApplicantKind, Outcome
from .models import DisclosureRequest

COLUMNS = [
    ("natural", _("自然人")),
    ("commercial", _("商业企业")),
    ("research", _("科研机构")),
    ("public_interest", _("社会公益组织")),
    ("legal_services", _("法律服务机构")),
    ("other_org", _("其他")),
    ("total", _("总计")),
]
KIND_COLUMNS = [code for code, _label in COLUMNS if code != "total"]

ROWS = [
    ("received", _("一、本年新收政府信息公开申请数量")),
    ("carried_in", _("二、上年结转政府信息公开申请数量")),
    ("grant", _("（一）予以公开")),
    ("partial", _("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")),
    ("refuse_secret", _("1.属于国家秘密")),
    ("refuse_law", _("2.其他法律行政法规禁止公开")),
    ("refuse_security", _("3.危及“三安全一稳定”")),
    ("refuse_third_party", _("4.保护第三方合法权益")),
    ("refuse_internal", _("5.属于三类内部事务信息")),
    ("refuse_process", _("6.属于四类过程性信息")),
    ("refuse_enforcement", _("7.属于行政执法案卷")),
    ("refuse_query", _("8.属于行政查询事项")),
    ("unable_not_held", _("1.本机关不掌握相关政府信息")),
    ("unable_not_existing", _("2.没有现成信息需要另行制作")),
    ("unable_unclear", _("3.补正后申请内容仍不明确")),
    ("nothandled_petition", _("1.信访举报投诉类申请")),
    ("nothandled_repeat", _("2.重复申请")),
    ("nothandled_publication", _("3.要求提供公开出版物")),
    ("nothandled_massive", _("4.无正当理由大量反复申请")),
    ("nothandled_confirm", _("5.要求行政机关确认或重新出具已获取信息")),
    ("other_no_correction", _("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")),
    ("other_no_fee", _("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")),
    ("other_other", _("3.其他")),
    ("answered_total", _("（七）总计")),
    ("carried_out", _("四、结转下年度继续办理")),
]
OUTCOME_ROWS = [o.value for o in Outcome]
assert set(OUTCOME_ROWS) <= {code for code, _label in ROWS}
assert [k.value for k in ApplicantKind] == KIND_COLUMNS


def _start_of(year: int) -> datetime:
    return timezone.make_aware(datetime.combine(date(year, 1, 1), time.min))


def annual_figures(organisation, year: int) -> dict[str, dict[str, int]]:
    figures = {row: {col: 0 for col, _label in COLUMNS} for row, _label in ROWS}
    start, end = _start_of(year), _start_of(year + 1)
    # a request whose receipt is not yet confirmed (条例 第三十一条) is not received yet
    qs = DisclosureRequest.objects.filter(organisation=organisation, received_on__isnull=False)
    for kind, received_on, answered_at, outcome in qs.values_list(
        "applicant_kind", "received_on", "answered_at", "outcome"
    ):
        decided = answered_at if outcome else None
        if received_on.year == year:
            figures["received"][kind] += 1
        if received_on.year < year and (decided is None or decided >= start):
            figures["carried_in"][kind] += 1
        if decided is not None and start <= decided < end:
            figures[outcome][kind] += 1
            figures["answered_total"][kind] += 1
        if received_on.year <= year and (decided is None or decided >= end):
            figures["carried_out"][kind] += 1
    for row in figures.values():
        row["total"] = sum(row[col] for col in KIND_COLUMNS)
    return figures
