"""The beat's part of 好差评: invitations to rate (settings CELERY_BEAT_SCHEDULE,
"service-feedback-invite", once an hour; each case is invited once however
often it runs)."""

from __future__ import annotations

from datetime import date

from celery import shared_task

from . import service


@shared_task(name="service_feedback.tasks.invite_ratings", ignore_result=True)
def invite_ratings(today: str | date | None = None) -> int:
    """Invite the unrated cases finished SERVICE_RATING_INVITE_DAYS ago; ``today``
    (ISO date) lets a test or an operator run the round for another day."""
    if isinstance(today, str):
        today = date.fromisoformat(today)
    return service.invite_unrated(today)
