"""When staff enter or change a year of the holiday calendar, every open case
whose clock runs through it is re-dated, in Celery, once the edit commits."""

from __future__ import annotations

import logging
import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from workdays.models import CalendarDay, CalendarYear

logger = logging.getLogger(__name__)
_pending = threading.local()


def _years() -> set[int]:
    if not hasattr(_pending, "years"):
        _pending.years = set()
    return _pending.years


def _flush() -> None:
    years = sorted(_years())
    _years().clear()
    if years:
        enqueue_redating(years)


def enqueue_redating(years) -> None:
    from .tasks import redate_cases

    try:
        redate_cases.apply_async((list(years),), retry=False)
    except Exception as exc:  # broker down: the daily round re-dates everything
        logger.warning("casefile: broker unavailable, re-dating %s waits for the daily round: %s", years, exc)


def calendar_changed(year: int) -> None:
    _years().add(year)
    # the first callback to run takes every year of the edit: one task per edit
    transaction.on_commit(_flush)


@receiver([post_save, post_delete], sender=CalendarYear, dispatch_uid="casefile-calendar-year")
def _year_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        calendar_changed(instance.year)


@receiver([post_save, post_delete], sender=CalendarDay, dispatch_uid="casefile-calendar-day")
def _day_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.date:
        calendar_changed(instance.date.year)
