"""What domain apps call: new references, history, the public lookup."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from formguard.abuse import over_limit

from .models import CaseEvent
from .references import (  # noqa: F401  (re-exported for domain apps)
    check_query_code,
    hash_query_code,
    is_valid_receipt_number,
    new_query_code,
    new_receipt_number,
    normalize_receipt_number,
)

LOOKUP_RATE = "10/m"
LOG_ACTION = "casefile.event"


def record_event(
    case: models.Model,
    *,
    action: str,
    from_status: str = "",
    to_status: str = "",
    user=None,
    actor_kind: str = CaseEvent.Actor.STAFF,
    reason: str = "",
    public_note: str = "",
    at=None,
) -> CaseEvent:
    """Write one history row and the same step to Wagtail's audit log."""
    from wagtail.log_actions import log

    event = CaseEvent.objects.create(
        content_type=ContentType.objects.get_for_model(case, for_concrete_model=True),
        object_id=case.pk,
        action=action,
        from_status=from_status,
        to_status=to_status,
        actor_kind=actor_kind if user is None else CaseEvent.Actor.STAFF,
        user=user,
        at=at or timezone.now(),
        reason=reason,
        public_note=public_note,
    )
    log(
        instance=case,
        action=LOG_ACTION,
        user=user,
        data={
            "action": action, "from": from_status, "to": to_status, "reason": reason,
            "actor": str(event.get_actor_kind_display()),
        },
    )
    return event


def history(case: models.Model, *, public_only: bool = False):
    events = CaseEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(case, for_concrete_model=True), object_id=case.pk
    ).select_related("user")
    return events.exclude(public_note="") if public_only else events


class LookupRateLimited(Exception):
    """Too many lookups from this address; show the localized 429 page."""


def lookup_case(request, queryset, *, receipt_number: str, query_code: str, group: str = "casefile-lookup"):
    """The case with this receipt number and query code, or None.

    Unknown numbers and wrong codes look the same to the caller, and every
    attempt counts towards a per-address limit (raises LookupRateLimited)."""
    if over_limit(request, group, rate=LOOKUP_RATE):
        raise LookupRateLimited
    number = normalize_receipt_number(receipt_number)
    if not is_valid_receipt_number(number):
        # still spend the time of a hash so typos and misses take as long
        check_query_code(number, query_code, "")
        return None
    case = queryset.filter(receipt_number=number).first()
    if case is None:
        check_query_code(number, query_code, "")
        return None
    return case if check_query_code(number, query_code, case.query_code_hash) else None
