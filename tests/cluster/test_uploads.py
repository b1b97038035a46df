"""Attachments are checked by what they contain, not only by their names."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection, UploadedFile

from cluster.models import ClusterDocument
from formguard.uploads import check_upload

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run in DOS mode.\r\n"


def pdf_bytes() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Notice attachment")
    return bytes(pdf.output())


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["序号", "单位"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_bytes() -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph("关于开展重点项目申报工作的通知")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def plain_zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("setup.exe", EXE)
    return buf.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def refused(uploaded, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        check_upload(uploaded, **kwargs)
    return excinfo.value


@pytest.mark.parametrize(
    "name,make,label",
    [("附件.pdf", pdf_bytes, "PDF"), ("明细表.xlsx", xlsx_bytes, "Excel"), ("通知.docx", docx_bytes, "Word")],
)
def test_real_documents_are_accepted(name, make, label):
    uploaded = upload(name, make())
    assert check_upload(uploaded).label == label
    # the file can still be read from the start afterwards
    assert uploaded.file.tell() == 0


def test_exe_renamed_pdf_is_refused():
    error = refused(upload("通知.pdf", EXE))
    assert error.code == "content"
    assert "文件“通知.pdf”的内容与其扩展名不符" in error.messages[0]


def test_zip_renamed_docx_is_refused():
    error = refused(upload("通知.docx", plain_zip_bytes()))
    assert error.code == "content"
    assert "内容与其扩展名不符" in error.messages[0]


def test_xlsx_renamed_docx_is_refused():
    assert refused(upload("通知.docx", xlsx_bytes())).code == "content"


def test_exe_extension_is_refused():
    error = refused(upload("setup.exe", EXE), allowed={"pdf", "docx"})
    assert error.code == "extension"
    assert error.messages[0] == "不支持“exe”类型的文件，请上传以下类型之一：docx、pdf"


def test_no_extension_is_refused():
    error = refused(upload("README", b"hello"))
    assert error.code == "extension"
    assert "不支持“无扩展名”类型的文件" in error.messages[0]


def test_empty_file_is_refused():
    error = refused(upload("空.pdf", b""))
    assert error.code == "empty"
    assert error.messages[0] == "文件是空的，请重新选择。"


def test_too_big_file_is_refused():
    error = refused(upload("大.pdf", pdf_bytes() + b"\n" * 2048), max_size=1024)
    assert error.code == "too_big"
    assert "超过了" in error.messages[0] and "的上限" in error.messages[0]


def test_gb18030_text_is_accepted():
    assert check_upload(upload("名单.csv", "序号,姓名\n1,张三\n".encode("gb18030"))).label == "CSV"


# -- through the Wagtail admin ------------------------------------------------------


@pytest.fixture
def admin_client(client, demo_user):
    client.force_login(demo_user("admin"))
    return client


@pytest.mark.django_db
def test_admin_single_add_refuses_disguised_file(admin_client):
    before = ClusterDocument.objects.count()
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "伪装的文件", "file": upload("伪装.pdf", EXE), "collection": Collection.get_first_root_node().pk},
        HTTP_HOST="www.localhost",
    )
    assert response.status_code == 200  # the form again, with the error
    assert "内容与其扩展名不符" in response.content.decode()
    assert ClusterDocument.objects.count() == before


@pytest.mark.django_db
def test_admin_multiple_add_refuses_disguised_file(admin_client):
    before = ClusterDocument.objects.count()
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload("伪装.docx", plain_zip_bytes()), "collection": Collection.get_first_root_node().pk},
        HTTP_HOST="www.localhost",
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert "内容与其扩展名不符" in str(payload)
    assert ClusterDocument.objects.count() == before
    assert not UploadedFile.objects.exists()


@pytest.mark.django_db
def test_admin_multiple_add_accepts_real_pdf(admin_client):
    before = ClusterDocument.objects.count()
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload("真实附件.pdf", pdf_bytes()), "collection": Collection.get_first_root_node().pk},
        HTTP_HOST="www.localhost",
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert ClusterDocument.objects.count() == before + 1
    assert ClusterDocument.objects.latest("pk").kind_label == "PDF"
