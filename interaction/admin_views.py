"""Staff pages for letters: the queue (scoped by organisation and mailbox),
the letter with its history and one POST per action, 来信选登's masked
version, and the supervisors' list of letters unanswered for three months."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from casefile.scope import is_supervisor
from casefile.service import history
from casefile.workflow import CaseChanged, IllegalTransition

from . import forms, service
from .constants import SURVEY_FAIL_MONTHS, Publication, Status
from .models import Letter, Mailbox
from .workflow import WORKFLOW

ACTION_FORMS = {
    "clear_review": forms.NoteForm,
    "approve_accused": forms.ReasonForm,
    "route": forms.RouteForm,
    "transfer": forms.TransferForm,
    "not_accept": forms.ReasonForm,
    "extend": forms.ExtendForm,
    "draft_reply": forms.ReplyForm,
    "return_reply": forms.ReturnForm,
    "approve_reply": forms.ApproveForm,
}


def may_view(user) -> bool:
    return bool(user.is_active and (is_supervisor(user) or user.has_perm("interaction.view_letter")))


def _get(request, pk) -> Letter:
    if not may_view(request.user):
        raise PermissionDenied
    letter = service.letters_for(request.user).filter(pk=pk).first()
    if letter is None:
        raise Http404
    return letter


def index(request):
    if not may_view(request.user):
        raise PermissionDenied
    qs = service.letters_for(request.user)
    status = request.GET.get("status", "open")
    if status == "open":
        qs = qs.filter(status__in=sorted(WORKFLOW.open_statuses))
    elif status in Status.values:
        qs = qs.filter(status=status)
    mailbox = request.GET.get("mailbox", "")
    if mailbox.isdigit():
        qs = qs.filter(mailbox_id=int(mailbox))
    if request.GET.get("review") == "1":
        qs = qs.filter(needs_review=True)
    if request.GET.get("publication") == "pending":
        qs = qs.filter(publication=Publication.PENDING)
    page = Paginator(qs.order_by("due_sort", "pk"), 50).get_page(request.GET.get("p"))
    return TemplateResponse(request, "interaction/admin/index.html", {
        "page": page, "status": status, "statuses": Status.choices, "mailbox": mailbox,
        "mailboxes": Mailbox.objects.all(), "cutoff": service.months_before(timezone.localdate(), SURVEY_FAIL_MONTHS),
    })


def detail(request, pk: int, *, bound: tuple[str, object] | None = None):
    letter = _get(request, pk)
    action_forms = []
    for step in service.actions_for(request.user, letter):
        if bound and bound[0] == step.action:
            form = bound[1]
        else:
            initial = {}
            if step.action == "approve_reply":
                reply = service.pending_reply(letter)
                initial = {"text": reply.text if reply else "", "publish": letter.publish_allowed}
            form = ACTION_FORMS[step.action](initial=initial, prefix=step.action)
        action_forms.append({"action": step.action, "label": str(step.label), "form": form})
    publication_form = None
    if letter.publication in (Publication.PENDING, Publication.WITHDRAWN) and letter.status == Status.ANSWERED:
        publication_form = bound[1] if bound and bound[0] == "publish" else forms.PublicationForm(initial={
            "subject": letter.public_subject, "content": letter.public_content, "reply": letter.public_reply,
        }, prefix="publish")
    return TemplateResponse(request, "interaction/admin/detail.html", {
        "letter": letter, "events": history(letter), "due": letter.deadline(), "action_forms": action_forms,
        "replies": letter.replies.select_related("organisation", "drafted_by", "reviewed_by"),
        "departments": letter.departments.all(), "attachments": letter.attachments.all(),
        "publication_form": publication_form, "limit": service.limit_for(letter),
        "survey_failure": service.survey_failures(Letter.objects.filter(pk=letter.pk)).exists(),
    }, status=400 if bound else 200)


def attachment(request, pk: int, attachment_id: int):
    """A writer's attachment, for the officers who may see the letter (the files
    live outside what nginx or the public media view serve)."""
    letter = _get(request, pk)
    row = letter.attachments.filter(pk=attachment_id).first()
    if row is None:
        raise Http404
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=row.name)


@require_POST
def act(request, pk: int, action: str):
    letter = _get(request, pk)
    if action == "publish":
        return _publish(request, letter)
    if action == "unpublish":
        try:
            service.withdraw_publication(letter, user=request.user, reason=request.POST.get("reason", ""))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("interaction_admin:detail", pk=pk)
    if action not in ACTION_FORMS:
        raise Http404
    form = ACTION_FORMS[action](request.POST, prefix=action)
    if not form.is_valid():
        return detail(request, pk, bound=(action, form))
    data, user = form.cleaned_data, request.user
    seen = request.POST.get("seen_status")
    if seen:
        letter.status = seen
    try:
        if action == "clear_review":
            service.clear_review(letter, user=user, note=data["note"])
        elif action == "approve_accused":
            service.approve_accused_routing(letter, user=user, reason=data["reason"])
        elif action == "route":
            service.route(letter, user=user, departments=data["departments"], lead=data.get("lead"),
                          note=data["note"])
        elif action == "transfer":
            service.transfer(letter, user=user, departments=data["departments"], lead=data.get("lead"),
                             reason=data["reason"])
        elif action == "not_accept":
            service.not_accept(letter, user=user, reason=data["reason"])
        elif action == "extend":
            service.extend(letter, user=user, days=data["days"], reason=data["reason"])
        elif action == "draft_reply":
            service.draft_reply(letter, user=user, text=data["text"])
        elif action == "return_reply":
            service.return_reply(letter, user=user, note=data["note"])
        elif action == "approve_reply":
            service.approve_reply(letter, user=user, publish=data["publish"], text=data["text"], note=data["note"])
    except (ValidationError, IllegalTransition, CaseChanged) as exc:
        form.add_error(None, exc)
        letter.refresh_from_db()
        return detail(request, pk, bound=(action, form))
    messages.success(request, _("已完成：%(action)s") % {"action": WORKFLOW.label(action)})
    return redirect("interaction_admin:detail", pk=pk)


def _publish(request, letter: Letter):
    form = forms.PublicationForm(request.POST, prefix="publish")
    if form.is_valid():
        try:
            service.approve_publication(letter, user=request.user, subject=form.cleaned_data["subject"],
                                        content=form.cleaned_data["content"], reply=form.cleaned_data["reply"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("已选登公开。"))
            return redirect("interaction_admin:detail", pk=letter.pk)
    return detail(request, letter.pk, bound=("publish", form))


def survey(request):
    """Supervisors: every letter unanswered for more than three months (单项否决)."""
    if not is_supervisor(request.user):
        raise PermissionDenied
    letters = service.survey_failures().select_related("mailbox", "organisation")[:500]
    return TemplateResponse(request, "interaction/admin/survey.html", {"letters": letters})
