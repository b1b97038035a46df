"""Fill the calendar from the ``chinese_calendar`` package (used by the
``seed_calendar`` command and by the data migration, with historical models)."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

PACKAGE_SOURCE_PREFIX = "chinese-calendar"


def package_source() -> str:
    import chinese_calendar

    return f"{PACKAGE_SOURCE_PREFIX} {chinese_calendar.__version__}"


def package_schedule() -> dict[int, list[tuple[date, str, str]]]:
    """{year: [(date, kind, name), ...]} for every year the package covers."""
    import chinese_calendar
    from chinese_calendar.constants import Holiday

    def chinese(value) -> str:
        try:
            return Holiday(value).chinese
        except ValueError:
            return str(value or "")

    by_year: dict[int, list[tuple[date, str, str]]] = defaultdict(list)
    for day, value in chinese_calendar.holidays.items():
        by_year[day.year].append((day, "holiday", chinese(value)))
    for day, value in chinese_calendar.workdays.items():
        by_year[day.year].append((day, "workday", chinese(value)))
    return {year: sorted(days) for year, days in sorted(by_year.items())}


def seed(CalendarYear, CalendarDay, *, years=None, force: bool = False, log=None) -> dict[str, int]:
    """Write the package's schedule for ``years`` (default: all it covers).

    Idempotent. A year whose existing record came from elsewhere (staff
    entered it, different source) and is complete is left alone unless
    ``force``. Seeded years get exactly the package's exception days.
    """
    source = package_source()
    schedule = package_schedule()
    wanted = sorted(schedule) if years is None else [y for y in sorted(set(years)) if y in schedule]
    counts = {"years": 0, "days": 0, "skipped": 0}
    for year in wanted:
        record = CalendarYear.objects.filter(year=year).first()
        if (
            record is not None
            and record.complete
            and not (record.source or "").startswith(PACKAGE_SOURCE_PREFIX)
            and not force
        ):
            counts["skipped"] += 1
            if log:
                log(f"{year}: kept (entered from {record.source or 'unknown source'})")
            continue
        if record is None:
            record = CalendarYear(year=year)
        record.complete = True
        record.source = source
        record.save()
        days = schedule[year]
        dates = [d for d, _, _ in days]
        CalendarDay.objects.filter(calendar_year=record).exclude(date__in=dates).delete()
        for day, kind, name in days:
            CalendarDay.objects.update_or_create(date=day, defaults={"calendar_year": record, "kind": kind, "name": name})
        counts["years"] += 1
        counts["days"] += len(days)
        if log:
            log(f"{year}: {len(days)} days")
    return counts
