"""电子监察: keeping every open case's stored due date and colour true, and
telling the people who work the cases.

- ``redate_open_cases(years)``: after staff enter or change a year of the
  holiday calendar, recompute every open case of every registered type whose
  clock runs through those years (batched, one calendar snapshot); each
  changed case gets a history row (and audit log entry) and its assignee a
  notice.
- ``refresh_colours(today)``: colours move with today; computed once per
  distinct due date and written with one UPDATE per colour.
- ``send_reminders(today)``: the assignee hears one working day before a
  deadline, when a case turns yellow or red, and when a stage (a stop with a
  limit of its own) runs over it.
- ``lapse_applicant_deadlines(today)``: the applicant's own deadline (the 补正
  period) has passed: the case type decides what follows.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from workdays.service import Calendar, Colour, Unit, colour_for, days_left

from .models import CLOCK_FIELDS, COLOUR_RANK, CaseEvent, CaseNotice
from .registry import CaseType, case_types

logger = logging.getLogger(__name__)
BATCH = 500
REDATE_ACTION = "redate"


def notify_officers(case_type: CaseType, rows, kind: str, *, key=lambda row: "", params=lambda row: {}) -> int:
    """One CaseNotice per row (with ``pk``, ``assignee_id``, ``receipt_number``)
    that has an assignee; a notice already given (same case, kind and key) is not repeated."""
    ct = ContentType.objects.get_for_model(case_type.model)
    notices = [
        CaseNotice(user_id=row["assignee_id"], content_type=ct, object_id=row["pk"], kind=kind,
                   key=str(key(row))[:40], receipt_number=row["receipt_number"], params=params(row))
        for row in rows if row.get("assignee_id")
    ]
    created = CaseNotice.objects.bulk_create(notices, ignore_conflicts=True, batch_size=BATCH)
    return len(created)


def _text(day: date | None, known: bool = True) -> str:
    if not known:
        return _("待定")
    return day.isoformat() if day else "—"


# -- re-dating after a calendar edit ---------------------------------------------------


def redate_open_cases(years=None, *, today: date | None = None) -> int:
    """Recompute the stored clock of open cases; returns how many changed their due date."""
    today = today or timezone.localdate()
    calendar = Calendar()
    changed_total = 0
    for case_type in case_types():
        qs = case_type.open_cases().exclude(clock_started_on=None)
        if years:
            first, last = date(min(years), 1, 1), date(max(years), 12, 31)
            qs = qs.filter(Q(due_known=False) | Q(due_on__gte=first, clock_started_on__lte=last)
                           | Q(colour=Colour.PAUSED, clock_started_on__lte=last))
        ids = list(qs.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            changed_total += _redate_batch(case_type, ids[start:start + BATCH], today, calendar)
    return changed_total


def _redate_batch(case_type: CaseType, ids, today, calendar) -> int:
    model = case_type.model
    fields = ["pk", "status", "receipt_number", "assignee_id", *CLOCK_FIELDS]
    now = timezone.now()
    ct = ContentType.objects.get_for_model(model)
    with transaction.atomic():
        cases = list(model._default_manager.select_for_update().filter(pk__in=ids).only(*fields))
        touched, redated = [], []
        for case in cases:
            before = (case.due_on, case.due_known)
            changed = case.refresh_clock(today=today, calendar=calendar)
            if changed:
                touched.append(case)
            if (case.due_on, case.due_known) != before:
                redated.append((case, before))
        if touched:
            model._default_manager.bulk_update(touched, CLOCK_FIELDS, batch_size=BATCH)
        events, logs, rows = [], [], []
        for case, (old_due, old_known) in redated:
            old, new = _text(old_due, old_known), _text(case.due_on, case.due_known)
            reason = _("工作日历变更，办理期限由 %(old)s 重新计算为 %(new)s。") % {"old": old, "new": new}
            events.append(CaseEvent(content_type=ct, object_id=case.pk, action=REDATE_ACTION,
                                    from_status=case.status, to_status=case.status,
                                    actor_kind=CaseEvent.Actor.SYSTEM, at=now, reason=reason))
            logs.append(ModelLogEntry(content_type=ct, object_id=str(case.pk), label=case.receipt_number[:255],
                                      action="casefile.event", timestamp=now,
                                      data={"action": REDATE_ACTION, "from": case.status, "to": case.status,
                                            "reason": reason, "actor": str(CaseEvent.Actor.SYSTEM.label)}))
            rows.append({"pk": case.pk, "assignee_id": case.assignee_id, "receipt_number": case.receipt_number,
                         "old": old, "new": new})
        CaseEvent.objects.bulk_create(events, batch_size=BATCH)
        ModelLogEntry.objects.bulk_create(logs, batch_size=BATCH)
        notify_officers(case_type, rows, CaseNotice.Kind.REDATED, key=lambda r: f"{r['old']}>{r['new']}",
                        params=lambda r: {"old": r["old"], "new": r["new"]})
    return len(redated)


# -- colours, reminders, lapses ----------------------------------------------------------


def _due_groups(qs, today: date, calendar: Calendar):
    """{colour: [(unit, due), ...]} and the (unit, due) pairs one working day ahead."""
    groups: dict[str, list[tuple[str, date]]] = defaultdict(list)
    tomorrow = []
    for unit, due in qs.order_by().values_list("clock_unit", "due_on").distinct():
        colour = colour_for(due, today, Unit(unit), calendar)
        groups[str(colour)].append((unit, due))
        if days_left(due, today, Unit(unit), calendar) == 1:
            tomorrow.append((unit, due))
    return groups, tomorrow


def _match(pairs) -> Q:
    by_unit: dict[str, list[date]] = defaultdict(list)
    for unit, due in pairs:
        by_unit[unit].append(due)
    query = Q(pk__in=[])
    for unit, dues in by_unit.items():
        query |= Q(clock_unit=unit, due_sort__in=dues)  # = due_on where there is one, and indexed
    return query


ROW = ("pk", "assignee_id", "receipt_number", "due_on")


def refresh_colours(today: date | None = None, *, notify: bool = True) -> dict[str, int]:
    """Set today's colour on every running clock; returns {colour: cases changed}."""
    today = today or timezone.localdate()
    calendar = Calendar()
    counts: dict[str, int] = defaultdict(int)
    for case_type in case_types():
        running = case_type.open_cases().exclude(colour__in=[Colour.PAUSED, ""]).filter(
            due_known=True, due_on__isnull=False,
        )
        groups, _tomorrow = _due_groups(running, today, calendar)
        for colour, pairs in groups.items():
            with transaction.atomic():
                moving = running.filter(_match(pairs)).exclude(colour=colour)
                rows = list(moving.values(*ROW))
                if not rows:
                    continue
                case_type.model._default_manager.filter(pk__in=[r["pk"] for r in rows]).update(
                    colour=colour, colour_rank=COLOUR_RANK[colour])
                counts[colour] += len(rows)
                if notify and colour in (Colour.YELLOW, Colour.RED):
                    kind = CaseNotice.Kind.RED if colour == Colour.RED else CaseNotice.Kind.YELLOW
                    notify_officers(case_type, rows, kind, key=lambda r: r["due_on"].isoformat(),
                                    params=lambda r: {"due": r["due_on"].isoformat()})
    return dict(counts)


