"""依申请公开 end to end: the public form, the receipt, the status lookup, the
officer's actions, the clock and the annual figures."""

import re
from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from disclosure.applications import service
from disclosure.applications.constants import Status
from disclosure.applications.forms import AnswerForm
from disclosure.applications.models import DisclosureRequest
from disclosure.applications.stats import COLUMNS, KIND_COLUMNS, ROWS, annual_figures
from notify.models import Outbox
from tests.formguard.captcha import answer, captcha_key

pytestmark = pytest.mark.django_db
FGW = {"HTTP_HOST": "fgw.localhost"}


def _submit(client, data, host="fgw.localhost"):
    return client.post("/yisqgk/", data, HTTP_HOST=host)


def _receipt(client, response, host="fgw.localhost"):
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"], HTTP_HOST=host).content.decode()
    number = re.search(r'class="receipt-number">([^<]+)<', page).group(1)
    code = re.search(r'class="query-code">(\d{6})<', page).group(1)
    return number, code, page


@pytest.mark.services
def test_file_a_request_look_it_up_and_read_the_answer(client, natural_person, demo_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _submit(client, natural_person())
    number, code, page = _receipt(client, response)
    req = DisclosureRequest.objects.get(receipt_number=number)
    assert req.organisation.code == "11150100MB0000102B"  # the department's own organisation
    assert req.status == Status.SUBMITTED and req.received_on == timezone.localdate()
    assert code not in req.query_code_hash
    # the code is shown once only
    again = client.get(response["Location"], HTTP_HOST="fgw.localhost").content.decode()
    assert number in again and code not in again
    # SMS and e-mail went out through the outbox, with number and code; the outbox keeps the code masked
    sent = Outbox.objects.filter(reference=number)
    assert {m.channel for m in sent} == {"sms", "email"} and all(m.status == "sent" for m in sent)
    assert all(m.params["number"] == number and m.params["code"] == "******" and not m.sealed for m in sent)
    assert number in mail.outbox[-1].body and code in mail.outbox[-1].body

    officer = demo_user("fgw_editor")
    with django_capture_on_commit_callbacks(execute=True):
        service.accept(req, user=officer)
        service.answer(req, user=officer, outcome="grant", reply_text="请见附件。",
                       reply_document=SimpleUploadedFile("答复.pdf", b"%PDF-1.4 answer", content_type="application/pdf"))
    status = client.post("/yisqgk/status/", {"receipt_number": number, "query_code": code}, **FGW).content.decode()
    assert "予以公开" in status and "请见附件。" in status
    assert "王**" in status and "139****5678" in status and "x***@example.com" in status
    for secret in ("王小明", "13912345678", "11010119900307803X", "光明路12号"):
        assert secret not in status
    link = re.search(r'href="(/yisqgk/document/[^"]+)"', status).group(1)
    download = client.get(link, **FGW)
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert Outbox.objects.filter(reference=number).count() == 4  # receipt and answer; accepting is silent


def test_wrong_code_and_unknown_number_give_the_same_message(client):
    req = DisclosureRequest.objects.first()
    wrong = client.post("/yisqgk/status/", {"receipt_number": req.receipt_number, "query_code": "000001"}, **FGW)
    unknown = client.post("/yisqgk/status/", {"receipt_number": "YSQ20260101-22222222222X", "query_code": "000001"}, **FGW)
    assert wrong.status_code == unknown.status_code == 200
    message = "没有找到与该受理编号和查询码相符的申请"
    assert message in wrong.content.decode() and message in unknown.content.decode()
    assert req.receipt_number in wrong.content.decode()  # what was typed is kept


def test_status_lookup_is_rate_limited_per_ip(client):
    # after the third miss a captcha is asked for (tests/formguard/test_abuse.py); answered, the lookups go on
    page = ""
    for _attempt in range(10):
        extra = answer(page) if captcha_key(page) else {}
        page = client.post("/yisqgk/status/", {"receipt_number": "YSQ1", "query_code": "123456", **extra},
                           REMOTE_ADDR="10.9.9.9", **FGW).content.decode()
    limited = client.post("/yisqgk/status/", {"receipt_number": "YSQ1", "query_code": "123456", **answer(page)},
                          REMOTE_ADDR="10.9.9.9", **FGW)
    assert limited.status_code == 429 and "操作过于频繁" in limited.content.decode()


def test_form_errors_are_localized_and_keep_the_input(client, natural_person):
    data = natural_person(phone="12345", id_number="110101199003071234", description="")
    page = _submit(client, data).content.decode()
    assert "提交未成功" in page
    assert "请填写有效的手机号码" in page and "身份证号码有误" in page
    assert 'value="12345"' in page and 'value="王小明"' in page and "xiaoming@example.com" in page
    assert DisclosureRequest.objects.filter(phone="12345").count() == 0
    en = _submit(client, data, host="en.localhost").content.decode()
    with translation.override("en"):
        assert _("请填写有效的手机号码或固定电话（如 0471-1234567）。") in en


def test_legal_person_needs_a_valid_credit_code(client, natural_person):
    data = natural_person(applicant_kind="commercial", name="", org_name="敕勒川北辰热力有限公司",
                          credit_code="91150100MA0N3P6X1A", legal_representative="刘振华", contact_person="高敏")
    page = _submit(client, data).content.decode()
    assert "统一社会信用代码有误" in page and "敕勒川北辰热力有限公司" in page


def test_script_injection_is_stored_harmless_and_rendered_escaped(client, natural_person):
    evil = natural_person(description='<script>alert("x")</script>申请<b onmouseover=alert(1)>文件</b> 若 a < b 则',
                          name="王<img src=x onerror=alert(1)>五")
    number, code, _page = _receipt(client, _submit(client, evil))
    req = DisclosureRequest.objects.get(receipt_number=number)
    assert "<script" not in req.description and "onmouseover" not in req.description and "onerror" not in req.name
    status = client.post("/yisqgk/status/", {"receipt_number": number, "query_code": code}, **FGW).content.decode()
    assert req.description.endswith("若 a < b 则")  # plain text kept as typed
    assert "<script>alert" not in status and "若 a &lt; b 则" in status


@pytest.mark.services
def test_double_submit_makes_one_case_and_shows_the_first_receipt(client, natural_person):
    data = natural_person(description="重复提交测试：2026年价格监测报告")
    first = _submit(client, data)
    second = _submit(client, data)
    assert DisclosureRequest.objects.filter(description=data["description"]).count() == 1
    number = DisclosureRequest.objects.get(description=data["description"]).receipt_number
    assert second.status_code == 200
    assert "已经提交过" in second.content.decode() and number in second.content.decode()
    assert first["Location"].endswith(number)


def test_portal_lets_the_applicant_choose_the_organisation(client, natural_person):
    from cluster.models import Organisation

    jyj = Organisation.objects.get(code="11150100MB0000203C")
    page = client.get("/yisqgk/", HTTP_HOST="www.localhost").content.decode()
    assert 'name="organisation"' in page
    number, _code, _page = _receipt(client, _submit(client, natural_person(organisation=jyj.pk), host="www.localhost"),
                                    host="www.localhost")
    assert DisclosureRequest.objects.get(receipt_number=number).organisation == jyj
    assert 'name="organisation"' not in client.get("/yisqgk/", **FGW).content.decode()


def test_reply_document_upload_is_checked_by_content():
    fake = SimpleUploadedFile("答复.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    form = AnswerForm({"outcome": "grant", "reply_text": "见附件"}, {"reply_document": fake})
    assert not form.is_valid() and "内容与其扩展名不符" in str(form.errors)
    huge = SimpleUploadedFile("答复.pdf", b"%PDF-1.4" + b"0" * (20 * 1024 * 1024 + 1))
    form = AnswerForm({"outcome": "grant", "reply_text": "见附件"}, {"reply_document": huge})
    assert not form.is_valid() and "超过了" in str(form.errors)
    exe = SimpleUploadedFile("answer.exe", b"MZ")
    assert not AnswerForm({"outcome": "grant", "reply_text": "x"}, {"reply_document": exe}).is_valid()


def test_officer_sees_only_their_own_organisations_requests(client, demo_user):
    fgw_req = DisclosureRequest.objects.filter(organisation__code="11150100MB0000102B").first()
    jyj_req = DisclosureRequest.objects.filter(organisation__code="11150100MB0000203C").first()
    client.force_login(demo_user("jyj_editor"))
    listing = client.get("/admin/yisqgk/").content.decode()
    assert jyj_req.receipt_number in listing and fgw_req.receipt_number not in listing
    assert client.get(f"/admin/yisqgk/{fgw_req.pk}/").status_code == 404
    assert client.post(f"/admin/yisqgk/{fgw_req.pk}/accept/").status_code == 404
    client.force_login(demo_user("admin"))
    listing = client.get("/admin/yisqgk/").content.decode()
    assert jyj_req.receipt_number in listing and fgw_req.receipt_number in listing


@pytest.mark.services
def test_officer_actions_through_the_admin(client, demo_user, natural_person, django_capture_on_commit_callbacks):
    number, _code, _ = _receipt(client, _submit(client, natural_person(description="后台办理测试")))
    req = DisclosureRequest.objects.get(receipt_number=number)
    client.force_login(demo_user("fgw_editor"))
    detail = client.get(f"/admin/yisqgk/{req.pk}/").content.decode()
    assert "王小明" in detail and "11010119900307803X" in detail  # unmasked for staff
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(f"/admin/yisqgk/{req.pk}/ask_correction/",
                        {"ask_correction-missing": "请写明文件年度", "ask_correction-on": timezone.localdate()})
    assert r.status_code == 302
    req.refresh_from_db()
    assert req.status == Status.CORRECTION and req.clock().paused
    assert Outbox.objects.filter(reference=number, params__missing="请写明文件年度").count() == 2
    # extension needs an approver with the permission, and not while in 补正
    r = client.post(f"/admin/yisqgk/{req.pk}/extend/", {"extend-approver": demo_user("fgw_signer").pk,
                                                       "extend-days": 20, "extend-reason": "x"})
    assert r.status_code == 400
    client.post(f"/admin/yisqgk/{req.pk}/supplement/", {"supplement-supplement": "2026年度", "supplement-on": timezone.localdate()})
    r = client.post(f"/admin/yisqgk/{req.pk}/extend/", {"extend-approver": demo_user("fgw_reviewer").pk,
                                                       "extend-days": 20, "extend-reason": "需调档"})
    assert r.status_code == 400  # the reviewer may not approve extensions
    r = client.post(f"/admin/yisqgk/{req.pk}/extend/", {"extend-approver": demo_user("fgw_signer").pk,
                                                       "extend-days": 20, "extend-reason": "需调档"})
    assert r.status_code == 302
    req.refresh_from_db()
    assert req.extension_days == 20 and req.extension_approved_by.username == "fgw_signer"
    r = client.post(f"/admin/yisqgk/{req.pk}/extend/", {"extend-approver": demo_user("fgw_signer").pk,
                                                       "extend-days": 5, "extend-reason": "再延"})
    assert r.status_code == 400 and "只能延长一次" in r.content.decode()
    r = client.post(f"/admin/yisqgk/{req.pk}/answer/", {"answer-outcome": "refuse_process", "answer-reply_text": "属于过程性信息"})
    assert r.status_code == 302
    req.refresh_from_db()
    assert req.status == Status.ANSWERED and req.answered_by.username == "fgw_editor"
    actions = [e.action for e in service.casefile.history(req)]
    assert actions == ["submit", "ask_correction", "supplement", "extend", "answer"]


def test_clock_around_national_day_with_correction_and_extension(demo_user):
    from disclosure.applications.constants import EXTENSION_RULE

    from ..workdays.years import unknown_year

    req = DisclosureRequest.objects.filter(organisation__code="11150100MB0000102B").first()
    req.status = Status.ACCEPTED
    clock = req.start_clock(date(2026, 9, 28))
    # 20 working days after Mon 28 Sep: 国庆 1–7 Oct are off, Sat 10 Oct is a working day
    assert req.deadline().due == date(2026, 10, 30)
    clock.interrupt(date(2026, 9, 30), reason="correction")
    req.store_clock(clock)
    assert req.deadline().paused and req.deadline().due is None and req.clock_status() == "paused"
    # 补正 asked 30 Sep, supplement received Fri 9 Oct: 20 working days afresh from then (《条例》第三十条)
    clock.restart_from(date(2026, 10, 9))
    req.store_clock(clock)
    assert req.deadline().due == date(2026, 11, 5)
    clock.extend(20, rule=EXTENSION_RULE)
    req.store_clock(clock)
    assert req.deadline().due == date(2026, 12, 3)
    assert req.clock().status(date(2026, 11, 30)) == "yellow"
    assert req.clock().status(date(2026, 12, 4)) == "red"
    assert req.clock().status(date(2026, 10, 12)) == "green"
    year = unknown_year()
    req.start_clock(date(year - 1, 12, 20))
    assert not req.deadline().known and req.deadline().unknown_year == year
    assert req.clock_status() == "unknown"


@pytest.mark.services
def test_demo_has_every_state_and_stats_add_up():
    from cluster.models import Organisation

    year = timezone.localdate().year
    fgw = Organisation.objects.get(code="11150100MB0000102B")
    statuses = set(DisclosureRequest.objects.filter(organisation=fgw).values_list("status", flat=True))
    assert {"submitted", "accepted", "correction", "answered", "closed"} <= statuses
    assert [c for c, _ in COLUMNS][-1] == "total" and [r for r, _ in ROWS][0] == "received"
    for y in (year - 1, year):
        figures = annual_figures(fgw, y)
        outcome_rows = [r for r, _ in ROWS if r not in ("received", "carried_in", "answered_total", "carried_out")]
        for col, _label in COLUMNS:
            assert figures["carried_in"][col] + figures["received"][col] == (
                figures["answered_total"][col] + figures["carried_out"][col]
            ), (y, col)
            assert figures["answered_total"][col] == sum(figures[r][col] for r in outcome_rows)
        for row in figures.values():
            assert row["total"] == sum(row[c] for c in KIND_COLUMNS)
    this_year = annual_figures(fgw, year)
    assert this_year["carried_in"]["total"] >= 2  # last year's open requests
    assert this_year["grant"]["legal_services"] == 1  # received last year, answered this year
    assert this_year["partial"]["commercial"] == 1 and this_year["other_no_correction"]["natural"] == 1
    assert annual_figures(fgw, year - 1)["carried_out"]["total"] == this_year["carried_in"]["total"]


def test_demo_data_is_rerunnable_and_prints_a_receipt_to_try():
    from io import StringIO

    from disclosure.applications import demo_data

    before = DisclosureRequest.objects.count()
    out = StringIO()
    demo_data.build(stdout=out)
    assert DisclosureRequest.objects.count() == before
    assert re.search(r"receipt YSQ\d{8}-\w{12} query code \d{6}", out.getvalue())


@pytest.mark.parametrize("host", ["www", "fgw", "jyj", "byhq", "en", "mgl"])
def test_form_and_status_pages_render_on_every_site(client, host):
    for path in ("/yisqgk/", "/yisqgk/status/"):
        response = client.get(path, HTTP_HOST=f"{host}.localhost")
        assert response.status_code == 200, (host, path)
        assert "<script>" not in response.content.decode().split("</head>")[1]  # no inline script (CSP)
