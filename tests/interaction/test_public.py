"""The intake form, the status page, 来信选登 and the statistics as a citizen
meets them, bad input included."""

import io
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from interaction import service
from interaction.masking import MARK, mask_letter_text, render_masked
from interaction.models import Letter
from notify.models import Outbox

from .conftest import CITY, WWW, deliver_and_read_code, form_data, org

pytestmark = pytest.mark.django_db
URL = "/hudong/xie/"


def _confirmed(client, phone="13912345678"):
    client.post(URL, {**form_data(phone=phone), "send_code": "1"}, **WWW)
    return deliver_and_read_code(phone)


def _post(client, mailbox, **overrides):
    return client.post(URL, form_data(mailbox=mailbox.pk, **overrides), **WWW)


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_a_writer_without_account_must_confirm_the_phone(client, mayor):
    before = Letter.objects.count()
    page = _post(client, mayor)
    assert page.status_code == 200 and Letter.objects.count() == before
    text = page.content.decode()
    assert "短信验证码" in text and "昭君路与青城街路口" in text  # kept what was typed
    code = _confirmed(client)
    done = _post(client, mayor, phone_code=code)
    assert done.status_code == 302
    letter = Letter.objects.latest("pk")
    assert letter.mailbox == mayor and letter.phone == "13912345678" and letter.kind == "suggest"
    receipt = client.get(done["Location"], **WWW).content.decode()
    assert letter.receipt_number in receipt


def test_a_wrong_code_is_refused_and_nothing_is_lost(client, mayor):
    _confirmed(client)
    page = _post(client, mayor, phone_code="000000")
    text = page.content.decode()
    assert page.status_code == 200 and "aria-invalid" in text and "昭君路与青城街路口" in text


def test_anonymous_only_where_the_mailbox_accepts_the_kind(client, mayor):
    mayor.anonymous_kinds = ["suggest"]
    mayor.save()
    refused = _post(client, mayor, kind="complain", anonymous="on", name="", phone="")
    assert "不受理匿名" in refused.content.decode()
    first = _post(client, mayor, kind="suggest", anonymous="on", name="", phone="")
    assert "验证码" in first.content.decode()  # an anonymous letter carries a captcha instead of a phone
    from captcha.models import CaptchaStore

    store = CaptchaStore.objects.latest("pk")
    token = first.context["form"]["submit_token"].value()
    done = client.post(URL, form_data(mailbox=mayor.pk, kind="suggest", anonymous="on", name="", phone="",
                                      submit_token=token, captcha_0=store.hashkey, captcha_1=store.response), **WWW)
    assert done.status_code == 302
    letter = Letter.objects.latest("pk")
    assert letter.anonymous and letter.name == "" and letter.phone == ""


def test_a_sensitive_word_sends_the_letter_to_manual_review_not_away(client, mayor, admin):
    from moderation.models import SensitiveWord

    SensitiveWord.objects.create(word="代办证件")
    code = _confirmed(client)
    done = _post(client, mayor, phone_code=code, content="网上有人发布代 办 证件广告，请核查。")
    assert done.status_code == 302
    letter = Letter.objects.latest("pk")
    assert letter.needs_review and "代办证件" in letter.review_words
    with pytest.raises(Exception, match="人工审核"):
        service.route(letter, user=admin, departments=[org(CITY)])
    service.clear_review(letter, user=admin)
    service.route(letter, user=admin, departments=[org(CITY)])


def test_script_is_stripped_oversized_text_and_bad_bytes_are_refused_keeping_the_text(client, mayor):
    code = _confirmed(client)
    long = "很长的内容。" * 1000
    page = _post(client, mayor, phone_code=code, content=long)
    text = page.content.decode()
    assert "最多 5000 字" in text and "很长的内容。很长的内容。" in text
    page = _post(client, mayor, phone_code=code, content="供暖\ufffd\ufffd不热")
    assert "编码" in page.content.decode()
    done = _post(client, mayor, phone_code=code, subject="<script>alert(1)</script>供暖", content="<b>不热</b><img src=x onerror=alert(1)>")
    assert done.status_code == 302
    letter = Letter.objects.latest("pk")
    assert "<" not in letter.subject + letter.content and letter.content == "不热"


