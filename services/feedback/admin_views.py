"""The admin side: the supervisors' view of the online services (电子监察,
beside the kernel's overview) with its charts and xlsx export, and the
departments' follow-ups of poor ratings (差评整改: answer and call-back)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from casefile.models import ColourChoice
from casefile.registry import for_model
from casefile.scope import is_supervisor
from services.licensing.constants import Status
from services.licensing.models import LicenceApplication

from . import charts, export, service, stats, supervision
from .forms import AnswerForm, CallbackForm

FOLLOWUP_PER_PAGE = 50


def _year(request, today) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return today.year
    return year if 2000 <= year <= 2100 else today.year


_SENTINEL = 987654321


def _detail_url(pk: int) -> str:
    try:
        from types import SimpleNamespace

        return for_model(LicenceApplication).detail_url(SimpleNamespace(pk=pk))
    except Exception:  # the licensing admin not mounted (yet): no link
        return ""


def _detail_urls():
    """pk → the case's admin page, reversed once per list rather than once per row."""
    base = _detail_url(_SENTINEL)
    return (lambda pk: base.replace(str(_SENTINEL), str(pk))) if base else (lambda pk: "")


def supervision_view(request, xlsx: bool = False):
    if not is_supervisor(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    if xlsx:  # the first LIST_LIMIT rows of each list
        data = supervision.overview(today=today, year=_year(request, today), per_page=supervision.LIST_LIMIT)
        return export.response(export.supervision_workbook(data), f"banshi-jiancha-{today.isoformat()}.xlsx")
    data = supervision.overview(today=today, year=_year(request, today),
                                pages={key: request.GET.get(_page_param(key)) for key in supervision.LIST_KEYS})
    colour_labels = dict(ColourChoice.choices)
    rows = data["rows"][:12]
    colour_chart = charts.bar_chart(
        title=_("各部门在办件预警（按颜色）"), labels=[d.name for d in rows],
        series=[(colour_labels[c], [d.colours[c] for d in rows]) for c in ("red", "yellow", "green", "paused")],
        chart_id="chart-colours", horizontal=True, stacked=True,
    )
    months = list(range(1, 13))
    month_labels = [stats.month_label(data["year"], m) for m in months]
    month_chart = charts.bar_chart(
        title=_("%(year)s年 每月收件、办结与超期办结") % {"year": data["year"]}, labels=month_labels,
        series=[(_("收件数"), [data["month_totals"][m]["received"] for m in months]),
                (_("办结数"), [data["month_totals"][m]["finished"] for m in months]),
                (_("超期办结"), [data["month_totals"][m]["late"] for m in months])],
        chart_id="chart-months",
    )
    # "received / finished" as text: some 200 cells, each a localised number in the template
    month_rows = [(data["names"].get(org, org), [f"{by[m]['received']} / {by[m]['finished']}" for m in months])
                  for org, by in data["monthly"].items()]
    month_rows.sort(key=lambda r: str(r[0]))
    statuses = dict(Status.choices)
    url = _detail_urls()
    lists = {key: {"rows": [{**r, "url": url(r["pk"]), "status_label": statuses.get(r["status"], r["status"])}
                            for r in page], "pager": _pager(request, key, page)}
             for key, page in data["lists"].items()}
    return TemplateResponse(request, "service_feedback/admin/supervision.html", {
        **data, "lists": lists, "colours": ColourChoice.choices, "colour_chart": colour_chart,
        "month_chart": month_chart, "month_labels": month_labels,
        "month_table": [(label, data["month_totals"][m]) for label, m in zip(month_labels, months, strict=True)], "month_rows": month_rows,
        "followup_rows": [{"f": f, "colour": f.colour(today), "url": reverse("service_feedback_followup", args=[f.pk])}
                          for f in data["followups"]],
        "followup_pager": _pager(request, "followups", data["followups"]),
        "xlsx_url": f"{reverse('service_feedback_supervision_xlsx')}?year={data['year']}",
        "stats_url": reverse("service_feedback:stats"),
    })


def _page_param(key: str) -> str:
    return f"{key}_page"


def _pager(request, key: str, page) -> dict:
    """Links to the neighbouring pages of one list, the other lists' pages and the year kept."""
    def link(number: int) -> str:
        query = request.GET.copy()
        query[_page_param(key)] = str(number)
        return f"?{query.urlencode()}#list-{key}"

    return {"page": page, "previous": link(page.previous_page_number()) if page.has_previous() else "",
            "next": link(page.next_page_number()) if page.has_next() else ""}


def _may_see_followups(user) -> bool:
    return is_supervisor(user) or user.has_perm("licensing.view_licenceapplication")


def followups(request):
    if not _may_see_followups(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    qs = service.followups_for(request.user)
    show = request.GET.get("show", "open")
    if show == "open":
        qs = qs.filter(closed_on__isnull=True)
    elif show == "overdue":
        qs = qs.filter(closed_on__isnull=True, due_on__lt=today)
    page = Paginator(qs.order_by("closed_on", "due_on", "pk"), FOLLOWUP_PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(request, "service_feedback/admin/followups.html", {
        "page": page, "show": show, "today": today,
        "rows": [{"f": f, "colour": f.colour(today)} for f in page.object_list],
    })


def followup(request, pk: int):
    if not _may_see_followups(request.user):
        raise PermissionDenied
    item = get_object_or_404(service.followups_for(request.user), pk=pk)
    may_edit = service.can_handle(request.user, item)
    answer_form = AnswerForm(initial={"answer": item.answer})
    callback_form = CallbackForm(initial={
        "callback_at": timezone.localtime(item.callback_at).replace(second=0) if item.callback_at else None,
        "callback_caller": item.callback_caller, "callback_outcome": item.callback_outcome,
        "callback_note": item.callback_note,
    } if item.callback_at else None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        which = request.POST.get("action")
        try:
            if which == "answer":
                answer_form = AnswerForm(request.POST)
                if answer_form.is_valid():
                    service.answer_followup(item, user=request.user, answer=answer_form.cleaned_data["answer"])
                    messages.success(request, _("整改情况已保存，并已通知申请人。"))
                    return redirect("service_feedback_followup", pk=item.pk)
            elif which == "callback":
                callback_form = CallbackForm(request.POST)
                if callback_form.is_valid():
                    service.record_callback(item, user=request.user, at=callback_form.cleaned_data["callback_at"],
                                            caller=callback_form.cleaned_data["callback_caller"],
                                            outcome=callback_form.cleaned_data["callback_outcome"],
                                            note=callback_form.cleaned_data["callback_note"])
                    messages.success(request, _("回访记录已保存。"))
                    return redirect("service_feedback_followup", pk=item.pk)
        except ValidationError as exc:
            form = answer_form if which == "answer" else callback_form
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
    app = item.rating.application
    return TemplateResponse(request, "service_feedback/admin/followup.html", {
        "item": item, "app": app, "rating": item.rating, "colour": item.colour(), "may_edit": may_edit,
        "answer_form": answer_form, "callback_form": callback_form, "case_url": _detail_url(app.pk),
    })
