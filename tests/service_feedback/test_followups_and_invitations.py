"""The invitation an unrated case gets (once, N days after 办结) and the
department's follow-up of a poor rating: answer, call-back, notification,
scope by organisation."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from notify.models import Outbox
from services.feedback import service
from services.feedback.models import RatingInvitation
from services.feedback.notify_templates import FOLLOWUP_ANSWERED, INVITATION
from services.feedback.tasks import invite_ratings

from .factories import JYJ_CODE, ApplicationFactory, at, item

pytestmark = pytest.mark.django_db


def invitations(case) -> list[Outbox]:
    return list(Outbox.objects.filter(template=INVITATION, reference=case.receipt_number))


def test_the_invitation_goes_out_once_n_days_after_completion(settings):
    settings.SERVICE_RATING_INVITE_DAYS = 3
    done = date(2026, 11, 2)
    case = ApplicationFactory(completed_at=at(done, 16), phone="13912340001", email="a@example.com")
    rated = ApplicationFactory(completed_at=at(done, 9))
    service.rate(case=rated, level=5)
    invite_ratings(today=(done + timedelta(days=2)).isoformat())
    assert invitations(case) == []
    invite_ratings(today=(done + timedelta(days=3)).isoformat())
    sent = invitations(case)
    assert sorted(m.channel for m in sent) == ["email", "sms"]
    assert case.receipt_number in sent[0].params["number"] and "/banshi/pingjia/?n=" in sent[0].params["url"]
    invite_ratings(today=(done + timedelta(days=4)).isoformat())  # the next rounds send nothing more
    invite_ratings(today=(done + timedelta(days=30)).isoformat())
    assert len(invitations(case)) == 2
    assert RatingInvitation.objects.filter(application=case).count() == 1
    assert invitations(rated) == []


def _officer(username: str):
    """An officer of 市教育局 (groups on the jyj site) who works licensing cases."""
    user = get_user_model().objects.get(username=username)
    user.user_permissions.add(*Permission.objects.filter(
        content_type__app_label="licensing", codename__in=["view_licenceapplication", "change_licenceapplication"]))
    return get_user_model().objects.get(pk=user.pk)


def test_the_department_answers_and_calls_back_and_the_applicant_is_told(client):
    case = ApplicationFactory(item=item(JYJ_CODE), phone="13912340002", email="b@example.com")
    rating = service.rate(case=case, level=1, comment="等了很久", today=timezone.localdate())
    followup = rating.followup
    officer = _officer("jyj_editor")
    client.force_login(officer)
    url = reverse("service_feedback_followup", args=[followup.pk])
    listing = client.get(reverse("service_feedback_followups")).content.decode()
    assert case.receipt_number in listing
    # an empty answer is refused with its message, nothing saved
    page = client.post(url, {"action": "answer", "answer": ""}).content.decode()
    assert "请填写整改情况。" in page
    followup.refresh_from_db()
    assert followup.answered_at is None
    client.post(url, {"action": "answer", "answer": "已约谈窗口人员，压缩审查环节至3个工作日。"})
    followup.refresh_from_db()
    assert followup.answered_by == officer and followup.closed_on is None
    told = Outbox.objects.filter(template=FOLLOWUP_ANSWERED, reference=case.receipt_number)
    assert sorted(m.channel for m in told) == ["email", "sms"]
    assert "压缩审查环节" in told[0].params["answer"]
    when = timezone.localtime() - timedelta(hours=1)
    client.post(url, {"action": "callback", "callback_at": when.strftime("%Y-%m-%dT%H:%M"),
                      "callback_caller": "李科长", "callback_outcome": "basic", "callback_note": "申请人表示理解"})
    followup.refresh_from_db()
    assert (followup.callback_caller, followup.callback_outcome) == ("李科长", "basic")
    assert followup.closed_on == timezone.localdate()
    # the applicant's status block shows the answer
    from django.template.loader import render_to_string

    case.refresh_from_db()
    assert "压缩审查环节" in render_to_string("service_feedback/_rate_block.html", {"case": case})


def test_another_department_cannot_see_or_answer_the_follow_up(client):
    case = ApplicationFactory(item=item(JYJ_CODE))
    followup = service.rate(case=case, level=2).followup
    other = _officer("fgw_editor")
    client.force_login(other)
    assert case.receipt_number not in client.get(reverse("service_feedback_followups")).content.decode()
    url = reverse("service_feedback_followup", args=[followup.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "answer", "answer": "越权答复"}).status_code == 404
    followup.refresh_from_db()
    assert followup.answer == ""
