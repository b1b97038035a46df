"""Applying online: the form built from the item, uploads checked one by one,
drafts, the receipt and its PDF, double submits."""
import io
import re

import pytest
from pypdf import PdfReader

from services.licensing.models import ApplicationDraft, LicenceApplication

from .factories import exe_as_pdf, files_for, form_data, oversized, pdf, png, zip_bomb

pytestmark = pytest.mark.django_db
FGW = {"HTTP_HOST": "fgw.localhost"}


def _post(client, url, data, files=None):
    return client.post(url, {**data, **(files or {})}, **FGW)


def _apply(client, item, **overrides):
    files = files_for(item, 申请书=pdf(), 营业执照=png())
    return _post(client, f"/banshi/apply/{item.pk}/", form_data(item, **overrides), files)


def test_signing_in_is_needed_and_the_login_page_leads_back(client, item):
    response = client.get(f"/banshi/apply/{item.pk}/", **FGW)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/") and f"apply/{item.pk}/" in response["Location"]


def test_the_form_lists_the_items_materials_and_fields(signed_in, item):
    page = signed_in.get(f"/banshi/apply/{item.pk}/", **FGW).content.decode()
    for text in ("申请书", "营业执照", "其他证明材料", "经营场所名称", "经营面积（平方米）", "保存草稿", "提交申请"):
        assert text in page
    assert 'accept=".pdf,.jpg,.png"' in page


def test_apply_with_uploads_gives_a_receipt_and_a_pdf_listing_the_materials(signed_in, item, citizen):
    response = _apply(signed_in, item)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = signed_in.get(response["Location"], **FGW).content.decode()
    number = re.search(r'class="receipt-number">([^<]+)<', page).group(1)
    assert re.search(r'class="query-code">\d{6}<', page)
    app = LicenceApplication.objects.get(receipt_number=number)
    assert app.account == citizen and app.status == "submitted" and app.acceptance_due_on
    assert app.form_data["shop_name"]["value"] == "小明便利店"
    assert sorted(m.original_name for m in app.materials.all()) == ["执照.png", "申请书.pdf"]
    # the code is shown once only
    assert "query-code" not in signed_in.get(response["Location"], **FGW).content.decode()
    pdf_response = signed_in.get(f"/banshi/receipt/{number}/pdf", **FGW)
    assert pdf_response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_response.content)).pages)
    assert number in text and "申请书.pdf" in text and "执照.png" in text
    assert app.acceptance_due_on.isoformat() in text
    # nobody else gets the receipt
    from django.test import Client

    assert Client().get(f"/banshi/receipt/{number}/pdf", **FGW).status_code == 404


def test_draft_resumes_for_the_same_account_on_another_device_not_for_another(client, item, citizen, other_citizen):
    from django.test import Client

    first = Client()
    first.force_login(citizen)
    data = form_data(item, action="draft", f_shop_name="草稿中的店名", name="")
    response = _post(first, f"/banshi/apply/{item.pk}/", data, files_for(item, 申请书=pdf("我的申请书.pdf")))
    assert response.status_code == 302
    draft = ApplicationDraft.objects.get(account=citizen)
    second = Client()  # another device, same account
    second.force_login(citizen)
    page = second.get(f"/banshi/draft/{draft.public_id}/", **FGW).content.decode()
    assert "草稿中的店名" in page and "我的申请书.pdf" in page
    # completing it there: the kept file counts, the draft is consumed
    response = _post(second, f"/banshi/draft/{draft.public_id}/",
                     form_data(item, draft=str(draft.public_id)), files_for(item, 营业执照=png()))
    assert response.status_code == 302, response.content.decode()[:3000]
    app = LicenceApplication.objects.get(account=citizen)
    assert sorted(m.original_name for m in app.materials.all()) == ["我的申请书.pdf", "执照.png"]
    assert ApplicationDraft.objects.get(pk=draft.pk).submitted_receipt == app.receipt_number
    other = Client()
    other.force_login(other_citizen)
    assert other.get(f"/banshi/draft/{draft.public_id}/", **FGW).status_code == 404


