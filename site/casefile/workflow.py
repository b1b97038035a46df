"""Explicit transition tables for case lifecycles (like signals' ALLOWED_STATUS_CHANGES).

A domain app declares ``Workflow({(from_status, action): to_status, ...})``;
``transition`` refuses anything not in the table with ``IllegalTransition``,
changes the status, saves and writes the history (CaseEvent + audit log).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _


class IllegalTransition(ValidationError):
    def __init__(self, from_status: str, action: str):
        self.from_status, self.action = from_status, action
        super().__init__(
            _("当前状态“%(status)s”下不能执行“%(action)s”操作。") % {"status": from_status, "action": action},
            code="illegal_transition",
        )


@dataclass(frozen=True)
class Workflow:
    table: dict[tuple[str, str], str]
    status_field: str = "status"

    def target(self, from_status: str, action: str) -> str:
        try:
            return self.table[(from_status, action)]
        except KeyError:
            raise IllegalTransition(from_status, action) from None

    def allowed_actions(self, from_status: str) -> list[str]:
        return [action for (status, action) in self.table if status == from_status]

    def transition(
        self,
        case: models.Model,
        action: str,
        *,
        user=None,
        actor_kind: str = "staff",
        reason: str = "",
        public_note: str = "",
        at=None,
        update_fields: list[str] | None = None,
    ):
        """Move ``case`` by ``action``; returns the CaseEvent. Raises IllegalTransition."""
        from .service import record_event

        with transaction.atomic():
            current = getattr(case, self.status_field)
            new = self.target(current, action)
            setattr(case, self.status_field, new)
            fields = [self.status_field, *(update_fields or [])]
            case.save(update_fields=fields) if case.pk else case.save()
            return record_event(
                case, action=action, from_status=current, to_status=new, user=user, actor_kind=actor_kind,
                reason=reason, public_note=public_note, at=at,
            )
