"""网上调查: answering, one response per phone or account, required questions,
results (hidden until closing unless live), charts and the export."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from formguard.guard import issue_token
from interaction.surveys import service
from interaction.surveys.models import Response, SurveyPage

pytestmark = pytest.mark.django_db
WWW = {"HTTP_HOST": "www.localhost"}


@pytest.fixture
def survey(db):
    return SurveyPage.objects.get(slug="zwfw-manyidu", locale__language_code="zh-hans")


def _url(page):
    return page.relative_url(page.get_site())


def _answers(survey, **overrides):
    blocks = list(survey.questions)
    data = {"submit_token": issue_token(), "website": ""}
    data[f"q_{blocks[0].id}"] = "1"
    data[f"q_{blocks[1].id}"] = "5"
    data[f"q_{blocks[2].id}"] = "4"
    data[f"q_{blocks[3].id}"] = ["0", "2"]
    data[f"q_{blocks[4].id}"] = "希望延长周末办事时间。"
    data.update(overrides)
    return data


def test_answer_once_per_phone(client, survey, confirmed):
    confirmed("13947109001")
    before = survey.responses.count()
    response = client.post(_url(survey), _answers(survey), **WWW)
    assert "您的答卷已提交" in response.content.decode()
    saved = Response.objects.latest("created")
    assert saved.answers[list(survey.questions)[3].id] == ["0", "2"]
    assert "13947109001" not in str(saved.__dict__)  # only a keyed hash of the phone
    again = client.post(_url(survey), _answers(survey), **WWW)
    assert again.status_code == 409 and "只能提交一次" in again.content.decode()
    assert survey.responses.count() == before + 1


def test_one_response_per_account(survey, django_user_model):
    user = django_user_model.objects.create_user("citizen-dc", password="x")
    service.submit_response(survey=survey, answers={}, phone="13947109002", account=user)
    with pytest.raises(service.AlreadyAnswered):
        service.submit_response(survey=survey, answers={}, phone="13947109003", account=user)


def test_required_questions_are_asked_for_keeping_the_rest(client, survey, confirmed):
    confirmed("13947109004")
    blocks = list(survey.questions)
    response = client.post(_url(survey), _answers(survey, **{f"q_{blocks[1].id}": ""}), **WWW)
    html = response.content.decode()
    assert response.status_code == 400 and "请回答此题。" in html
    assert f'aria-describedby="id_q_{blocks[1].id}_error"' in html
    assert "希望延长周末办事时间。" in html  # the free text is kept
    assert 'value="1" id="id_q_' in html and "checked" in html


def test_results_hidden_until_closing_unless_live(client, survey):
    results_url = _url(survey) + "results/"
    html = client.get(results_url, **WWW).content.decode()
    assert "共收到答卷 36 份" in html and "<table" in html and "人作答" in html
    key = list(survey.questions)[0].id
    chart = client.get(reverse("surveys:chart", args=[survey.pk, key]), **WWW)
    assert chart["Content-Type"].startswith("image/svg+xml") and b"<svg" in chart.content
    assert b"<script" not in chart.content
    survey.results_live = False
    survey.save_revision().publish()
    hidden = client.get(results_url, **WWW)
    assert hidden.status_code == 403 and "调查结束后公布结果" in hidden.content.decode()
    assert client.get(reverse("surveys:chart", args=[survey.pk, key]), **WWW).status_code == 404
    survey.closes_on = timezone.localdate() - dt.timedelta(days=1)
    survey.opens_on = survey.closes_on - dt.timedelta(days=30)
    survey.save_revision().publish()
    assert client.get(results_url, **WWW).status_code == 200


def test_results_add_up(survey):
    results = service.results(survey)
    rating = results[1]
    assert sum(r.count for r in rating.rows) == rating.answered == 36 and 1 <= rating.average <= 5
    assert results[4].kind == "free_text" and not results[4].rows


def test_xlsx_has_one_row_per_response(client, survey, demo_user):
    client.force_login(demo_user("admin"))
    response = client.get(reverse("surveys_export", args=[survey.pk]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][3] == "您最近一次办理政务服务事项的方式是？"
    assert len(rows) == 1 + survey.responses.count()
    assert all(r[3] in ("到政务服务中心窗口", "政务服务网在线办理", "手机应用或小程序", "自助终端") for r in rows[1:])


def test_hostile_free_text_is_inert(client, survey, confirmed, demo_user):
    confirmed("13947109005")
    blocks = list(survey.questions)
    client.post(_url(survey), _answers(survey, **{f"q_{blocks[4].id}": "<script>x()</script>=1+2"}), **WWW)
    saved = Response.objects.latest("created")
    assert "<script" not in saved.answers[blocks[4].id]
    client.force_login(demo_user("admin"))
    rows = list(load_workbook(io.BytesIO(client.get(reverse("surveys_export", args=[survey.pk])).content))
                .active.iter_rows(values_only=True))
    assert rows[-1][7] == "'=1+2"