@pytest.mark.parametrize("bad, message", [
    (exe_as_pdf, "内容与其扩展名不符"),
    (oversized, "超过了"),
])
def test_a_bad_upload_names_file_and_material_and_keeps_everything_else(signed_in, item, citizen, bad, message):
    upload = bad()
    files = files_for(item, 申请书=pdf("好的申请书.pdf"), 营业执照=upload)
    response = _post(signed_in, f"/banshi/apply/{item.pk}/", form_data(item, f_shop_name="保留的店名"), files)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page and f"“{upload.name}”（营业执照）" in page
    assert "保留的店名" in page and "13912345678" in page
    assert "已保存：好的申请书.pdf" in page  # the good file is kept
    assert not LicenceApplication.objects.filter(account=citizen).exists()


def test_a_zip_bomb_is_refused_by_name(signed_in, item):
    files = files_for(item, 申请书=pdf(), 营业执照=png(), 其他证明材料=zip_bomb())
    response = _post(signed_in, f"/banshi/apply/{item.pk}/", form_data(item), files)
    page = response.content.decode()
    assert response.status_code == 400 and "压缩炸弹" in page and "“证明.zip”（其他证明材料）" in page


def test_the_resubmitted_form_needs_only_what_is_still_missing(signed_in, item, citizen):
    files = files_for(item, 申请书=pdf("第一次.pdf"), 营业执照=exe_as_pdf("执照.pdf"))
    page = _post(signed_in, f"/banshi/apply/{item.pk}/", form_data(item), files).content.decode()
    draft = ApplicationDraft.objects.get(account=citizen)
    token = re.search(r'name="submit_token" value="([^"]+)"', page).group(1)
    response = _post(signed_in, f"/banshi/draft/{draft.public_id}/",
                     form_data(item, draft=str(draft.public_id), submit_token=token),
                     files_for(item, 营业执照=png()))
    assert response.status_code == 302
    app = LicenceApplication.objects.get(account=citizen)
    assert sorted(m.original_name for m in app.materials.all()) == ["执照.png", "第一次.pdf"]


def test_script_in_every_text_field_is_stored_inert_and_shown_escaped(signed_in, item, citizen):
    evil = "<script>alert(1)</script>若 a < b"
    overrides = {k: evil for k in ("name", "address", "f_shop_name", "f_remarks")}
    response = _apply(signed_in, item, **overrides)
    assert response.status_code == 302, response.content.decode()[:2000]
    app = LicenceApplication.objects.get(account=citizen)
    for value in (app.name, app.address, app.form_data["shop_name"]["value"], app.form_data["remarks"]["value"]):
        assert "<script" not in value and "若 a < b" in value
    page = signed_in.get(f"/banshi/query/{app.receipt_number}/", **FGW).content.decode()
    assert "<script>alert" not in page


def test_double_submit_makes_one_case_and_shows_the_first_receipt(signed_in, item, citizen):
    data = form_data(item)
    first = _post(signed_in, f"/banshi/apply/{item.pk}/", data, files_for(item, 申请书=pdf(), 营业执照=png()))
    second = _post(signed_in, f"/banshi/apply/{item.pk}/", data, files_for(item, 申请书=pdf(), 营业执照=png()))
    assert LicenceApplication.objects.filter(account=citizen).count() == 1
    number = LicenceApplication.objects.get(account=citizen).receipt_number
    assert first.status_code == 302 and second.status_code == 200
    assert "已经提交过" in second.content.decode() and number in second.content.decode()
    # a second tab with the same draft (another token) shows the same receipt too
    assert ApplicationDraft.objects.filter(account=citizen, submitted_receipt="").count() == 0


def test_two_tabs_submitting_one_draft_make_one_case(signed_in, item, citizen):
    _post(signed_in, f"/banshi/apply/{item.pk}/", form_data(item, action="draft"),
          files_for(item, 申请书=pdf(), 营业执照=png()))
    draft = ApplicationDraft.objects.get(account=citizen)
    url = f"/banshi/draft/{draft.public_id}/"
    one = _post(signed_in, url, form_data(item, draft=str(draft.public_id)))
    two = _post(signed_in, url, form_data(item, draft=str(draft.public_id)))  # its own token
    assert one.status_code == 302 and two.status_code == 302
    assert LicenceApplication.objects.filter(account=citizen).count() == 1
    assert one["Location"] == two["Location"]
