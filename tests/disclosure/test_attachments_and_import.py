"""Attachment text in the search, and the bulk import of documents."""

import csv
import io
import json
import logging

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.models import PageLogEntry

from cluster.models import ClusterDocument
from disclosure.models import DisclosureAttachment, DisclosureDocumentPage, DisclosureIndexPage
from search.extract import extract_text

pytestmark = [pytest.mark.django_db]


def pdf_bytes(text: str) -> bytes:
    from fpdf import FPDF

    from pdffonts import cjk_font, truetype_subset

    path, face = cjk_font()
    pdf = FPDF()
    pdf.add_page()
    with __import__("tempfile").NamedTemporaryFile(suffix=".ttf") as font:
        font.write(truetype_subset(path, face, text))
        font.flush()
        pdf.add_font("cjk", fname=font.name)
        pdf.set_font("cjk", size=12)
        pdf.multi_cell(0, 8, text)
        return bytes(pdf.output())


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("附件说明")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "事项"
    table.cell(0, 1).text = text
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_extracts_pdf_and_word_text():
    assert "琥珀湾口岸" in extract_text(pdf_bytes("关于琥珀湾口岸通关时间的说明"), name="a.pdf")
    assert "翡翠滩湿地" in extract_text(docx_bytes("翡翠滩湿地保护"), name="b.docx")
    assert extract_text(b"PK\x03\x04 plain", name="c.xlsx") == ""


def test_broken_and_encrypted_files_give_empty_text_and_a_warning(caplog):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt("secret")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    with caplog.at_level(logging.WARNING, logger="search.extract"):
        assert extract_text(b"%PDF-1.7 broken", name="x.pdf") == ""
        assert extract_text(encrypted.getvalue(), name="e.pdf") == ""
        assert extract_text(b"not a zip", name="y.docx") == ""
    assert len([r for r in caplog.records if r.name == "search.extract"]) == 3


def test_text_is_extracted_once_per_file_content(monkeypatch):
    doc = ClusterDocument(title="说明")
    doc.file.save("note.docx", ContentFile(docx_bytes("翡翠滩湿地保护")), save=False)
    doc.save()
    assert "翡翠滩湿地" in doc.extracted_text
    calls = []
    monkeypatch.setattr("search.extract.extract_text", lambda data, name: calls.append(name) or "")
    doc.title = "说明（更名）"
    doc.save()
    assert calls == [] and "翡翠滩湿地" in doc.extracted_text


@pytest.mark.services
def test_a_word_only_in_an_attachment_finds_the_document(client, django_capture_on_commit_callbacks):
    page = DisclosureDocumentPage.objects.live().filter(url_path__startswith="/fgw/").first()
    assert "琥珀湾口岸" not in str(page.body)
    doc = ClusterDocument(title="附件一")
    doc.file.save("attachment.pdf", ContentFile(pdf_bytes("附件：琥珀湾口岸通关时间调整表")), save=False)
    doc.save()
    DisclosureAttachment.objects.create(page=page, document=doc)
    assert "琥珀湾口岸" in page.attachments_text()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    html = client.get("/search/", {"q": "琥珀湾口岸"}, HTTP_HOST="www.localhost").content.decode()
    assert page.title in html


# -- bulk import -------------------------------------------------------------------

RECORDS = [
    {"id": "t-1", "title": "某某市文物保护管理办法", "issuer": "某某市人民代表大会常务委员会", "date": "2021-05-28",
     "doc_number": "", "category": "地方性法规", "body": "第一条 为了加强文物保护。\n第二条 本办法适用于本市。",
     "source_repo": "x", "source_path": "a.md"},
    {"id": "t-2", "title": "关于印发价格监测规程的通知", "issuer": "敕勒川市发展和改革委员会", "date": "2024年3月5日",
     "doc_number": "敕发改发〔2024〕9号", "category": "部门规章", "body": "第一条 价格监测。",
     "source_repo": "x", "source_path": "b.md"},
    {"id": "t-3", "title": "", "issuer": None, "date": "2020-01-01", "doc_number": None, "category": None,
     "body": "没有标题", "source_repo": None, "source_path": None},
    {"id": "t-4", "title": "日期错误的文件", "issuer": None, "date": "2020-13-45", "doc_number": None,
     "category": None, "body": "正文", "source_repo": None, "source_path": None},
    {"id": "t-1", "title": "某某市文物保护管理办法（重复）", "issuer": None, "date": "2021-05-28", "doc_number": None,
     "category": None, "body": "重复", "source_repo": None, "source_path": None},
    {"id": "t-5", "title": "没有日期的政府工作报告", "issuer": "国务院", "date": None, "doc_number": None,
     "category": "政府工作报告", "body": "各位代表：\n现在，我代表国务院，向大会报告政府工作。", "source_repo": None,
     "source_path": None},
]


