"""The working-day clock on the official calendar (seeded by the data migration
from chinese_calendar 1.11.0, which covers 2004–2026)."""
from datetime import date, timedelta

import chinese_calendar
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from workdays.models import CalendarDay, CalendarYear
from workdays.service import (
    CalendarUnknown,
    Clock,
    Deadline,
    add_working_days,
    is_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db


def test_migration_seeded_the_package_years():
    years = set(CalendarYear.objects.filter(complete=True).values_list("year", flat=True))
    assert {2024, 2025, 2026} <= years
    assert 2027 not in years
    assert CalendarYear.objects.get(year=2025).source == "chinese-calendar 1.11.0"
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
    with pytest.raises(CalendarUnknown) as caught:
        is_working_day(date(2028, 3, 1))
    assert caught.value.year == 2028


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
    deadline = add_working_days(start=date(2026, 12, 1), days=40)
    assert deadline == Deadline(due=None, known=False, unknown_year=2027)
    assert add_working_days(start=date(2028, 3, 1), days=1).unknown_year == 2028


def test_incomplete_year_is_unknown():
    CalendarYear.objects.create(year=2027, complete=False, source="草稿")
    assert add_working_days(start=date(2026, 12, 1), days=40).unknown_year == 2027


def test_staff_entering_2027_makes_deadlines_known():
    year = CalendarYear.objects.create(year=2027, complete=True, source="国务院办公厅通知")
    CalendarDay.objects.create(calendar_year=year, date=date(2027, 1, 1), kind="holiday", name="元旦")
    CalendarDay.objects.create(calendar_year=year, date=date(2027, 1, 9), kind="workday", name="春节")
    # 12/31 Thu; 1/1 holiday, 1/2–3 weekend -> Monday 1/4
    assert add_working_days(start=date(2026, 12, 31), days=1) == Deadline(date(2027, 1, 4), True, None)
    # 1/4–1/8 (5), Saturday 1/9 worked (6)
    assert add_working_days(start=date(2026, 12, 31), days=6).due == date(2027, 1, 9)
    assert add_working_days(start=date(2026, 12, 1), days=40).known


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
    clock = Clock(started=date(2026, 12, 1), limit=20, extensions=[20])
    assert clock.status(date(2026, 12, 2)) == "unknown"
    assert clock.remaining(date(2026, 12, 2)) == 39
    assert clock.remaining(date(2027, 1, 4)) is None


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
    url = "/admin/snippets/workdays/calendaryear/add/"
    wrong = client.post(url, _year_form("2027", [("2028-01-01", "holiday", "元旦")]))
    assert wrong.status_code == 200 and not CalendarYear.objects.filter(year=2027).exists()
    assert "日期不在 2027 年内" in wrong.content.decode()
    response = client.post(url, _year_form("2027", [("2027-01-01", "holiday", "元旦"), ("2027-01-09", "workday", "春节")]))
    assert response.status_code == 302
    year = CalendarYear.objects.get(year=2027)
    assert year.complete and year.days.count() == 2
    assert add_working_days(start=date(2026, 12, 31), days=1).due == date(2027, 1, 4)
