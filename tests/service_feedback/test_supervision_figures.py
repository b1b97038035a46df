"""The supervisors' view counted in the database: every figure on a small data
set whose answers are known, month boundaries in local time, and the lists
paged on the counts."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from cluster.models import Organisation
from services.feedback import supervision
from services.feedback.models import FollowUp, Rating
from services.licensing.constants import Status
from services.licensing.models import LicenceApplication

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db

YEAR = 2025
TODAY = date(YEAR, 11, 20)


@pytest.fixture
def org(db) -> Organisation:
    return Organisation.objects.create(name="敕勒川市监察测试局", code="11150100MB0009998Z", short_name="监察局")


def _open(org, n: int, *, colour: str, due_on: date | None, stage_due_on: date | None = None) -> list:
    """Open cases with a stored clock as the kernel leaves it (the view reads only the stored fields)."""
    cases = [ApplicationFactory(organisation=org, status=Status.REVIEWING, decision="", decided_on_time=None,
                                completed_at=None) for _ in range(n)]
    LicenceApplication.objects.filter(pk__in=[c.pk for c in cases]).update(
        colour=colour, due_on=due_on, due_sort=due_on or date(9999, 12, 31), stage_due_on=stage_due_on)
    return cases


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


@pytest.fixture
def known(org):
    """What the department has, with the figures the view must show."""
    red = _open(org, 3, colour="red", due_on=TODAY - timedelta(days=3))
    today = _open(org, 2, colour="yellow", due_on=TODAY, stage_due_on=TODAY - timedelta(days=1))
    _open(org, 4, colour="green", due_on=TODAY + timedelta(days=10))
    _open(org, 1, colour="paused", due_on=None)
    # not open: counted in none of the open figures, even with a colour left over
    ApplicationFactory(organisation=org, status=Status.COMPLETED, colour="red", due_on=TODAY - timedelta(days=9))
    # flagged: two late 补正 notices (one on an open case), two refusals without a ground, one with
    ApplicationFactory(organisation=org, correction_late=True, correction_sent_on=date(YEAR, 5, 9))
    LicenceApplication.objects.filter(pk=red[0].pk).update(correction_late=True, correction_sent_on=date(YEAR, 6, 1))
    ApplicationFactory(organisation=org, status=Status.REJECTED, rejection_reason="", accepted_on=None,
                       decision="", completed_at=None)
    ApplicationFactory(organisation=org, decision="refused", decision_ground="")
    ApplicationFactory(organisation=org, decision="refused", decision_ground="不符合第十二条规定的条件")
    # received and finished by month; the cases above were received on the factory's 2026-09-01
    for day in (date(YEAR, 1, 1), date(YEAR, 1, 31), date(YEAR, 3, 15)):
        ApplicationFactory(organisation=org, received_on=day, completed_at=_local(date(YEAR, 4, 30), 23, 30))
    ApplicationFactory(organisation=org, received_on=date(YEAR - 1, 12, 31),  # last year: counted in neither
                       completed_at=_local(date(YEAR - 1, 12, 31), 23, 59))
    # local midnight starts March: 00:30 on 1 March in Chinese time is still February in UTC
    ApplicationFactory(organisation=org, received_on=date(YEAR, 2, 3), completed_at=_local(date(YEAR, 3, 1), 0, 30),
                       decided_on_time=False)
    ApplicationFactory(organisation=org, received_on=date(YEAR, 2, 4), completed_at=_local(date(YEAR, 2, 28), 23, 0))
    # an open case finished nothing yet; a withdrawn one finished nothing either
    ApplicationFactory(organisation=org, status=Status.WITHDRAWN, received_on=date(YEAR, 2, 5),
                       completed_at=_local(date(YEAR, 2, 6), 10))
    # follow-ups of poor ratings: one overdue, one due later, one closed
    for due, closed in ((TODAY - timedelta(days=1), None), (TODAY + timedelta(days=5), None),
                        (TODAY - timedelta(days=30), TODAY - timedelta(days=31))):
        case = ApplicationFactory(organisation=org)
        rating = Rating.objects.create(application=case, organisation=org, item_code=case.item_code, level=1)
        FollowUp.objects.create(rating=rating, organisation=org, opened_on=due - timedelta(days=14), limit_days=10,
                                due_on=due, closed_on=closed)
    return {"red": red, "today": today}


def test_the_department_row_counts_what_it_has(org, known):
    data = supervision.overview(today=TODAY, year=YEAR)
    row = next(d for d in data["rows"] if d.organisation_id == org.pk)
    assert row.name == "敕勒川市监察测试局"
    assert row.open == 10
    assert row.colours == {"green": 4, "yellow": 2, "red": 3, "unknown": 0, "paused": 1}
    assert (row.due_today, row.stage_over) == (2, 2)
    assert (row.late_correction, row.no_ground) == (2, 2)
    assert (row.followups_open, row.followups_overdue) == (2, 1)


def test_the_months_count_received_finished_and_late_in_local_time(org, known):
    months = supervision.overview(today=TODAY, year=YEAR)["monthly"][org.pk]
    assert {m: c["received"] for m, c in months.items() if c["received"]} == {1: 2, 2: 3, 3: 1}
    assert {m: c["finished"] for m, c in months.items() if c["finished"]} == {2: 1, 3: 1, 4: 3}
    assert {m: c["late"] for m, c in months.items() if c["late"]} == {3: 1}
    last_year = supervision.overview(today=TODAY, year=YEAR - 1)["monthly"][org.pk]
    assert last_year[12] == {"received": 1, "finished": 1, "late": 0}


@pytest.fixture
def only_this_department(org):
    """The lists span every department: the demo's own overdue cases and follow-ups are set aside."""
    others = LicenceApplication.objects.exclude(organisation=org)
    others.update(colour="green", due_on=None, due_sort=date(9999, 12, 31), stage_due_on=None, correction_late=False)
    FollowUp.objects.exclude(organisation=org).update(closed_on=date(YEAR, 1, 2))