def test_a_disguised_upload_is_refused_with_a_clear_message(client, mayor):
    code = _confirmed(client)
    fake = SimpleUploadedFile("照片.jpg", b"MZ\x90\x00 this is an exe", content_type="image/jpeg")
    page = client.post(URL, {**form_data(mailbox=mayor.pk, phone_code=code), "attachments": [fake]}, **WWW)
    text = page.content.decode()
    assert "内容与其扩展名不符" in text and "重新选择附件" in text
    good = SimpleUploadedFile("说明.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    done = client.post(URL, {**form_data(mailbox=mayor.pk, phone_code=code), "attachments": [good]}, **WWW)
    assert done.status_code == 302 and Letter.objects.latest("pk").attachments.count() == 1


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_a_double_submit_makes_one_letter(client, mayor):
    code = _confirmed(client)
    data = form_data(mailbox=mayor.pk, phone_code=code)
    first = client.post(URL, data, **WWW)
    before = Letter.objects.count()
    again = client.post(URL, data, **WWW)
    assert first.status_code == 302 and Letter.objects.count() == before
    assert "没有重复登记" in again.content.decode()


def test_a_broker_that_is_down_loses_no_letter(client, mayor, django_capture_on_commit_callbacks):
    with mock.patch("notify.tasks.deliver.apply_async", side_effect=ConnectionError("broker down")):
        receipt = service.submit_letter(mailbox=mayor, kind="help", subject="求助", content="家里停水三天",
                                        writer={"name": "李四", "phone": "13812340000"})
    letter = Letter.objects.get(pk=receipt.letter.pk)
    assert letter.status == "submitted"
    assert Outbox.objects.filter(reference=letter.receipt_number, status="pending").exists()


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_the_status_page_and_the_writers_steps(client, mayor, admin):
    receipt = service.submit_letter(mailbox=mayor, kind="suggest", subject="增设路灯", content="小区门口太黑",
                                    writer={"name": "李四", "phone": "13812340001"})
    letter = receipt.letter
    miss = client.post("/hudong/chaxun/", {"receipt_number": letter.receipt_number, "query_code": "000000"
                                           if receipt.query_code != "000000" else "111111"}, **WWW)
    assert "没有找到" in miss.content.decode()
    assert client.get(f"/hudong/chaxun/{letter.receipt_number}/", **WWW).status_code == 302  # not yet found
    found = client.post("/hudong/chaxun/", {"receipt_number": letter.receipt_number,
                                            "query_code": receipt.query_code}, **WWW)
    page = client.get(found["Location"], **WWW).content.decode()
    assert "增设路灯" in page and "138****0001" in page
    service.route(letter, user=admin, departments=[org(CITY)])
    service.draft_reply(letter, user=admin, text="已安装两盏路灯。")
    service.approve_reply(letter, user=admin)
    page = client.get(found["Location"], **WWW).content.decode()
    assert "已安装两盏路灯" in page and "rating" in page
    client.post(f"/hudong/chaxun/{letter.receipt_number}/rate/", {"rating": "unsatisfied"}, **WWW)
    client.post(f"/hudong/chaxun/{letter.receipt_number}/rehandle/", {"reason": "只装了一盏"}, **WWW)
    letter.refresh_from_db()
    assert letter.status == "handling" and letter.rehandled_once
    assert letter.rating == ""  # the new answer will be rated afresh
    # another browser that never looked it up cannot act for the writer
    from django.test import Client

    assert Client().post(f"/hudong/chaxun/{letter.receipt_number}/rate/", {"rating": "satisfied"},
                         **WWW).status_code == 404


# -- concurrency on PostgreSQL -------------------------------------------------------------


@pytest.mark.parametrize("text, hidden", [
    ("我叫王小明，想反映问题", "小明"),
    ("联系人：李秀兰", "秀兰"),
    ("电话13912345678", "13912345678"),
    ("座机0471-6601234", "6601234"),
    ("身份证150102198807150012", "150102198807150012"),
    ("住在新城区光明路12号3单元502室", "光明路12号"),
    ("车牌蒙A·7K321经常闯红灯", "7K321"),
    ("邮箱xm@example.com", "xm@example.com"),
])
def test_masking_hides_each_kind_of_personal_data_with_a_marker(text, hidden):
    masked = mask_letter_text(text)
    assert hidden not in masked and MARK in masked
    html = str(render_masked(masked))
    assert 'class="visually-hidden">已隐去<' in html and 'aria-hidden="true">＊＊<' in html


def test_the_writers_own_name_is_hidden_wherever_it_appears():
    assert "建国" not in mask_letter_text("张建国反映：邻居张建国说", names=["张建国"])


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_a_letter_is_public_only_after_the_masked_version_is_approved(client, mayor, admin):
    letter = service.submit_letter(
        mailbox=mayor, kind="complain", subject="噪音扰民", publish_allowed=True,
        content="我叫赵大勇，电话13900001111，住光明路5号，工地夜里施工。",
        writer={"name": "赵大勇", "phone": "13900001111", "address": "光明路5号"}).letter
    service.route(letter, user=admin, departments=[org(CITY)])
    service.draft_reply(letter, user=admin, text="已责令赵大勇反映的工地停止夜间施工。")
    service.approve_reply(letter, user=admin, publish=True)
    letter.refresh_from_db()
    assert letter.publication == "pending"
    assert client.get(f"/hudong/xuandeng/{letter.receipt_number}/", **WWW).status_code == 404
    assert "大勇" not in letter.public_content + letter.public_reply
    service.approve_publication(letter, user=admin, subject=letter.public_subject,
                                content=letter.public_content + "（审核人补充）", reply=letter.public_reply)
    page = client.get(f"/hudong/xuandeng/{letter.receipt_number}/", **WWW).content.decode()
    assert "审核人补充" in page and "已隐去" in page
    assert "13900001111" not in page and "大勇" not in page and "光明路5号" not in page
    listing = client.get("/hudong/xuandeng/?q=噪音", **WWW).content.decode()
    assert letter.receipt_number in listing


def test_the_accused_and_the_writer_are_masked_in_the_subject_too(mayor, admin):
    letter = service.submit_letter(
        mailbox=mayor, kind="report", subject="举报钱有才违规收费", publish_allowed=True,
        content="某单位工作人员钱有才多次违规收取费用。我叫孙红梅。", accused_person="钱有才",
        writer={"name": "孙红梅", "phone": "13900002222"}).letter
    service.route(letter, user=admin, departments=[org(CITY)])
    service.draft_reply(letter, user=admin, text="经查，钱有才违规收费属实，已责令退还。")
    service.approve_reply(letter, user=admin, publish=True)
    letter.refresh_from_db()
    public = letter.public_subject + letter.public_content + letter.public_reply
    assert "有才" not in public and "红梅" not in public
    assert "违规收费" in letter.public_subject and "钱＊＊" in letter.public_subject


def test_a_writer_who_refused_publication_is_never_published(submit, admin):
    letter = submit(publish_allowed=False).letter
    service.route(letter, user=admin, departments=[org(CITY)])
    service.draft_reply(letter, user=admin, text="答复")
    with pytest.raises(Exception, match="不同意公开"):
        service.approve_reply(letter, user=admin, publish=True)


@pytest.mark.services  # a flow: again on PostgreSQL and Redis
def test_statistics_page_and_xlsx(client):
    page = client.get("/hudong/tongji/", **WWW)
    text = page.content.decode()
    assert page.status_code == 200 and "<svg" in text and "<table" in text and "市长信箱" in text
    xlsx = client.get("/hudong/tongji/?format=xlsx", **WWW)
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames[0] == "按信箱" and book.active.max_row > 1


@pytest.mark.parametrize("host", ["www.localhost", "en.localhost", "mgl.localhost"])
@pytest.mark.parametrize("url", ["/hudong/", "/hudong/xie/", "/hudong/chaxun/", "/hudong/xuandeng/", "/hudong/tongji/"])
def test_every_public_page_opens_on_each_language_site(client, host, url):
    assert client.get(url, HTTP_HOST=host).status_code == 200


def test_the_admin_queue_and_a_letter_open(client, admin):
    client.force_login(admin)
    assert client.get("/admin/hudong/").status_code == 200
    letter = Letter.objects.filter(status="drafted").first()
    assert client.get(f"/admin/hudong/{letter.pk}/").status_code == 200


def test_the_search_index_holds_only_published_masked_text():
    from interaction.search_indexes import LetterIndex

    index = LetterIndex()
    published = Letter.objects.filter(publication="published").first()
    pending = Letter.objects.exclude(publication="published").first()
    assert index.is_searchable(published) and not index.is_searchable(pending)
    assert published.pk in set(index.index_queryset().values_list("pk", flat=True))
    text = index.prepare_text(published)
    assert published.public_subject in text and published.phone not in text
    assert index.prepare_url(published).endswith(f"/hudong/xuandeng/{published.receipt_number}/")
