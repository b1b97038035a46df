"""Rating a finished case: once, only after 办结, only by whoever holds the
case (its account, or the receipt number and query code); the comment is
stored as inert text; a poor rating opens a follow-up."""
from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse

from formguard.guard import issue_token
from services.feedback import service
from services.feedback.models import FollowUp, Rating
from services.licensing.constants import Status

from .factories import QUERY_CODE, ApplicationFactory, OpenApplicationFactory

pytestmark = pytest.mark.django_db
URL = "/banshi/pingjia/"
HOST = "fgw.localhost"


def post(client, case, **data):
    body = {"receipt_number": case.receipt_number, "query_code": QUERY_CODE, "level": "4", "comment": "",
            "submit_token": issue_token(), "website": "", **data}
    return client.post(URL, body, HTTP_HOST=HOST)


def test_a_finished_case_is_rated_with_its_receipt_number_and_query_code(client):
    case = ApplicationFactory()
    response = post(client, case, level="5", comment="办理很快，窗口人员耐心")
    assert response.status_code == 302
    rating = Rating.objects.get(application=case)
    assert (rating.level, rating.comment, rating.organisation_id) == (5, "办理很快，窗口人员耐心", case.organisation_id)
    thanks = client.get(response["Location"], HTTP_HOST=HOST)
    assert "非常满意" in thanks.content.decode()
    assert not FollowUp.objects.filter(rating=rating).exists()


def test_a_second_rating_is_refused_and_the_first_one_stays(client):
    case = ApplicationFactory()
    post(client, case, level="5")
    again = post(client, case, level="1", comment="改成差评")
    page = again.content.decode()
    assert again.status_code == 200
    assert "已经评价过" in page
    assert Rating.objects.filter(application=case).count() == 1
    assert Rating.objects.get(application=case).level == 5
    assert not FollowUp.objects.exists() or not FollowUp.objects.filter(rating__application=case).exists()


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.REVIEWING, Status.DECIDED])
def test_an_unfinished_case_cannot_be_rated(client, status):
    case = OpenApplicationFactory(status=status)
    response = post(client, case, level="5", comment="提前评价")
    page = response.content.decode()
    assert "尚未办结" in page
    assert "提前评价" in page  # what was typed is kept
    assert not Rating.objects.filter(application=case).exists()


def test_a_wrong_query_code_cannot_rate_and_looks_like_an_unknown_number(client):
    case = ApplicationFactory()
    wrong = post(client, case, query_code="000000", comment="我的意见").content.decode()
    unknown = post(client, case, receipt_number="XK20260101-ZZZZZZ", comment="我的意见").content.decode()
    assert "没有找到与该办件编号和查询码相符的办件" in wrong
    assert "没有找到与该办件编号和查询码相符的办件" in unknown
    assert "我的意见" in wrong
    assert not Rating.objects.filter(application=case).exists()


def test_missing_fields_are_named_and_linked_to_their_messages(client):
    case = ApplicationFactory()
    page = client.post(URL, {"receipt_number": case.receipt_number, "query_code": "", "comment": "保留我",
                             "submit_token": issue_token(), "website": ""}, HTTP_HOST=HOST).content.decode()
    assert "请选择评价等级。" in page and "请填写查询码。" in page
    assert 'aria-describedby="id_query_code-errors"' in page
    assert 'id="id_query_code-errors"' in page
    assert "保留我" in page


def test_a_hostile_comment_is_stored_as_inert_text(client, demo_user):
    case = ApplicationFactory()
    post(client, case, level="2", comment='<script>alert("x")</script><img src=x onerror=alert(1)>态度<b>很差</b>')
    rating = Rating.objects.get(application=case)
    assert "<" not in rating.comment and "script" not in rating.comment
    assert "态度很差" in rating.comment
    client.force_login(demo_user("admin"))
    page = client.get(reverse("service_feedback_followup", args=[rating.followup.pk])).content.decode()
    assert "态度很差" in page and "<script>alert" not in page


def test_the_owner_rates_from_the_account_without_the_code_and_another_account_cannot(client):
    User = get_user_model()
    owner = User.objects.create_user("fb_owner", password="x-Secret-2026")
    other = User.objects.create_user("fb_other", password="x-Secret-2026")
    case = ApplicationFactory(account=owner)
    client.force_login(other)
    page = client.get(f"{URL}?n={case.receipt_number}", HTTP_HOST=HOST).content.decode()
    assert 'name="query_code"' in page  # a stranger still needs the code
    client.force_login(owner)
    page = client.get(f"{URL}?n={case.receipt_number}", HTTP_HOST=HOST).content.decode()
    assert 'name="query_code"' not in page
    response = client.post(URL, {"n": case.receipt_number, "level": "3", "submit_token": issue_token(),
                                 "website": ""}, HTTP_HOST=HOST)
    assert response.status_code == 302
    rating = Rating.objects.get(application=case)
    assert (rating.level, rating.channel, rating.account) == (3, "account", owner)


def test_the_status_page_block_links_to_rating_then_shows_the_rating(client):
    case = ApplicationFactory()
    block = render_to_string("service_feedback/_rate_block.html", {"case": case})
    assert "评价本次服务" in block
    link = block.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    form = client.get(link, HTTP_HOST=HOST).content.decode()
    assert 'name="query_code"' not in form  # the signed link stands for the code
    token = link.split("t=", 1)[1]
    client.post(URL, {"t": token, "level": "4", "submit_token": issue_token(), "website": ""}, HTTP_HOST=HOST)
    case.refresh_from_db()
    block = render_to_string("service_feedback/_rate_block.html", {"case": case})
    assert "您已评价" in block and "满意" in block and "评价本次服务" not in block
    open_case = OpenApplicationFactory()
    assert render_to_string("service_feedback/_rate_block.html", {"case": open_case}).strip() == ""


def test_a_forged_link_is_not_accepted(client):
    case = ApplicationFactory()
    client.post(URL, {"t": f"{case.pk}:forged", "level": "5", "submit_token": issue_token(), "website": ""},
                HTTP_HOST=HOST)
    assert not Rating.objects.filter(application=case).exists()


def test_a_poor_rating_opens_a_follow_up_due_in_working_days():
    case = ApplicationFactory()
    # 2026-09-28 (Mon) + 10 working days: 国庆 1–7 Oct are off and Sat 10 Oct is a working day
    rating = service.rate(case=case, level=2, comment="材料退回了三次", today=date(2026, 9, 28))
    followup = rating.followup
    assert (followup.opened_on, followup.limit_days, followup.due_on) == (date(2026, 9, 28), 10, date(2026, 10, 16))
    assert followup.colour(date(2026, 10, 16)) == "yellow"
    assert followup.colour(date(2026, 10, 19)) == "red"
    assert followup.colour(date(2026, 9, 29)) == "green"


def test_the_follow_up_limit_comes_from_the_settings(settings):
    settings.SERVICE_FOLLOWUP_LIMIT = 5
    rating = service.rate(case=ApplicationFactory(), level=1, today=date(2026, 11, 2))
    assert (rating.followup.limit_days, rating.followup.due_on) == (5, date(2026, 11, 9))


def test_the_mongolian_and_english_sites_show_the_form_in_their_language(client):
    case = ApplicationFactory()
    mn = client.get(f"{URL}?n={case.receipt_number}", HTTP_HOST="mgl.localhost").content.decode()
    en = client.get(f"{URL}?n={case.receipt_number}", HTTP_HOST="en.localhost").content.decode()
    assert 'lang="mn-Mong"' in mn and 'name="level"' in mn
    assert 'lang="en"' in en and 'name="level"' in en
