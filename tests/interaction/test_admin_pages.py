"""The officers' pages as the demo mailbox staff use them, through the admin's
own views (signed in, second factor included): route, transfer with a reason,
draft and approve the reply, approve the masked text for 来信选登; and the
walls between organisations."""

import pytest

from interaction.models import Letter

from .conftest import CITY, FGW, WWW, org

pytestmark = pytest.mark.django_db

CONTENT = "我叫赵大勇，电话13900001111，住光明路5号。工地每天夜里施工，噪音很大。"


@pytest.fixture
def letter(submit):
    return submit(kind="complain", subject="工地夜间施工扰民", content=CONTENT, publish_allowed=True,
                  writer={"name": "赵大勇", "phone": "13900001111", "address": "光明路5号"}).letter


@pytest.fixture
def signed_in(client, staff):
    """A test client signed in as one of the demo staff (password and TOTP step)."""
    from tests.conftest import SecondFactorClient

    def sign_in(username):
        c = SecondFactorClient()
        c.force_login(staff(username))
        return c

    return sign_in


def _act(c, letter, action, data):
    letter.refresh_from_db()
    payload = {f"{action}-{k}": v for k, v in data.items()}
    return c.post(f"/admin/hudong/{letter.pk}/{action}/", {**payload, "seen_status": letter.status}, **WWW)


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_route_transfer_reply_approve_and_publish_through_the_admin(signed_in, letter, client):
    city = signed_in("www_signer")  # the mayor's mailbox administrator (签发)
    queue = city.get("/admin/hudong/", **WWW).content.decode()
    assert letter.receipt_number in queue
    page = city.get(f"/admin/hudong/{letter.pk}/", **WWW).content.decode()
    assert "分办" in page and "13900001111" in page  # staff see the writer's details

    done = _act(city, letter, "route", {"departments": [org(CITY).pk], "note": "请市政府办核实"})
    assert done.status_code == 302
    letter.refresh_from_db()
    assert letter.status == "handling" and letter.organisation == org(CITY)

    # 转办 needs a reason: refused with the form kept, nothing changes
    refused = _act(city, letter, "transfer", {"departments": [org(FGW).pk], "reason": ""})
    assert refused.status_code == 400 and "转办理由" in refused.content.decode()
    letter.refresh_from_db()
    assert letter.organisation == org(CITY)
    fgw_editor = signed_in("fgw_editor")
    assert fgw_editor.get(f"/admin/hudong/{letter.pk}/", **WWW).status_code == 404  # not theirs yet

    done = _act(city, letter, "transfer", {"departments": [org(FGW).pk], "reason": "施工许可归发展改革委管理"})
    assert done.status_code == 302
    letter.refresh_from_db()
    assert letter.organisation == org(FGW) and list(letter.departments.all()) == [org(FGW)]
    history = city.get(f"/admin/hudong/{letter.pk}/", **WWW).content.decode()
    assert "施工许可归发展改革委管理" in history

    # the department drafts; the drafter cannot approve their own reply
    assert letter.receipt_number in fgw_editor.get("/admin/hudong/", **WWW).content.decode()
    reply = "已责令赵大勇反映的工地停止夜间施工，联系电话13900001111已回访。"
    assert _act(fgw_editor, letter, "draft_reply", {"text": reply}).status_code == 302
    letter.refresh_from_db()
    assert letter.status == "drafted" and letter.reply_text == ""
    own = _act(fgw_editor, letter, "approve_reply", {"text": reply, "publish": "on"})
    assert own.status_code != 302 or own["Location"] != f"/admin/hudong/{letter.pk}/"  # refused, not done
    letter.refresh_from_db()
    assert letter.status == "drafted"

    reviewer = signed_in("fgw_reviewer")  # 初审 approves
    done = _act(reviewer, letter, "approve_reply", {"text": reply, "publish": "on", "note": "同意"})
    assert done.status_code == 302
    letter.refresh_from_db()
    assert letter.status == "answered" and letter.reply_text == reply and letter.publication == "pending"
    # not public before the masked version is approved
    assert client.get(f"/hudong/xuandeng/{letter.receipt_number}/", **WWW).status_code == 404
    page = reviewer.get(f"/admin/hudong/{letter.pk}/", **WWW).content.decode()
    assert "审核脱敏文本并选登" in page
    assert "大勇" not in letter.public_content and "13900001111" not in letter.public_reply

    done = reviewer.post(f"/admin/hudong/{letter.pk}/publish/", {
        "publish-subject": letter.public_subject, "publish-content": letter.public_content,
        "publish-reply": letter.public_reply + "（欢迎继续监督）",
    }, **WWW)
    assert done.status_code == 302
    public = client.get(f"/hudong/xuandeng/{letter.receipt_number}/", **WWW).content.decode()
    assert "欢迎继续监督" in public and "已隐去" in public
    for secret in ("大勇", "13900001111", "光明路5号"):
        assert secret not in public


