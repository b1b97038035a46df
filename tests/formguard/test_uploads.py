"""Archives that inflate far past their size (zip bombs) are refused by
``check_upload`` itself, so every upload form of the cluster refuses them."""

import io
import struct
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.models import Collection

from cluster.models import ClusterDocument
from formguard.uploads import check_upload

MB = 1024 * 1024
BOMB_MESSAGE = "压缩文件解压后异常巨大（可能是“压缩炸弹”），已拒收。"


def archive(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx_with(document_xml: bytes) -> bytes:
    return archive({"[Content_Types].xml": b"<Types/>", "word/document.xml": document_xml})


def real_docx(paragraphs: int = 1) -> bytes:
    from docx import Document

    doc = Document()
    for n in range(paragraphs):
        doc.add_paragraph(f"第{n}段：关于开展食品经营许可现场核查工作的通知，请各经营者按时提交材料。")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def real_xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    for n in range(200):
        wb.active.append([n, "敕勒川市新城区光明路", "食品销售"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def refused(uploaded, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        check_upload(uploaded, **kwargs)
    return excinfo.value


@pytest.mark.parametrize("name,data", [
    ("证明.zip", archive({"zeros.txt": b"\0" * (30 * MB)})),
    ("申请书.docx", docx_with(b"<w:document>" + b" " * (30 * MB) + b"</w:document>")),
    ("明细.xlsx", archive({"xl/workbook.xml": b"<workbook/>", "xl/sheet1.xml": b"0" * (30 * MB)})),
], ids=["zip", "docx", "xlsx"])  # the archives carry a timestamp: ids by name keep xdist's workers in step
def test_an_archive_that_inflates_a_thousandfold_is_refused(name, data):
    assert len(data) < 100 * 1024  # a few KB on the wire
    error = refused(upload(name, data))
    assert error.code == "zip_bomb" and error.messages == [BOMB_MESSAGE]


def test_many_small_members_count_together():
    members = {f"part{n}.txt": b"a" * (MB // 2) for n in range(10)}  # 5 MB from about 50 KB
    assert refused(upload("材料.zip", archive(members))).code == "zip_bomb"


def test_an_archive_past_the_absolute_limit_is_refused_whatever_its_ratio():
    import os

    data = archive({"random.bin": os.urandom(3 * MB)})  # does not compress: ratio about 1
    assert check_upload(upload("照片.zip", data)).label == "ZIP"
    assert refused(upload("照片.zip", data), max_inflated=2 * MB).code == "zip_bomb"
    with override_settings(UPLOAD_MAX_INFLATED_SIZE=2 * MB):
        assert refused(upload("照片.zip", data)).code == "zip_bomb"


def test_an_archive_whose_directory_lies_about_its_sizes_is_refused():
    data = bytearray(archive({"word/document.xml": b"<w:document>" + b"x" * (5 * MB) + b"</w:document>"}))
    # declare 100 bytes in the local header and the central directory: a reader trusting them is fooled
    local = data.index(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, 100)
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 100)
    error = refused(upload("申请书.docx", bytes(data)))
    assert error.code == "content"
    assert "内容与其扩展名不符" in error.messages[0]


@pytest.mark.parametrize("name,make,label", [
    ("申请书.docx", lambda: real_docx(2000), "Word"),  # a long document: XML compresses well
    ("明细表.xlsx", real_xlsx, "Excel"),
    ("材料.zip", lambda: archive({"申请书.pdf": b"%PDF-1.4\n" + b"1 0 obj <<>> endobj\n" * 5000}), "ZIP"),
])
def test_real_office_files_and_small_archives_are_accepted(name, make, label):
    uploaded = upload(name, make())
    assert check_upload(uploaded).label == label
    assert uploaded.file.tell() == 0  # still readable from the start


def test_the_check_leaves_the_file_readable_after_a_refusal():
    uploaded = upload("证明.zip", archive({"zeros.txt": b"\0" * (30 * MB)}))
    uploaded.file.seek(5)
    refused(uploaded)
    assert uploaded.file.tell() == 5


@pytest.mark.django_db
def test_the_admin_document_form_refuses_a_bomb_too(client, demo_user):
    client.force_login(demo_user("admin"))
    before = ClusterDocument.objects.count()
    response = client.post(
        "/admin/documents/add/",
        {"title": "申请书模板", "file": upload("模板.docx", docx_with(b" " * (30 * MB))),
         "collection": Collection.get_first_root_node().pk},
        HTTP_HOST="www.localhost",
    )
    assert response.status_code == 200  # the form again, with the error
    assert BOMB_MESSAGE in response.content.decode()
    assert ClusterDocument.objects.count() == before
