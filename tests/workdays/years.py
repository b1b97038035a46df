"""The calendar's edge, computed at run time, so tests hold whatever years the
installed chinese-calendar package knows."""
from datetime import date, timedelta

from workdays.models import CalendarYear


def last_known_year() -> int:
    return max(CalendarYear.objects.filter(complete=True).values_list("year", flat=True))


def unknown_year() -> int:
    """The first year after the seeded ones; made sure to be unknown (no complete record)."""
    year = last_known_year() + 1
    CalendarYear.objects.filter(year__gte=year).delete()
    return year


def first_weekday_after(day: date, weekday: int) -> date:
    while True:
        day += timedelta(days=1)
        if day.weekday() == weekday:
            return day
