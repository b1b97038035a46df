"""Public pages of 好差评: rating a finished case, and the statistics of the
online services (all departments, one department, one item)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from casefile.service import LookupRateLimited
from cluster.models import Organisation
from cluster.views import rate_limited
from formguard.abuse import needs_captcha, note_attempt
from formguard.guard import rate_limit, run_once

from . import charts, export, service, stats
from .constants import LEVELS, Channel
from .forms import RatingForm

SESSION_RATED = "banshi_rated"
RATE_SCOPE = "banshi-rate"
STATS_CACHE_SECONDS = 300  # the public statistics page (said on the page)


def _known_case(request, token: str, number: str):
    """The case the visitor is already known to hold: a signed link from the
    status page, or their own account's case. None: ask for the query code."""
    if token:
        case = service.case_for_token(token)
        if case is not None:
            return case
    return service.owned_case(request.user, number)


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(rate="10/m", group=RATE_SCOPE)
def rate(request):
    source = request.POST if request.method == "POST" else request.GET
    token, number = source.get("t", ""), source.get("n", "") or source.get("receipt_number", "")
    known = _known_case(request, token, number)
    captcha = known is None and needs_captcha(request, RATE_SCOPE)
    context: dict = {"case": known}
    if request.method == "POST":
        form = RatingForm(request.POST, needs_code=known is None, captcha=captcha)
        valid = form.is_valid()
        case = known
        if valid and case is None:
            try:
                case = service.lookup(request, receipt_number=form.cleaned_data["receipt_number"],
                                      query_code=form.cleaned_data["query_code"])
            except LookupRateLimited:
                return rate_limited(request)
            if case is None:
                form.add_error(None, _("没有找到与该办件编号和查询码相符的办件，请核对后重新输入。"))
        if note_attempt(request, RATE_SCOPE, failed=case is None or not valid) and known is None:
            form.add_captcha()
        if valid and case is not None:
            def create() -> str:
                rating = service.rate(
                    case=case, level=form.cleaned_data["level"], comment=form.cleaned_data.get("comment", ""),
                    channel=Channel.ACCOUNT if case.account_id and case.account_id == request.user.pk else Channel.WEB,
                    account=request.user,
                )
                return rating.application.receipt_number

            try:
                done, _created = run_once(scope=RATE_SCOPE, token=form.submit_token, create=create)
            except service.RatingRefused as refused:
                form.add_error(None, refused)
                context["refused"] = refused.code
            else:
                request.session[SESSION_RATED] = [*request.session.get(SESSION_RATED, [])[-9:], done]
                return redirect(f"{reverse('service_feedback:thanks')}?n={done}")
    else:
        form = RatingForm(initial={"t": token, "receipt_number": number}, needs_code=known is None, captcha=captcha)
    if known is not None:
        context["state"] = service.rate_state(known)
        form.initial["t"] = token
    context["form"] = form
    return TemplateResponse(request, "service_feedback/rate.html", context)


@never_cache
@require_http_methods(["GET"])
def thanks(request):
    number = request.GET.get("n", "")
    if number not in request.session.get(SESSION_RATED, []):
        return redirect("service_feedback:rate")
    case = service.owned_case(request.user, number) or service._cases().filter(receipt_number=number).first()
    if case is None:
        raise Http404
    return TemplateResponse(request, "service_feedback/thanks.html",
                            {"case": case, "rating": service.rating_of(case)})


# -- statistics ---------------------------------------------------------------------


def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


@require_http_methods(["GET"])
def statistics(request, org_id: int | None = None, item_code: str = "", xlsx: bool = False):
    organisation = get_object_or_404(Organisation, pk=org_id) if org_id else None
    if item_code and not service.LicenceApplication.objects.filter(item_code=item_code).exists():
        from services.models import ServiceItemPage

        if not ServiceItemPage.objects.filter(item_code=item_code).exists():
            raise Http404
    year = _year(request)
    if xlsx:  # the export always counts afresh
        report = stats.report(year, organisation=organisation, item_code=item_code)
        name = f"banshi-tongji-{year}" + (f"-{org_id}" if org_id else "") + (f"-{item_code}" if item_code else "")
        return export.response(export.stats_workbook(report), f"{name}.xlsx")
    # the page's figures and charts, counted at most every few minutes per scope, year and
    # language: a year's grouped counts read every application of it (half a second at 100,000)
    key = f"banshi-stats:{year}:{org_id or ''}:{item_code}:{translation.get_language()}"
    context = cache.get(key)
    if context is None:
        context = _stats_context(request, stats.report(year, organisation=organisation, item_code=item_code))
        cache.set(key, context, STATS_CACHE_SECONDS)
    return TemplateResponse(request, "service_feedback/statistics.html",
                            {**context, "cache_minutes": STATS_CACHE_SECONDS // 60})


def _stats_context(request, report: stats.Report) -> dict:
    months = [(stats.month_label(report.year, m), f) for m, f in report.by_month.items()]
    level_labels = stats.level_labels()
    scope = (report.item_title if report.item_code
             else report.organisation.localized_name if report.organisation else _("全部部门"))
    month_chart = charts.bar_chart(
        title=_("%(scope)s %(year)s年 每月收件与办结") % {"scope": scope, "year": report.year},
        labels=[label for label, _f in months],
        series=[(_("收件数"), [f.received for _l, f in months]), (_("办结数"), [f.finished for _l, f in months])],
        chart_id="chart-months",
    )
    rows_chart = None
    if report.rows:
        top = report.rows[:12]
        rows_chart = charts.bar_chart(
            title=(_("各部门收件与办结") if report.row_kind == "organisation" else _("各事项收件与办结")),
            labels=[label for _k, label, _f in top],
            series=[(_("收件数"), [f.received for *_x, f in top]), (_("办结数"), [f.finished for *_x, f in top])],
            chart_id="chart-rows", horizontal=True,
        )
    ratings_chart = charts.bar_chart(
        title=_("%(scope)s 服务评价分布") % {"scope": scope}, labels=level_labels,
        series=[(_("评价数"), report.total.level_counts)], chart_id="chart-ratings", horizontal=True,
    )
    if report.item_code:
        xlsx_url = reverse("service_feedback:stats_item_xlsx", kwargs={"item_code": report.item_code})
    elif report.organisation:
        xlsx_url = reverse("service_feedback:stats_org_xlsx", kwargs={"org_id": report.organisation.pk})
    else:
        xlsx_url = reverse("service_feedback:stats_xlsx")
    if report.row_kind == "organisation":
        rows = [(label, reverse("service_feedback:stats_org", kwargs={"org_id": key}), f)
                for key, label, f in report.rows]
    else:
        rows = [(label, reverse("service_feedback:stats_item", kwargs={"item_code": key}), f)
                for key, label, f in report.rows]
    return {
        "report": report, "months": [(label, "", f) for label, f in months], "rows": rows, "scope": scope, "level_labels": level_labels, "levels": LEVELS,
        "level_rows": list(zip(level_labels, report.total.level_counts, strict=True)),
        "month_chart": month_chart, "rows_chart": rows_chart, "ratings_chart": ratings_chart,
        "years": stats.years(), "xlsx_url": f"{xlsx_url}?year={report.year}",
    }
