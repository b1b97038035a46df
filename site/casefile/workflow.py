"""Explicit transition tables for case lifecycles.

A case type declares its ``Transition``s: from which status, by which action,
to which status, the permission the acting officer needs and the action's
label (translated when shown). ``Workflow.transition``:

1. locks the case's row (``select_for_update``) and re-reads its status: if
   it is no longer the status the caller saw, someone else acted meanwhile and
   the action is refused with ``CaseChanged`` (so of two officers pressing a
   button on the same case at once, exactly one wins);
2. refuses anything not in the table (``IllegalTransition``) or not permitted;
3. lets the caller change the locked row (``apply``: clock operations, answers),
   recomputes the stored clock (due date, colour), saves;
4. writes the history (CaseEvent + audit log).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, models, transaction
from django.utils.translation import gettext as _

from .models import CLOCK_FIELDS


class IllegalTransition(ValidationError):
    def __init__(self, from_status: str, action: str):
        self.from_status, self.action = from_status, action
        super().__init__(
            _("当前状态“%(status)s”下不能执行“%(action)s”操作。") % {"status": from_status, "action": action},
            code="illegal_transition",
        )


class CaseChanged(ValidationError):
    """The case moved on between the officer's reading it and acting on it."""

    def __init__(self, seen: str, now: str):
        self.seen, self.now = seen, now
        super().__init__(
            _("该办件已被他人处理（状态已由“%(seen)s”变为“%(now)s”），本次操作未执行。请刷新页面后查看。")
            % {"seen": seen, "now": now},
            code="case_changed",
        )


@dataclass(frozen=True)
class Transition:
    source: str
    action: str
    target: str
    permission: str = ""  # "app_label.codename" the acting officer needs ("" = none beyond the queue)
    label: object = ""  # gettext_lazy
    system: bool = False  # may run without a user (the reminders task)
    assigns: bool = True  # the officer acting becomes the assignee if there is none


class Workflow:
    def __init__(self, transitions: Iterable[Transition] | dict, status_field: str = "status",
                 status_labels: dict | None = None):
        if isinstance(transitions, dict):  # {(from, action): to}
            transitions = [Transition(str(a), act, str(b)) for (a, act), b in transitions.items()]
        self.transitions = {(str(t.source), t.action): t for t in transitions}
        self.status_field = status_field
        self.status_labels = status_labels or {}

    @property
    def table(self) -> dict[tuple[str, str], str]:
        return {key: str(t.target) for key, t in self.transitions.items()}

    @property
    def open_statuses(self) -> set[str]:
        """Statuses some action leads out of: a case in any other status is finished."""
        return {str(t.source) for t in self.transitions.values()}

    def get(self, from_status: str, action: str) -> Transition:
        try:
            return self.transitions[(str(from_status), action)]
        except KeyError:
            raise IllegalTransition(self.status_label(from_status), self.label(action)) from None

    def target(self, from_status: str, action: str) -> str:
        return str(self.get(from_status, action).target)

    def allowed_actions(self, from_status: str) -> list[str]:
        return [action for (status, action) in self.transitions if status == str(from_status)]

    def actions_for(self, case, user) -> list[Transition]:
        """What ``user`` may do to ``case`` now (for the buttons on its page)."""
        return [
            t for (status, _a), t in self.transitions.items()
            if status == getattr(case, self.status_field) and not t.system and self.permitted(t, user)
        ]

    def label(self, action: str) -> str:
        for t in self.transitions.values():
            if t.action == action and t.label:
                return str(t.label)
        return action

    def status_label(self, status: str) -> str:
        return str(self.status_labels.get(str(status), status))

    @staticmethod
    def permitted(t: Transition, user) -> bool:
        return user is None or not t.permission or user.is_superuser or user.has_perm(t.permission)

    def transition(
        self,
        case: models.Model,
        action: str,
        *,
        user=None,
        actor_kind: str = "staff",
        reason: str | Callable = "",
        public_note: str | Callable = "",
        at=None,
        apply: Callable[[models.Model], Iterable[str] | None] | None = None,
        update_fields: list[str] | None = None,
    ):
        """Move ``case`` by ``action``; returns the CaseEvent.

        ``apply(locked)`` changes the locked, freshly read row and returns the
        names of the fields it changed; ``reason``/``public_note`` may be
        callables of the locked row (so they can name the new due date).
        ``update_fields`` (fields already set on ``case``) is for callers that
        change nothing the lock protects. Raises CaseChanged, IllegalTransition,
        PermissionDenied, or whatever ``apply`` raises; then nothing is saved."""
        from .service import record_event

        model = type(case)
        seen = getattr(case, self.status_field)
        with transaction.atomic():
            # Claim the row first (a write takes the lock: PostgreSQL's row lock, SQLite's
            # write lock, waiting for the other officer's commit), then re-read it locked.
            claimed = _claim(model, case.pk, self.status_field, seen)
            locked = model._default_manager.select_for_update().get(pk=case.pk)
            current = getattr(locked, self.status_field)
            if not claimed or current != seen:
                raise CaseChanged(self.status_label(seen), self.status_label(current))
            step = self.get(current, action)
            if user is None and actor_kind == "staff" and not step.system:
                raise PermissionDenied
            if not self.permitted(step, user):
                raise PermissionDenied
            fields = {self.status_field, *CLOCK_FIELDS}
            for name in update_fields or []:
                setattr(locked, name, getattr(case, name))
                fields.add(name)
            if apply is not None:
                changed = apply(locked)
                if isinstance(changed, list | tuple | set):
                    fields.update(changed)
            setattr(locked, self.status_field, str(step.target))
            if user is not None and step.assigns and getattr(locked, "assignee_id", 1) is None:
                locked.assignee = user
                fields.add("assignee")
            if hasattr(locked, "refresh_clock"):
                if not locked.is_open and locked.clock() is not None:
                    clock = locked.clock()
                    clock.end_stop(_today(at))  # a decision ends any stop
                    locked.clock_stops = clock.stops_json()
                locked.refresh_clock(today=_today(at))
            locked.save(update_fields=sorted(fields | ({"updated_at"} if hasattr(locked, "updated_at") else set())))
            event = record_event(
                locked, action=action, from_status=current, to_status=str(step.target), user=user,
                actor_kind=actor_kind, reason=reason(locked) if callable(reason) else reason,
                public_note=public_note(locked) if callable(public_note) else public_note, at=at,
            )
        # the caller's object now shows what was saved (related objects kept where unchanged)
        cache = case._state.fields_cache
        for f in model._meta.concrete_fields:
            value = getattr(locked, f.attname)
            if f.is_relation and f.name in cache and getattr(cache[f.name], "pk", None) != value:
                del cache[f.name]
            setattr(case, f.attname, value)
        return event


def _claim(model, pk, field: str, seen: str, *, attempts: int = 100) -> int:
    """UPDATE … SET status = seen WHERE pk AND status = seen: 1 if the case is
    still as the caller saw it. SQLite answers "locked" at once where it cannot
    wait (a shared-cache database, a stale snapshot): retry the statement."""
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                return model._default_manager.filter(pk=pk, **{field: seen}).update(**{field: seen})
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05)
    return 0


def _today(at):
    from django.utils import timezone

    return timezone.localdate(at) if at else timezone.localdate()