def send_reminders(today: date | None = None) -> dict[str, int]:
    """Due tomorrow (one working day left), and stages over their own limit."""
    today = today or timezone.localdate()
    calendar = Calendar()
    sent = {"due_soon": 0, "stage_overdue": 0}
    for case_type in case_types():
        running = case_type.open_cases().exclude(colour=Colour.PAUSED).filter(due_known=True, due_on__isnull=False)
        _groups, tomorrow = _due_groups(running, today, calendar)
        if tomorrow:
            rows = list(running.filter(_match(tomorrow)).values(*ROW))
            sent["due_soon"] += notify_officers(
                case_type, rows, CaseNotice.Kind.DUE_SOON, key=lambda r: r["due_on"].isoformat(),
                params=lambda r: {"due": r["due_on"].isoformat()},
            )
        late = case_type.open_cases().filter(stage_due_on__lt=today)
        rows = list(late.values("pk", "assignee_id", "receipt_number", "stage_due_on", "clock_stops"))
        for row in rows:
            open_stop = next((s for s in row["clock_stops"] or [] if not s.get("end")), {})
            row["stage"] = case_type.stop_label(open_stop.get("reason", ""))
        sent["stage_overdue"] += notify_officers(
            case_type, rows, CaseNotice.Kind.STAGE_OVERDUE, key=lambda r: r["stage_due_on"].isoformat(),
            params=lambda r: {"due": r["stage_due_on"].isoformat(), "stage": str(r["stage"])},
        )
    return sent


def lapse_applicant_deadlines(today: date | None = None) -> int:
    """Cases whose applicant let their own deadline pass: handed to the case type."""
    today = today or timezone.localdate()
    done = 0
    for case_type in case_types():
        if case_type.on_applicant_lapse is None:
            continue
        for case in case_type.open_cases().filter(applicant_due_on__lt=today).order_by("pk")[:BATCH]:
            try:
                case_type.on_applicant_lapse(case)
            except Exception:  # one case's trouble must not stop the others
                logger.exception("casefile: lapse of %s failed", case.pk)
                continue
            case.refresh_from_db()
            notify_officers(case_type, [{"pk": case.pk, "assignee_id": case.assignee_id,
                                         "receipt_number": case.receipt_number}], CaseNotice.Kind.LAPSED)
            done += 1
    return done


def supervise(today: date | None = None) -> dict:
    """The beat task's whole round."""
    today = today or timezone.localdate()
    return {
        "lapsed": lapse_applicant_deadlines(today),
        "colours": refresh_colours(today),
        "reminders": send_reminders(today),
    }
