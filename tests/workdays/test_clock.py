"""The working-day clock on the official calendar (seeded by the data migration
from the chinese_calendar package). Years beyond the package are computed at
run time (``years.unknown_year``), never written down."""
from datetime import date, timedelta

import chinese_calendar
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from workdays.models import CalendarDay, CalendarYear
from workdays.seeding import package_schedule, package_source
from workdays.service import (
    CalendarUnknown,
    Clock,
    Deadline,
    Unit,
    add_days,
    add_working_days,
    is_working_day,
    working_days_between,
)

from .years import first_weekday_after, last_known_year, unknown_year

pytestmark = pytest.mark.django_db


def test_migration_seeded_the_package_years():
    years = set(CalendarYear.objects.filter(complete=True).values_list("year", flat=True))
    assert {2024, 2025, 2026} <= years
    assert years == set(package_schedule())  # exactly what the installed package covers
    assert CalendarYear.objects.get(year=2025).source == package_source()
    assert CalendarDay.objects.filter(date__year=2025).count() == len(
        [d for d in list(chinese_calendar.holidays) + list(chinese_calendar.workdays) if d.year == 2025]
    )
    national = CalendarDay.objects.get(date=date(2025, 10, 1))
    assert (national.kind, national.name) == ("holiday", "国庆节")


def test_seed_calendar_is_rerunnable():
    before = CalendarDay.objects.count(), CalendarYear.objects.count()
    call_command("seed_calendar", verbosity=0)
    call_command("seed_calendar", "2025", verbosity=0)
    assert (CalendarDay.objects.count(), CalendarYear.objects.count()) == before


def test_seed_calendar_keeps_staff_entered_years():
    year = CalendarYear.objects.get(year=2026)
    year.source = "国办发明电〔2025〕7号"
    year.save()
    CalendarDay.objects.filter(date=date(2026, 10, 10)).delete()
    call_command("seed_calendar", "2026", verbosity=0)
    assert not CalendarDay.objects.filter(date=date(2026, 10, 10)).exists()
    call_command("seed_calendar", "2026", force=True, verbosity=0)
    assert CalendarDay.objects.get(date=date(2026, 10, 10)).kind == "workday"


def test_national_day_2025():
    for day in range(1, 9):
        assert not is_working_day(date(2025, 10, day))
    assert is_working_day(date(2025, 9, 28))  # Sunday, 调休上班
    assert is_working_day(date(2025, 10, 11))  # Saturday, 调休上班
    assert not is_working_day(date(2025, 10, 12))  # ordinary Sunday
    assert is_working_day(date(2025, 10, 9))