def test_the_lists_are_paged_on_the_counts_most_urgent_first(org, only_this_department, known):
    red = known["red"]
    LicenceApplication.objects.filter(pk=red[1].pk).update(due_on=TODAY - timedelta(days=5),
                                                            due_sort=TODAY - timedelta(days=5))
    first = supervision.overview(today=TODAY, year=YEAR, per_page=2)
    overdue = first["lists"]["overdue"]
    assert overdue.paginator.count == 3 and overdue.paginator.num_pages == 2
    assert [r["receipt_number"] for r in overdue] == [red[1].receipt_number, red[0].receipt_number]
    second = supervision.overview(today=TODAY, year=YEAR, per_page=2, pages={"overdue": "2"})
    assert [r["receipt_number"] for r in second["lists"]["overdue"]] == [red[2].receipt_number]
    assert sorted(r["receipt_number"] for r in first["lists"]["due_today"]) == sorted(
        c.receipt_number for c in known["today"])
    assert first["followups"].paginator.count == 2
    assert [f.due_on for f in first["followups"]] == [TODAY - timedelta(days=1), TODAY + timedelta(days=5)]
    # a page past the end shows the last one, nonsense the first
    assert supervision.overview(today=TODAY, year=YEAR, per_page=2, pages={"overdue": "9"})["lists"][
        "overdue"].number == 2
    assert supervision.overview(today=TODAY, year=YEAR, per_page=2, pages={"overdue": "x"})["lists"][
        "overdue"].number == 1


def test_the_view_pages_a_list_and_keeps_the_year(client, org, only_this_department, monkeypatch):
    monkeypatch.setattr(supervision, "PER_PAGE", 2)
    today = timezone.localdate()
    cases = _open(org, 3, colour="red", due_on=today - timedelta(days=2))
    for n, case in enumerate(cases):
        day = today - timedelta(days=10 - n)
        LicenceApplication.objects.filter(pk=case.pk).update(due_on=day, due_sort=day)
    user = get_user_model().objects.create_user("fig_supervisor", password="x-Secret-2026")
    from casefile.scope import ensure_supervisor_group

    user.groups.add(ensure_supervisor_group())
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)
    url = reverse("service_feedback_supervision")
    page = client.get(f"{url}?year={today.year}").content.decode()
    listed = page.split('id="list-overdue"', 1)[1].split("</nav>", 1)[0]
    assert cases[0].receipt_number in listed and cases[2].receipt_number not in listed
    assert "共 3 件" in listed and "第 1 / 2 页" in listed
    link = listed.split('rel="next"', 1)[0].rsplit('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert "overdue_page=2" in link and f"year={today.year}" in link
    second = client.get(url + link.split("#", 1)[0]).content.decode()
    listed = second.split('id="list-overdue"', 1)[1].split("</nav>", 1)[0]
    assert cases[2].receipt_number in listed and cases[0].receipt_number not in listed
    assert "第 2 / 2 页" in listed and 'rel="prev"' in listed
    # the status is shown by its label, not its code
    assert "审查中" in listed and ">reviewing<" not in listed
