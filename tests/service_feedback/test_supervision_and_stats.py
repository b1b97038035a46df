"""The supervisors' view (电子监察 of the online services) and the public
statistics: the right cases in the right lists, counts that match the data,
charts with their data tables, xlsx files that open."""
from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cluster.models import Organisation
from services.feedback import charts, service
from services.licensing.constants import Status

from .factories import ApplicationFactory, OpenApplicationFactory, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def supervisor(db):
    from casefile.scope import ensure_supervisor_group

    user = get_user_model().objects.create_user("fb_supervisor", password="x-Secret-2026")
    user.groups.add(ensure_supervisor_group())
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def org(db) -> Organisation:
    return Organisation.objects.create(name="敕勒川市统计测试局", code="11150100MB0009999Z", short_name="测试局")


def test_only_supervisors_see_the_supervision_view(client, demo_user):
    client.force_login(demo_user("fgw_editor"))
    response = client.get(reverse("service_feedback_supervision"))
    assert response.status_code in (302, 403)  # Wagtail sends a refused admin page back to the dashboard
    assert "网上办事监察" not in response.content.decode()


def test_the_supervision_view_lists_overdue_and_late_correction_cases_and_exports_them(client, supervisor, org):
    today = timezone.localdate()
    overdue = OpenApplicationFactory(organisation=org, received_on=today - timedelta(days=60),
                                     accepted_on=today - timedelta(days=59))
    assert overdue.colour == "red"
    late = OpenApplicationFactory(organisation=org, correction_late=True, correction_sent_on=today - timedelta(days=20),
                                  received_on=today - timedelta(days=5), accepted_on=today - timedelta(days=4))
    silent = ApplicationFactory(organisation=org, status=Status.COMPLETED, decision="refused", decision_ground="")
    poor = ApplicationFactory(organisation=org)
    followup = service.rate(case=poor, level=1, today=today - timedelta(days=40)).followup
    assert followup.colour() == "red"

    client.force_login(supervisor)
    page = client.get(reverse("service_feedback_supervision")).content.decode()
    overdue_list = page.split('id="list-overdue"', 1)[1].split("</table>", 1)[0]
    assert overdue.receipt_number in overdue_list and 'colour-red' in overdue_list
    assert late.receipt_number not in overdue_list
    late_list = page.split('id="list-late_correction"', 1)[1].split("</table>", 1)[0]
    assert late.receipt_number in late_list and overdue.receipt_number not in late_list
    assert silent.receipt_number in page.split('id="list-no_ground"', 1)[1].split("</table>", 1)[0]
    followups = page.split('id="list-followups"', 1)[1].split("</table>", 1)[0]
    assert poor.receipt_number in followups and "colour-red" in followups
    row = page.split(f'data-organisation="{org.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "敕勒川市统计测试局" in row
    # the charts are SVG with their name, each beside a data table
    assert '<svg' in page and 'id="chart-colours" role="img"' in page and 'id="table-departments"' in page
    assert 'id="chart-months" role="img"' in page and 'id="table-months"' in page

    response = client.get(reverse("service_feedback_supervision_xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["按部门"]
    header = [c.value for c in sheet[1]]
    mine = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "敕勒川市统计测试局")
    values = dict(zip(header, mine, strict=True))
    assert values["在办"] == 2 and values["已超期"] == 1 and values["逾期告知补正"] == 1
    assert values["不予受理/许可未说明理由"] == 1 and values["差评整改超期"] == 1
    numbers = [r[0] for r in book["超期办件"].iter_rows(min_row=2, values_only=True)]
    assert overdue.receipt_number in numbers and late.receipt_number not in numbers
    assert late.receipt_number in [r[0] for r in book["逾期告知补正"].iter_rows(min_row=2, values_only=True)]


def test_public_statistics_match_the_data(client, org):
    year = 2025
    # 4 received in March (3 accepted), 3 finished in April: 2 on time
    for n in range(4):
        ApplicationFactory(organisation=org, received_on=date(year, 3, 2 + n),
                           accepted_on=date(year, 3, 3) if n < 3 else None,
                           status=Status.COMPLETED if n < 3 else Status.REJECTED,
                           completed_at=at(date(year, 4, 1)) if n < 3 else None, decided_on_time=n < 2)
    cases = list(org.licensing_licenceapplication_cases.filter(status=Status.COMPLETED))
    for case, level in zip(cases, (5, 3, 1), strict=True):
        rating = service.rate(case=case, level=level)
        rating.created = at(date(year, 4, 10))
        rating.save(update_fields=["created"])
    url = reverse("service_feedback:stats_org", kwargs={"org_id": org.pk})
    page = client.get(f"{url}?year={year}", HTTP_HOST="www.localhost").content.decode()
    summary = page.split('class="stats-summary"', 1)[1].split("</dl>", 1)[0]
    assert '<dd class="received">4</dd>' in summary and '<dd class="accepted">3</dd>' in summary
    assert '<dd class="finished">3</dd>' in summary and '<dd class="on-time">66.7%</dd>' in summary
    # 2025-03-03 → 2025-04-01: 21 working days (no holiday between)
    assert '<dd class="days">21.0</dd>' in summary
    assert '<dd class="rated">3</dd>' in summary and '<dd class="satisfaction">66.7%</dd>' in summary
    ratings = page.split('id="table-ratings"', 1)[1].split("</table>", 1)[0]
    assert [int(x.split("<", 1)[0]) for x in ratings.split('class="num level">')[1:]] == [1, 0, 1, 0, 1]
    assert 'id="chart-months" role="img"' in page and 'id="table-months"' in page
    assert 'id="chart-ratings" role="img"' in page
    assert "<script" not in page.split('id="chart-months"', 1)[1].split("</svg>", 1)[0]

    book = load_workbook(io.BytesIO(client.get(
        reverse("service_feedback:stats_org_xlsx", kwargs={"org_id": org.pk}) + f"?year={year}",
        HTTP_HOST="www.localhost").content))
    header, total = [c.value for c in book["合计"][1]], [c.value for c in book["合计"][2]]
    values = dict(zip(header, total, strict=True))
    assert (values["收件数"], values["受理数"], values["办结数"], values["评价数"]) == (4, 3, 3, 3)
    months = list(book["按月"].iter_rows(min_row=2, values_only=True))
    assert months[2][1] == 4 and months[3][3] == 3  # March received, April finished

    # the whole cluster's page lists the department with a link to its own page
    everything = client.get(f"{reverse('service_feedback:stats')}?year={year}", HTTP_HOST="www.localhost")
    assert f"{url}?year={year}" in everything.content.decode()


def test_the_page_counts_every_few_minutes_and_says_so_while_the_export_counts_afresh(client, org):
    from django.core.cache import cache  # emptied before each test (conftest)

    year = 2025
    ApplicationFactory(organisation=org, received_on=date(year, 3, 2))
    url = reverse("service_feedback:stats_org", kwargs={"org_id": org.pk}) + f"?year={year}"
    first = client.get(url, HTTP_HOST="www.localhost").content.decode()
    assert '<dd class="received">1</dd>' in first and "统计数据每 5 分钟更新一次。" in first
    ApplicationFactory(organisation=org, received_on=date(year, 3, 3))
    assert '<dd class="received">1</dd>' in client.get(url, HTTP_HOST="www.localhost").content.decode()
    book = load_workbook(io.BytesIO(client.get(
        reverse("service_feedback:stats_org_xlsx", kwargs={"org_id": org.pk}) + f"?year={year}",
        HTTP_HOST="www.localhost").content))
    header, total = [c.value for c in book["合计"][1]], [c.value for c in book["合计"][2]]
    assert dict(zip(header, total, strict=True))["收件数"] == 2
    cache.clear()  # five minutes later
    assert '<dd class="received">2</dd>' in client.get(url, HTTP_HOST="www.localhost").content.decode()


@pytest.mark.parametrize("host,lang", [("www.localhost", "zh-Hans"), ("en.localhost", "en"),
                                       ("mgl.localhost", "mn-Mong")])
def test_the_statistics_page_works_in_each_language(client, host, lang):
    page = client.get(reverse("service_feedback:stats"), HTTP_HOST=host)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'lang="{lang}"' in html and 'id="table-months"' in html and "<svg" in html


def test_the_static_chart_css_is_what_pygal_gives():
    assert charts.CSS_FILE.read_text(encoding="utf-8") == charts.chart_css()
