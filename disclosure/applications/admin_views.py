"""Staff pages of 依申请公开: list, detail with history, one POST per action."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from casefile.service import history
from casefile.workflow import IllegalTransition

from . import forms, service
from .constants import OPEN_STATUSES, Status
from .models import DisclosureRequest
from .workflow import WORKFLOW

ACTION_FORMS = {
    "accept": forms.AcceptForm,
    "ask_correction": forms.CorrectionForm,
    "supplement": forms.SupplementForm,
    "extend": forms.ExtendForm,
    "answer": forms.AnswerForm,
    "close": forms.CloseForm,
}
ACTION_LABELS = {
    "accept": _("受理"),
    "ask_correction": _("告知补正"),
    "supplement": _("登记补正"),
    "extend": _("延长答复期限"),
    "answer": _("答复"),
    "close": _("终止办理"),
}


def _may_view(user) -> bool:
    return user.is_superuser or user.has_perm("disclosure_applications.view_disclosurerequest")


def _get(request, pk) -> DisclosureRequest:
    if not _may_view(request.user):
        raise PermissionDenied
    req = service.requests_for(request.user).filter(pk=pk).first()
    if req is None:
        raise Http404
    return req


def index(request):
    if not _may_view(request.user):
        raise PermissionDenied
    qs = service.requests_for(request.user)
    status = request.GET.get("status", "")
    if status in Status.values:
        qs = qs.filter(status=status)
    overdue_only = request.GET.get("overdue") == "1"
    today = timezone.localdate()
    rows = []
    for req in qs:
        colour = req.clock_status(today)
        if overdue_only and colour != "red":
            continue
        rows.append({"req": req, "due": req.deadline() if req.is_open else None, "colour": colour})
    page = Paginator(rows, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request, "applications/admin/index.html",
        {"page": page, "statuses": Status.choices, "status": status, "overdue": overdue_only},
    )


def detail(request, pk: int, *, bound: tuple[str, object] | None = None):
    req = _get(request, pk)
    action_forms = []
    for action in WORKFLOW.allowed_actions(req.status):
        if bound and bound[0] == action:
            form = bound[1]
        else:
            initial = {"on": timezone.localdate()} if action in ("ask_correction", "supplement") else {}
            form = ACTION_FORMS[action](initial=initial, prefix=action)
        action_forms.append({"action": action, "label": ACTION_LABELS[action], "form": form})
    return TemplateResponse(
        request, "applications/admin/detail.html",
        {
            "req": req, "events": history(req), "due": req.deadline(), "colour": req.clock_status(),
            "action_forms": action_forms, "open": req.status in OPEN_STATUSES,
        },
        status=400 if bound else 200,
    )


@require_POST
def act(request, pk: int, action: str):
    req = _get(request, pk)
    if action not in ACTION_FORMS or not request.user.has_perm("disclosure_applications.change_disclosurerequest"):
        raise PermissionDenied
    form = ACTION_FORMS[action](request.POST, request.FILES, prefix=action)
    if not form.is_valid():
        return detail(request, pk, bound=(action, form))
    data, user = form.cleaned_data, request.user
    try:
        if action == "accept":
            service.accept(req, user=user, note=data["note"])
        elif action == "ask_correction":
            service.ask_correction(req, user=user, missing=data["missing"], on=data["on"])
        elif action == "supplement":
            service.record_supplement(req, user=user, supplement=data["supplement"], on=data["on"])
        elif action == "extend":
            service.extend(req, user=user, approver=data["approver"], days=data["days"], reason=data["reason"])
        elif action == "answer":
            service.answer(
                req, user=user, outcome=data["outcome"], reply_text=data["reply_text"],
                reply_document=data.get("reply_document"),
            )
        elif action == "close":
            service.close(req, user=user, outcome=data["outcome"], reason=data["reason"])
    except (ValidationError, IllegalTransition) as exc:
        form.add_error(None, exc)
        req.refresh_from_db()
        return detail(request, pk, bound=(action, form))
    messages.success(request, _("已完成：%(action)s") % {"action": ACTION_LABELS[action]})
    return redirect("disclosure_applications:detail", pk=pk)
