"""A catalogue item to apply for, and applicants, for the licensing tests."""
from __future__ import annotations

import io
import zipfile

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Site

from cluster.models import Organisation
from services.models import ServiceFormField, ServiceIndexPage, ServiceItemPage, ServiceMaterial

FGW_CODE = "11150100MB0000102B"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def service_index(host: str = "fgw.localhost") -> ServiceIndexPage:
    root = Site.objects.get(hostname=host).root_page
    existing = ServiceIndexPage.objects.descendant_of(root).first()
    if existing:
        return existing
    index = ServiceIndexPage(title="网上办事（测试）", slug="banshi-test")
    root.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_item(*, title="食品经营许可（测试）", code="XK-TEST-001", promised=None, statutory=20,
              host="fgw.localhost") -> ServiceItemPage:
    index = service_index(host)
    item = ServiceItemPage(
        title=title, slug=code.lower(), item_code=code, organisation=Organisation.objects.get(code=FGW_CODE),
        statutory_limit=statutory, promised_limit=promised, online_apply=True, fully_online=True,
        legal_basis="<p>《中华人民共和国食品安全法》第三十五条</p>", conditions="<p>有与经营的食品品种相适应的场所。</p>",
        procedure="<p>申请、受理、审查、决定。</p>",
    )
    item.materials = [
        ServiceMaterial(name="申请书", required=True, accept="pdf"),
        ServiceMaterial(name="营业执照", required=True, accept="pdf,jpg,png"),
        ServiceMaterial(name="其他证明材料", required=False, accept="pdf,docx,zip"),
    ]
    item.form_fields = [
        ServiceFormField(key="shop_name", label="经营场所名称", field_type="text", required=True),
        ServiceFormField(key="area", label="经营面积（平方米）", field_type="number", required=True),
        ServiceFormField(key="remarks", label="备注", field_type="textarea", required=False),
    ]
    index.add_child(instance=item)
    item.save_revision().publish()
    return ServiceItemPage.objects.get(pk=item.pk)


def material(item, name) -> ServiceMaterial:
    return item.materials.get(name=name)


def pdf(name="申请书.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def png(name="执照.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def exe_as_pdf(name="申请书.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"MZ\x90\x00\x03" + b"\x00" * 200, content_type="application/pdf")


def zip_bomb(name="证明.zip") -> SimpleUploadedFile:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"\x00" * (20 * 1024 * 1024))
    return SimpleUploadedFile(name, buf.getvalue(), content_type="application/zip")


def oversized(name="营业执照.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 10), content_type="application/pdf")


def applicant_user(username="citizen1"):
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username)
    return user


def form_data(item, **overrides) -> dict:
    from formguard.guard import issue_token

    data = {
        "applicant_kind": "natural", "name": "王小明", "id_type": "resident_id", "id_number": "11010119900307803X",
        "phone": "13912345678", "email": "xiaoming@example.com", "address": "敕勒川市新城区光明路12号",
        "f_shop_name": "小明便利店", "f_area": "45", "f_remarks": "", "submit_token": issue_token(), "website": "",
        "action": "submit",
    }
    data.update(overrides)
    return data


def files_for(item, **named) -> dict:
    """{"m_<id>": upload} for the materials named (申请书=…, 营业执照=…)."""
    return {f"m_{material(item, name).pk}": upload for name, upload in named.items()}


def submitted(item, citizen, *, today=None, phone="13912345678", email="a@example.com"):
    """An application filed through the service (both required materials kept on
    its draft first): (application, query code)."""
    from services.licensing import service

    draft = service.save_draft(account=citizen, item=item, data={}, files={
        material(item, "申请书"): (pdf(), "PDF"), material(item, "营业执照"): (png(), "PNG")})
    receipt = service.submit_application(
        account=citizen, item=item, draft=draft, site=None, language="zh-hans", today=today,
        applicant={"applicant_kind": "natural", "name": "王小明", "id_type": "resident_id",
                   "id_number": "11010119900307803X", "phone": phone, "email": email},
        form_data={"shop_name": {"label": "经营场所名称", "value": "小明便利店"}},
    )
    return receipt.application, receipt.query_code
