"""Staff pages of online licensing: each department's queue (the kernel's, in
SQL, scoped to the officer's organisations), the case with its materials and
history, one POST per action of the transition table."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
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
from .models import LicenceApplication
from .workflow import WORKFLOW

ACTION_FORMS = {
    "accept": forms.AcceptForm,
    "reject": forms.RejectForm,
    "ask_correction": forms.CorrectionForm,
    "review": forms.NoteForm,
    "start_special": forms.SpecialForm,
    "end_special": forms.EndSpecialForm,
    "extend": forms.ExtendForm,
    "decide": forms.DecideForm,
    "complete": forms.CompleteForm,
}
DATED = ("accept", "ask_correction", "start_special", "end_special")


def may_view(user) -> bool:
    return user.is_superuser or is_supervisor(user) or user.has_perm("licensing.view_licenceapplication")


def _get(request, pk) -> LicenceApplication:
    if not may_view(request.user):
        raise PermissionDenied
    app = service.applications_for(request.user).filter(pk=pk).first()
    if app is None:
        raise Http404
    return app


def index(request):
    if not may_view(request.user):
        raise PermissionDenied
    context = queue.queue(for_model(LicenceApplication), request.user, request.GET)
    return TemplateResponse(request, "licensing/admin/index.html", context)


def detail(request, pk: int, *, bound: tuple[str, object] | None = None):
    app = _get(request, pk)
    action_forms = []
    for step in service.actions_for(request.user, app):
        if bound and bound[0] == step.action:
            form = bound[1]
        else:
            initial = {"on": timezone.localdate()} if step.action in DATED else {}
            form = ACTION_FORMS[step.action](initial=initial, prefix=step.action)
        action_forms.append({"action": step.action, "label": str(step.label), "form": form})
    labels = dict(StopReason.choices)
    return TemplateResponse(request, "licensing/admin/detail.html", {
        "app": app, "events": history(app), "due": app.deadline(), "colour": app.clock_status(),
        "action_forms": action_forms, "open": app.is_open, "materials": app.materials.all(),
        "stops": [{"stop": s, "label": labels.get(s.reason, s.reason)} for s in app.stops],
        "extensions": app.extensions, "documents": app.documents.all(),
        "form_data": list((app.form_data or {}).values()),
    }, status=400 if bound else 200)


def material(request, pk: int, material_id: int):
    """An applicant's file, for the officers who work the case."""
    app = _get(request, pk)
    row = app.materials.filter(pk=material_id).first()
    if row is None:
        raise Http404
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=row.original_name)


@require_POST
def act(request, pk: int, action: str):
    app = _get(request, pk)
    if action not in ACTION_FORMS or not request.user.has_perm("licensing.change_licenceapplication"):
        raise PermissionDenied
    form = ACTION_FORMS[action](request.POST, request.FILES, prefix=action)
    if not form.is_valid():
        return detail(request, pk, bound=(action, form))
    data, user = form.cleaned_data, request.user
    seen = request.POST.get("seen_status")
    if seen:  # what the officer saw: a change since then is refused, not overwritten
        app.status = seen
    try:
        if action == "accept":
            service.accept(app, user=user, note=data["note"], on=data["on"])
        elif action == "reject":
            service.reject(app, user=user, reason=data["reason"])
        elif action == "ask_correction":
            service.ask_correction(app, user=user, items=form.item_list(), note=data["note"], on=data["on"],
                                   until=data.get("until"))
        elif action == "review":
            service.review(app, user=user, note=data["note"])
        elif action == "start_special":
            service.start_special(app, user=user, procedure=data["procedure"], days=data["days"],
                                  unit=data["unit"], note=data["note"], on=data["on"])
        elif action == "end_special":
            service.end_special(app, user=user, result=data["result"], on=data["on"])
        elif action == "extend":
            service.extend(app, user=user, reason=data["reason"])
        elif action == "decide":
            service.decide(app, user=user, decision=data["decision"], ground=data["ground"])
        elif action == "complete":
            service.complete(app, user=user, documents=[data["document"]] if data.get("document") else [],
                             generate=data.get("generate", False), title=data.get("title", ""))
    except (ValidationError, IllegalTransition, CaseChanged) as exc:
        form.add_error(None, exc)
        app.refresh_from_db()
        return detail(request, pk, bound=(action, form))
    messages.success(request, _("已完成：%(action)s") % {"action": WORKFLOW.label(action)})
    return redirect("licensing_admin:detail", pk=pk)