def test_an_empty_masked_text_is_refused_and_the_letter_stays_unpublished(signed_in, letter):
    from interaction import service

    service.route(letter, user=_user("www_signer"), departments=[org(CITY)])
    service.draft_reply(letter, user=_user("www_editor"), text="已处理。")
    service.approve_reply(letter, user=_user("www_reviewer"), publish=True)
    reviewer = signed_in("www_reviewer")
    page = reviewer.post(f"/admin/hudong/{letter.pk}/publish/", {
        "publish-subject": "工地施工", "publish-content": "  ", "publish-reply": "已处理。"}, **WWW)
    assert page.status_code == 400 and "公开来信内容" in page.content.decode()
    letter.refresh_from_db()
    assert letter.publication == "pending"


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_another_organisations_staff_cannot_see_or_act_on_the_letter(signed_in, letter):
    other = signed_in("jyj_signer")  # 市教育局's mailbox administrator
    assert letter.receipt_number not in other.get("/admin/hudong/?status=all", **WWW).content.decode()
    assert other.get(f"/admin/hudong/{letter.pk}/", **WWW).status_code == 404
    tried = other.post(f"/admin/hudong/{letter.pk}/route/", {
        "route-departments": [org(CITY).pk], "seen_status": "submitted"}, **WWW)
    assert tried.status_code == 404
    letter.refresh_from_db()
    assert letter.status == "submitted"
    # the city's own staff do see it
    assert signed_in("www_editor").get(f"/admin/hudong/{letter.pk}/", **WWW).status_code == 200


def test_staff_without_the_second_factor_are_sent_to_it(letter, staff):
    from django.test import Client

    c = Client()
    c.force_login(staff("www_signer"))
    response = c.get(f"/admin/hudong/{letter.pk}/", **WWW)
    assert response.status_code == 302 and letter.receipt_number not in response.content.decode()


def test_the_queue_filters_by_mailbox_and_marks_letters_for_manual_review(signed_in, submit, mayor):
    from moderation.models import SensitiveWord

    SensitiveWord.objects.create(word="代办证件")
    flagged = submit(subject="举报网上代办证件广告", content="有人发布代办证件广告。").letter
    assert flagged.needs_review
    city = signed_in("www_signer")
    listed = city.get(f"/admin/hudong/?review=1&mailbox={mayor.pk}", **WWW).content.decode()
    assert flagged.receipt_number in listed
    page = city.get(f"/admin/hudong/{flagged.pk}/", **WWW).content.decode()
    assert "待人工审核" in page and "代办证件" in page
    # routing waits for the person who reads it; the letter is kept
    assert "<h2>分办</h2>" not in page and "<h2>敏感词审核通过</h2>" in page
    assert Letter.objects.filter(pk=flagged.pk, status="submitted").exists()


def test_officers_download_a_writers_attachment_and_other_organisations_cannot(signed_in, letter):
    from django.core.files.base import ContentFile

    from interaction.models import LetterAttachment

    body = b"%PDF-1.4\n% site photo\n"
    row = LetterAttachment(letter=letter, name="现场照片.pdf", size=len(body))
    row.file.save("site.pdf", ContentFile(body), save=True)
    own = signed_in("www_editor")
    page = own.get(f"/admin/hudong/{letter.pk}/", **WWW).content.decode()
    link = f"/admin/hudong/{letter.pk}/attachment/{row.pk}/"
    assert link in page and "/media/hudong/" not in page  # never a public media address
    download = own.get(link, **WWW)
    assert download.status_code == 200 and b"".join(download.streaming_content) == body
    assert "attachment" in download["Content-Disposition"]
    assert signed_in("jyj_signer").get(link, **WWW).status_code == 404
    row.file.delete(save=False)
