from celery import shared_task

from . import supervision


@shared_task(name="casefile.tasks.redate_cases", ignore_result=True)
def redate_cases(years: list[int] | None = None) -> int:
    return supervision.redate_open_cases(years or None)


@shared_task(name="casefile.tasks.supervise", ignore_result=True)
def supervise() -> dict:
    """电子监察 round: lapsed applicant deadlines, today's colours, reminders."""
    return supervision.supervise()


@shared_task(name="casefile.tasks.daily", ignore_result=True)
def daily() -> dict:
    """Once a day: a full re-dating (catches an edit whose task the broker missed), then the round."""
    redated = supervision.redate_open_cases(None)
    return {"redated": redated, **supervision.supervise()}