def test_agrees_with_chinese_calendar_for_2025_and_2026():
    day = date(2025, 1, 1)
    while day.year < 2027:
        assert is_working_day(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_unknown_year_raises():
    year = unknown_year() + 1
    with pytest.raises(CalendarUnknown) as caught:
        is_working_day(date(year, 3, 1))
    assert caught.value.year == year


def test_twenty_working_days_skip_national_day():
    # Received Friday 2025-09-26; counting starts on the 27th (a Saturday):
    # 9/28 (Sun, 调休), 9/29, 9/30, [10/1–10/8 holiday], 10/9, 10/10, 10/11 (Sat, 调休), ...
    deadline = add_working_days(start=date(2025, 9, 26), days=20)
    assert deadline == Deadline(due=date(2025, 10, 30), known=True, unknown_year=None)
    assert working_days_between(start=date(2025, 9, 26), end=date(2025, 10, 30)) == 20
    assert working_days_between(start=date(2025, 9, 30), end=date(2025, 10, 8)) == 0


def test_day_of_receipt_is_not_counted():
    assert add_working_days(start=date(2025, 11, 3), days=1).due == date(2025, 11, 4)  # Monday -> Tuesday
    assert add_working_days(start=date(2025, 11, 7), days=1).due == date(2025, 11, 10)  # Friday -> Monday
    assert add_working_days(start=date(2025, 11, 7), days=0).due == date(2025, 11, 7)


def test_spring_festival_2026():
    # 2026 春节: 2/15–2/23 off; Saturday 2/14 and 2/28 are working days.
    assert is_working_day(date(2026, 2, 14)) and is_working_day(date(2026, 2, 28))
    assert not is_working_day(date(2026, 2, 16))
    assert add_working_days(start=date(2026, 2, 13), days=2).due == date(2026, 2, 24)


def test_beyond_the_known_calendar_is_unknown():
    assert add_working_days(start=date(2026, 12, 1), days=20) == Deadline(date(2026, 12, 29), True, None)
    year = unknown_year()
    assert add_working_days(start=date(year - 1, 12, 1), days=15).known
    deadline = add_working_days(start=date(year - 1, 12, 1), days=40)
    assert deadline == Deadline(due=None, known=False, unknown_year=year)
    assert add_working_days(start=date(year + 1, 3, 1), days=1).unknown_year == year + 1


def test_calendar_days_need_no_schedule():
    year = unknown_year()
    # 《信访工作条例》's 60 日 run through an unknown year: plain days, always known
    assert add_days(start=date(year - 1, 12, 1), days=60, unit=Unit.CALENDAR) == Deadline(date(year, 1, 30), True)
    clock = Clock(started=date(year - 1, 12, 1), limit=60, unit=Unit.CALENDAR, pauses=[(date(year - 1, 12, 10), date(year - 1, 12, 19))])
    assert clock.due().due == date(year, 2, 9)  # ten days stopped, counted on


def test_incomplete_year_is_unknown():
    year = unknown_year()
    CalendarYear.objects.create(year=year, complete=False, source="草稿")
    assert add_working_days(start=date(year - 1, 12, 1), days=40).unknown_year == year


def test_staff_entering_the_next_year_makes_deadlines_known():
    number = unknown_year()
    year = CalendarYear.objects.create(year=number, complete=True, source="国务院办公厅通知")
    saturday = first_weekday_after(date(number, 1, 7), 5)  # a Saturday after the first week
    CalendarDay.objects.create(calendar_year=year, date=date(number, 1, 1), kind="holiday", name="元旦")
    CalendarDay.objects.create(calendar_year=year, date=saturday, kind="workday", name="春节")
    new_years_eve = date(number - 1, 12, 31)
    # 1/1 is off: the first working day is the first weekday after it
    first = date(number, 1, 2) if date(number, 1, 2).weekday() < 5 else first_weekday_after(date(number, 1, 2), 0)
    assert add_working_days(start=new_years_eve, days=1) == Deadline(first, True, None)
    # the weekdays up to the Saturday, then the Saturday worked
    weekdays = sum(1 for d in range(2, saturday.day) if date(number, 1, d).weekday() < 5)
    assert add_working_days(start=new_years_eve, days=weekdays + 1).due == saturday
    assert add_working_days(start=date(number - 1, 12, 1), days=40).known


def test_clock_without_pauses_matches_add_working_days():
    clock = Clock(started=date(2025, 9, 26), limit=20)
    assert clock.due() == add_working_days(start=date(2025, 9, 26), days=20)


def test_pause_and_resume_shift_by_paused_working_days():
    plain = Clock(started=date(2025, 11, 3), limit=20)
    assert plain.due().due == date(2025, 12, 1)
    # 补正 notice Mon 11/10, corrected material received Fri 11/14: 5 working days stopped
    paused = Clock(started=date(2025, 11, 3), limit=20, pauses=[(date(2025, 11, 10), date(2025, 11, 14))])
    assert paused.due().due == date(2025, 12, 8)
    assert working_days_between(start=date(2025, 12, 1), end=date(2025, 12, 8)) == 5
    # a pause over a weekend only costs the working days in it
    weekend = Clock(started=date(2025, 11, 3), limit=20, pauses=[(date(2025, 11, 8), date(2025, 11, 9))])
    assert weekend.due().due == date(2025, 12, 1)


def test_open_pause_stops_the_clock():
    clock = Clock(started=date(2025, 11, 3), limit=20, pauses=[(date(2025, 11, 10), None)])
    assert clock.due() == Deadline(due=None, known=True, unknown_year=None, paused=True)
    assert clock.paused
    # 11/4–11/7 counted before the stop; then frozen
    assert clock.remaining(date(2025, 11, 20)) == 16
    assert clock.remaining(date(2026, 3, 1)) == 16
    assert clock.status(date(2026, 3, 1)) == "green"


def test_extension_adds_working_days():
    clock = Clock(started=date(2025, 9, 26), limit=20, extensions=[20])
    assert clock.total == 40
    assert clock.due() == add_working_days(start=date(2025, 9, 26), days=40)
    assert clock.due().due == date(2025, 11, 27)


def test_remaining_and_status_colours(settings):
    clock = Clock(started=date(2025, 11, 3), limit=20)  # due Monday 2025-12-01
    assert clock.remaining(date(2025, 11, 3)) == 20
    assert clock.status(date(2025, 11, 3)) == "green"
    assert clock.remaining(date(2025, 11, 25)) == 4
    assert clock.status(date(2025, 11, 25)) == "green"
    assert clock.remaining(date(2025, 11, 26)) == 3
    assert clock.status(date(2025, 11, 26)) == "yellow"
    assert clock.remaining(date(2025, 12, 1)) == 0
    assert clock.status(date(2025, 12, 1)) == "yellow"
    assert clock.remaining(date(2025, 12, 2)) == -1
    assert clock.status(date(2025, 12, 2)) == "red"
    settings.WORKDAYS_YELLOW_DAYS = 5
    assert clock.status(date(2025, 11, 25)) == "yellow"


def test_status_unknown_when_due_date_is_in_an_unknown_year():
    year = unknown_year()
    clock = Clock(started=date(year - 1, 12, 1), limit=20, extensions=[20])
    assert clock.status(date(year - 1, 12, 2)) == "unknown"
    assert clock.colour(date(year - 1, 12, 2)) == "unknown"
    assert clock.remaining(date(year - 1, 12, 2)) == 40 - working_days_between(
        start=date(year - 1, 12, 1), end=date(year - 1, 12, 2))
    assert clock.remaining(date(year, 1, 4)) is None


def test_admin_lists_and_edits_calendar_years(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get("/admin/snippets/workdays/calendaryear/")
    assert response.status_code == 200
    assert "2025" in response.content.decode()
    assert client.get("/admin/snippets/workdays/calendaryear/add/").status_code == 200
    pk = CalendarYear.objects.get(year=2025).pk
    edit = client.get(f"/admin/snippets/workdays/calendaryear/edit/{pk}/")
    assert edit.status_code == 200
    assert "国庆节" in edit.content.decode()
    # the sidebar (JSON, non-ASCII escaped) links the "工作日历" menu item
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/snippets/workdays/calendaryear/" in dashboard
    assert "\\u5de5\\u4f5c\\u65e5\\u5386" in dashboard or "工作日历" in dashboard


def _year_form(year: str, days: list[tuple[str, str, str]]) -> dict:
    data = {
        "year": year, "complete": "on", "source": "国务院办公厅通知", "notes": "",
        "days-TOTAL_FORMS": str(len(days)), "days-INITIAL_FORMS": "0",
        "days-MIN_NUM_FORMS": "0", "days-MAX_NUM_FORMS": "1000",
    }
    for i, (day, kind, name) in enumerate(days):
        data.update({f"days-{i}-date": day, f"days-{i}-kind": kind, f"days-{i}-name": name,
                     f"days-{i}-id": "", f"days-{i}-ORDER": str(i + 1), f"days-{i}-DELETE": ""})
    return data


def test_staff_enter_a_year_in_the_admin(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    number = unknown_year()
    url = "/admin/snippets/workdays/calendaryear/add/"
    wrong = client.post(url, _year_form(str(number), [(f"{number + 1}-01-01", "holiday", "元旦")]))
    assert wrong.status_code == 200 and not CalendarYear.objects.filter(year=number).exists()
    assert f"日期不在 {number} 年内" in wrong.content.decode()
    saturday = first_weekday_after(date(number, 1, 7), 5)  # a Saturday after the first week
    response = client.post(url, _year_form(str(number), [
        (f"{number}-01-01", "holiday", "元旦"), (saturday.isoformat(), "workday", "春节")]))
    assert response.status_code == 302
    year = CalendarYear.objects.get(year=number)
    assert year.complete and year.days.count() == 2
    assert add_working_days(start=date(number - 1, 12, 31), days=1).known
    assert last_known_year() == number
