"""意见征集: the period rule, comments on the draft or a section, moderation,
closed drafts, adoption feedback, the export."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from interaction.consultations import service
from interaction.consultations.constants import CommentStatus
from interaction.consultations.models import Comment, ConsultationPage
from moderation.models import SensitiveWord

pytestmark = pytest.mark.django_db
WWW = {"HTTP_HOST": "www.localhost"}


def _url(page):
    return page.relative_url(page.get_site())


def _new_draft(index, days: int, reason: str = "") -> ConsultationPage:
    today = timezone.localdate()
    page = ConsultationPage(
        title="测试草案", slug=f"test-{days}-{len(reason)}", opens_on=today, closes_on=today + dt.timedelta(days=days - 1),
        short_period_reason=reason, sections=[("section", {"number": "第一条", "heading": "", "text": "条文"})],
    )
    index.add_child(instance=page)
    return page


def test_a_period_under_30_days_needs_a_reason(portal_index):
    with pytest.raises(ValidationError) as exc:
        _new_draft(portal_index, 29)
    assert "short_period_reason" in exc.value.message_dict
    assert "29 日" in exc.value.message_dict["short_period_reason"][0]
    assert _new_draft(portal_index, 30).period_days == 30  # 30 days, first and last included: no reason needed


def test_a_short_period_with_its_reason_is_accepted_and_shown(client, portal_index):
    page = _new_draft(portal_index, 20, reason="须在供暖季前确定改造计划")
    page.save_revision().publish()
    html = client.get(_url(page), **WWW).content.decode()
    assert "征集期限少于30日的说明" in html and "须在供暖季前确定改造计划" in html


def test_comment_on_a_section_is_stored_pending_and_not_public(client, open_draft, comment_data, confirmed):
    confirmed("13947105678")
    section = open_draft.sections[2]
    # the section's link preselects it in the form
    page = client.get(_url(open_draft) + f"?section={section.id}", **WWW).content.decode()
    assert f'<option value="{section.id}" selected>' in page
    response = client.post(_url(open_draft), comment_data(section=section.id, text="建议明确犬链长度的测量方法。"), **WWW)
    assert response.status_code == 200
    assert "您的意见已提交" in response.content.decode()
    comment = Comment.objects.get(text="建议明确犬链长度的测量方法。")
    assert comment.section_key == section.id and comment.section_label == "第三条 文明养犬"
    assert comment.status == CommentStatus.PENDING and comment.phone == "13947105678"
    # the moderation gate: not shown until a reviewer approves it
    assert "建议明确犬链长度的测量方法" not in client.get(_url(open_draft), **WWW).content.decode()
    service.moderate(comment=comment, status=CommentStatus.APPROVED, user=None)
    assert "建议明确犬链长度的测量方法" in client.get(_url(open_draft), **WWW).content.decode()


def test_a_double_submit_makes_one_comment(client, open_draft, comment_data, confirmed):
    confirmed()
    data = comment_data(text="同一条意见只应保存一次。")
    client.post(_url(open_draft), data, **WWW)
    second = client.post(_url(open_draft), data, **WWW)
    assert "无需重复提交" in second.content.decode()
    assert Comment.objects.filter(text="同一条意见只应保存一次。").count() == 1


def test_a_sensitive_word_sends_the_comment_to_review_never_drops_it(client, open_draft, comment_data, confirmed):
    SensitiveWord.objects.get_or_create(word="代开发票")
    confirmed()
    response = client.post(_url(open_draft), comment_data(text="小区门口有人发小广告：代 开 發 票。"), **WWW)
    assert "您的意见已提交" in response.content.decode()  # the writer is not told off, nor refused
    comment = Comment.objects.get(text="小区门口有人发小广告：代 开 發 票。")
    assert comment.status == CommentStatus.NEEDS_REVIEW and "代开发票" in comment.sensitive_words
    assert "小区门口有人发小广告" not in client.get(_url(open_draft), **WWW).content.decode()


def test_without_a_confirmed_phone_the_code_is_asked_for_and_the_text_kept(client, open_draft, comment_data):
    response = client.post(_url(open_draft), comment_data(text="我的意见很长，不能丢。", phone="13947100077"), **WWW)
    html = response.content.decode()
    assert response.status_code == 400 and "我的意见很长，不能丢。" in html
    assert "请输入短信验证码" in html and 'aria-describedby="id_phone_code_error"' in html
    # "获取验证码" posts the same form back: the code goes out, nothing typed is lost, no errors yet
    response = client.post(_url(open_draft), comment_data(text="我的意见很长，不能丢。", phone="13947100077", send_code="1"),
                           **WWW)
    html = response.content.decode()
    assert "验证码已发送" in html and "我的意见很长，不能丢。" in html and "form-errors" not in html
    assert not Comment.objects.filter(text="我的意见很长，不能丢。").exists()


def test_a_wrong_sms_code_is_refused_keeping_the_text(client, open_draft, comment_data):
    client.post(_url(open_draft), comment_data(phone="13947100078", send_code="1"), **WWW)
    response = client.post(_url(open_draft), comment_data(text="验证码错了也要保留。", phone="13947100078", phone_code="000000"),
                           **WWW)
    assert "短信验证码不正确" in response.content.decode() and "验证码错了也要保留。" in response.content.decode()


def test_a_closed_draft_refuses_comments_keeping_the_text(client, closed_draft, comment_data, confirmed):
    confirmed()
    before = Comment.objects.count()
    response = client.post(_url(closed_draft), comment_data(text="征集已经结束了吗？我还有意见。"), **WWW)
    html = response.content.decode()
    assert response.status_code == 409
    assert "不再接收新的意见" in html and "征集已经结束了吗？我还有意见。" in html
    assert Comment.objects.count() == before
    with pytest.raises(service.ConsultationClosed):
        service.submit_comment(consultation=closed_draft, text="绕过表单")


def test_adoption_feedback_is_shown_after_closing_only(client, closed_draft, open_draft):
    html = client.get(_url(closed_draft), **WWW).content.decode()
    assert "意见采纳情况" in html
    assert "共收到意见 6 条，公开 6 条；其中采纳 3 条，部分采纳 1 条，未采纳 2 条。" in html
    assert "超出国家老旧小区改造政策确定的范围" in html  # why one was not adopted
    assert "发表意见" not in html  # no form on a closed draft
    open_html = client.get(_url(open_draft), **WWW).content.decode()
    assert "意见采纳情况" not in open_html and "13947101234" not in open_html


def test_the_index_lists_open_and_closed_drafts(client, portal_index, open_draft, closed_draft):
    html = client.get(_url(portal_index), **WWW).content.decode()
    assert html.index(open_draft.title) < html.index("已结束") < html.index(closed_draft.title)
    assert client.get("/hudong/yjzj/", **WWW)["Location"].endswith("/yjzj/")


def test_hostile_text_is_stored_inert_and_shown_escaped(client, open_draft, comment_data, confirmed):
    confirmed()
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>=HYPERLINK("http://x")'
    client.post(_url(open_draft), comment_data(text=hostile, name="<b>x</b>"), **WWW)
    comment = Comment.objects.latest("created")
    assert "<script" not in comment.text and "onerror" not in comment.text
    service.moderate(comment=comment, status=CommentStatus.APPROVED, user=None)
    html = client.get(_url(open_draft), **WWW).content.decode()
    assert "<img src=x" not in html and "alert(1)" not in html
    sheet = load_workbook(io.BytesIO(service.comments_xlsx(open_draft))).active
    cells = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(not str(c).startswith("=") for c in cells)


def test_xlsx_export_has_every_comment(client, closed_draft, demo_user):
    client.force_login(demo_user("admin"))
    response = client.get(reverse("consultations_export", args=[closed_draft.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("序号", "提交时间", "针对条款", "意见内容")
    assert len(rows) == 1 + closed_draft.comments.count()
    assert any(r[3] == "建议把加装电梯列入改造内容，老人上下楼太难了。" and r[9] == "采纳" for r in rows[1:])


def test_other_sites_staff_cannot_export(client, closed_draft, demo_user):
    client.force_login(demo_user("fgw_editor"))
    response = client.get(reverse("consultations_export", args=[closed_draft.pk]))
    assert response.status_code in (302, 403) and "openxmlformats" not in response.get("Content-Type", "")


@pytest.mark.parametrize("host", ["en.localhost", "mgl.localhost"])
def test_the_drafts_in_english_and_mongolian(client, host):
    page = ConsultationPage.objects.filter(slug="yangquan-guanli").exclude(locale__language_code="zh-hans").filter(
        locale__language_code="en" if host.startswith("en") else "mn-mong").get()
    html = client.get(page.relative_url(page.get_site()), HTTP_HOST=host).content.decode()
    assert page.title in html and "comment-form" in html


@pytest.mark.parametrize("host", ["en.localhost", "mgl.localhost"])
@pytest.mark.parametrize("path", ["/hudong/yjzj/", "/hudong/dc/"])
def test_the_columns_in_english_and_mongolian(client, host, path):
    response = client.get(path, HTTP_HOST=host, follow=True)
    assert response.status_code == 200, response.content.decode()[:3000]
    html = response.content.decode()
    assert html.count("<h1") == 1 and 'class="article-list' in html