def _import(path, **options):
    out = io.StringIO()
    call_command("import_documents", str(path), site="fgw.localhost", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def _catalogue():
    return DisclosureIndexPage.objects.get(url_path="/fgw/zfxxgk/")


@pytest.mark.services
def test_jsonl_import_maps_metadata_rejects_bad_records_and_reruns(tmp_path, client):
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    lines.insert(2, '{"id": "broken", "title": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = tmp_path / "report.csv"

    summary = _import(path, report=str(report))
    assert "read 7 = imported 3 + skipped 0 + rejected 4" in summary
    rejected = {row["where"]: row for row in csv.DictReader(report.open(encoding="utf-8"))}
    assert rejected["docs.jsonl:3"]["reason"].startswith("broken line")
    assert rejected["docs.jsonl:4"]["reason"] == "missing title"
    assert rejected["docs.jsonl:5"]["reason"].startswith("bad date")
    assert rejected["docs.jsonl:6"]["reason"].startswith("duplicate")

    imported = DisclosureDocumentPage.objects.descendant_of(_catalogue()).exclude(import_source="")
    law = imported.get(import_source="id:t-1")
    assert law.live and law.doc_type == "other" and law.keywords == "地方性法规"
    assert str(law.written_date) == "2021-05-28" == str(law.publish_date)
    assert law.organisation.code == "11150100MB0000102B"
    assert "制定机关：某某市人民代表大会常务委员会" in str(law.body)  # unknown issuer kept as text
    rule = imported.get(import_source="id:t-2")
    assert rule.doc_type == "rules" and rule.doc_number == "敕发改发〔2024〕9号" and str(rule.publish_date) == "2024-03-05"
    assert "制定机关" not in str(rule.body)  # a known organisation
    report_page = imported.get(import_source="id:t-5")
    assert report_page.doc_type == "report" and report_page.written_date is None
    assert PageLogEntry.objects.filter(page=law, action="disclosure.import").exists()
    assert PageLogEntry.objects.filter(page=law, action="wagtail.publish").exists()
    assert client.get(law.url, HTTP_HOST="fgw.localhost").status_code == 200

    again = _import(path)
    # the second copy of t-1 now matches an existing page: skipped, no longer a duplicate
    assert "read 7 = imported 0 + skipped 4 + rejected 3" in again
    assert imported.count() == 3


@pytest.mark.services
def test_csv_and_html_import_sanitises_and_can_leave_drafts(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    with (folder / "a.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(RECORDS[0]))
        writer.writeheader()
        writer.writerow({**RECORDS[1], "id": "c-1"})
        writer.writerow({**RECORDS[3], "id": "c-2"})
    (folder / "b.html").write_text(
        """<html><head><title>站点名称</title><meta name="ArticleTitle" content="关于开展节能宣传周活动的通知">
        <meta name="PubDate" content="2025-06-10 09:00"><meta name="ContentSource" content="敕勒川市发展和改革委员会">
        <script>alert('x')</script></head><body><h1>关于开展节能宣传周活动的通知</h1>
        <p onclick="steal()">各旗县区发展改革部门：</p><script>document.cookie</script>
        <p>请于<a href="javascript:alert(1)">6月</a>底前报送<a href="https://example.gov.cn/x">总结</a>。</p></body></html>""",
        encoding="utf-8",
    )
    (folder / "c.html").write_bytes(b"\xff\xfe\x00<html>\x00\x81\x82")
    (folder / "d.htm").write_text("<html><body><p>没有标题的页面</p></body></html>", encoding="utf-8")
    report = tmp_path / "r.csv"
    summary = _import(folder, report=str(report), draft=True)
    assert "read 5 = imported 2 + skipped 0 + rejected 3" in summary
    reasons = {row["where"]: row["reason"] for row in csv.DictReader(report.open(encoding="utf-8"))}
    assert reasons["a.csv:3"].startswith("bad date")
    assert reasons["c.html"].startswith("unreadable HTML")
    assert reasons["d.htm"] == "missing title"

    page = DisclosureDocumentPage.objects.get(title="关于开展节能宣传周活动的通知")
    assert not page.live and page.has_unpublished_changes  # a draft for review
    body = str(page.get_latest_revision_as_object().body)
    assert "各旗县区发展改革部门" in body and "https://example.gov.cn/x" in body
    for bad in ("<script", "alert", "onclick", "javascript:", "document.cookie"):
        assert bad not in body
    assert str(page.publish_date) == "2025-06-10"


def test_limit_counts_records_read(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps({**RECORDS[0], "id": f"l-{i}"}, ensure_ascii=False) for i in range(5)), encoding="utf-8")
    assert "read 2 = imported 2 + skipped 0 + rejected 0" in _import(path, limit=2)
