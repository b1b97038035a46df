"""电子监察 in the admin: every registered case type's open cases by colour
and organisation, each type's queue, and the officer's inbox of reminders."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from cluster.models import Organisation

from . import queue, registry
from .models import CaseNotice, ColourChoice
from .scope import cases_for, is_supervisor

COLOURS = [c for c, _label in ColourChoice.choices]


def _visible_types(user):
    return [t for t in registry.case_types()
            if is_supervisor(user) or (t.view_permission and user.has_perm(t.view_permission))]


def overview(request):
    types = _visible_types(request.user)
    if not types:
        raise PermissionDenied
    names = dict(Organisation.objects.values_list("pk", "name"))
    tables = []
    for case_type in types:
        counts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COLOURS, 0))
        open_cases = cases_for(case_type.model, request.user).filter(status__in=case_type.workflow.open_statuses)
        for org, colour, n in open_cases.values_list("organisation_id", "colour").annotate(n=Count("pk")).order_by():
            if colour in COLOURS:
                counts[org][colour] += n
        rows = sorted(((names.get(org, org), org, [by[c] for c in COLOURS]) for org, by in counts.items()),
                      key=lambda r: (-r[2][COLOURS.index("red")], str(r[0])))
        tables.append({"type": case_type, "rows": rows, "totals": [sum(r[2][i] for r in rows) for i in range(len(COLOURS))]})
    return TemplateResponse(request, "casefile/admin/overview.html", {
        "tables": tables, "colours": ColourChoice.choices, "supervisor": is_supervisor(request.user),
    })


def case_queue(request, key: str):
    try:
        case_type = registry.get(key)
    except KeyError:
        raise Http404 from None
    if case_type not in _visible_types(request.user):
        raise PermissionDenied
    context = queue.queue(case_type, request.user, request.GET)
    return TemplateResponse(request, "casefile/admin/queue.html", context)


def notices(request):
    mine = CaseNotice.objects.filter(user=request.user).select_related("content_type")[:200]
    items = []
    for notice in mine:
        url = ""
        try:
            case_type = registry.for_model(notice.content_type.model_class())
            url = case_type.detail_url(SimpleNamespace(pk=notice.object_id))
        except (LookupError, AttributeError):
            pass
        items.append({"notice": notice, "url": url})
    response = TemplateResponse(request, "casefile/admin/notices.html", {"items": items})
    CaseNotice.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return response


def unread_count(user) -> int:
    return CaseNotice.objects.filter(user=user, read_at__isnull=True).count() if user.is_authenticated else 0
