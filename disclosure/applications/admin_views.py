"""Staff pages of 依申请公开: the queue (the kernel's, in SQL), the detail
with history, one POST per action."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from casefile import queue
from casefile.registry import for_model
from casefile.scope import is_supervisor
from casefile.service import history
from casefile.workflow import CaseChanged, IllegalTransition

from . import forms, service
from .constants import StopReason
from .models import DisclosureRequest
from .workflow import WORKFLOW

ACTION_FORMS = {
    "confirm_receipt": forms.ConfirmReceiptForm,
    "accept": forms.AcceptForm,
    "ask_correction": forms.CorrectionForm,
    "supplement": forms.SupplementForm,
    "extend": forms.ExtendForm,
    "consult": forms.ConsultForm,
    "end_consultation": forms.EndConsultationForm,
    "answer": forms.AnswerForm,
    "close": forms.CloseForm,
}
DATED = ("confirm_receipt", "ask_correction", "supplement", "consult", "end_consultation")


def _may_view(user) -> bool:
    return (
        user.is_superuser or is_supervisor(user)
        or user.has_perm("disclosure_applications.view_disclosurerequest")
    )


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
    context = queue.queue(for_model(DisclosureRequest), request.user, request.GET)
    return TemplateResponse(request, "applications/admin/index.html", context)


def detail(request, pk: int, *, bound: tuple[str, object] | None = None):
    req = _get(request, pk)
    action_forms = []
    for step in service.actions_for(request.user, req):
        if bound and bound[0] == step.action:
            form = bound[1]
        else:
            initial = {"on": timezone.localdate()} if step.action in DATED else {}
            form = ACTION_FORMS[step.action](initial=initial, prefix=step.action)
        action_forms.append({"action": step.action, "label": str(step.label), "form": form})
    stop_labels = dict(StopReason.choices)
    stops = [{"stop": s, "label": stop_labels.get(s.reason, s.reason)} for s in req.stops]
    return TemplateResponse(
        request, "applications/admin/detail.html",
        {
            "req": req, "events": history(req), "due": req.deadline(), "colour": req.clock_status(),
            "action_forms": action_forms, "open": req.is_open, "stops": stops,
            "extensions": req.extensions, "limit": for_model(DisclosureRequest).limits.main,
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
    # what the officer saw when the page was drawn: a change since then is refused, not overwritten
    seen = request.POST.get("seen_status")
    if seen:
        req.status = seen
    try:
        if action == "confirm_receipt":
            service.confirm_receipt(req, user=user, on=data["on"])
        elif action == "accept":
            service.accept(req, user=user, note=data["note"])
        elif action == "ask_correction":
            service.ask_correction(req, user=user, missing=data["missing"], on=data["on"], until=data.get("until"))
        elif action == "supplement":
            service.record_supplement(req, user=user, supplement=data["supplement"], on=data["on"])
        elif action == "extend":
            service.extend(req, user=user, approver=data["approver"], days=data["days"], reason=data["reason"])
        elif action == "consult":
            service.consult(req, user=user, reason=data["reason"], whom=data["whom"], on=data["on"])
        elif action == "end_consultation":
            service.end_consultation(req, user=user, result=data["result"], on=data["on"])
        elif action == "answer":
            service.answer(
                req, user=user, outcome=data["outcome"], reply_text=data["reply_text"],
                reply_document=data.get("reply_document"),
            )
        elif action == "close":
            service.close(req, user=user, outcome=data["outcome"], reason=data["reason"])
    except (ValidationError, IllegalTransition, CaseChanged) as exc:
        form.add_error(None, exc)
        req.refresh_from_db()
        return detail(request, pk, bound=(action, form))
    messages.success(request, _("已完成：%(action)s") % {"action": WORKFLOW.label(action)})
    return redirect("disclosure_applications:detail", pk=pk)
