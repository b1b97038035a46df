"""Imported documents whose source has no date stay undated: shown as 日期不详,
listed after the dated ones everywhere (catalogue, feeds, search by date, API),
counted in the import summary, and never dated by the day of the import."""

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.core.management import call_command

from disclosure.models import DisclosureDocumentPage, DisclosureIndexPage
from tests.search.conftest import EngineSwitch

pytestmark = [pytest.mark.django_db]

ATOM = "{http://www.w3.org/2005/Atom}"
WORD = "琥珀湾档案"  # in every imported body, and nowhere in the demo

RECORDS = [
    {"id": "u-1", "title": "关于琥珀湾档案整理的通知（1956年）", "issuer": "", "date": "1956-03-01",
     "doc_number": "", "category": "通知", "body": f"{WORD}一九五六年整理。"},
    {"id": "u-2", "title": "琥珀湾档案中没有日期的布告", "issuer": "", "date": None,
     "doc_number": "", "category": "公告", "body": f"{WORD}，原件无日期。"},
    {"id": "u-3", "title": "关于琥珀湾档案数字化的通知", "issuer": "", "date": "2025-06-30",
     "doc_number": "", "category": "通知", "body": f"{WORD}数字化。"},
]
UNDATED = "琥珀湾档案中没有日期的布告"
OLD = "关于琥珀湾档案整理的通知（1956年）"


def _import(path, **options) -> str:
    out = io.StringIO()
    call_command("import_documents", str(path), site="fgw.localhost", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def _write_jsonl(tmp_path, records=RECORDS):
    path = tmp_path / "old.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def imported(tmp_path):
    summary = _import(_write_jsonl(tmp_path))
    assert "read 3 = imported 3 + skipped 0 + rejected 0" in summary
    return summary


def test_undated_sources_stay_undated_and_the_summary_counts_them(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    _write_jsonl(folder)
    with (folder / "b.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "title", "date", "body"])
        writer.writeheader()
        writer.writerow({"id": "u-4", "title": "琥珀湾档案表格中的无日期文件", "date": "", "body": "正文"})
    (folder / "c.html").write_text(
        '<html><head><meta name="ArticleTitle" content="琥珀湾档案网页中的无日期文件"></head>'
        "<body><p>正文</p></body></html>", encoding="utf-8",
    )
    summary = _import(folder)
    assert "read 5 = imported 5 + skipped 0 + rejected 0" in summary
    assert "undated 3" in summary

    docs = DisclosureDocumentPage.objects.filter(title__contains="琥珀湾档案")
    undated = {d.title: d for d in docs.filter(publish_date__isnull=True)}
    assert set(undated) == {UNDATED, "琥珀湾档案表格中的无日期文件", "琥珀湾档案网页中的无日期文件"}
    assert all(d.written_date is None for d in undated.values())
    old = docs.get(title=OLD)
    assert old.publish_date == old.written_date == dt.date(1956, 3, 1)
    # Wagtail's own first-published stamp agrees with the source, not the import run
    assert old.first_published_at.date() == dt.date(1956, 3, 1)

    # a second run skips them all and counts no new undated documents
    assert "undated 0" in _import(folder)


def test_catalogue_lists_undated_documents_last_and_says_so(client, imported):
    catalogue = DisclosureIndexPage.objects.get(url_path="/fgw/zfxxgk/")
    docs = list(catalogue.documents())
    assert docs[-1].title == UNDATED
    assert docs.index(DisclosureDocumentPage.objects.get(title=OLD)) == len(docs) - 2
    html = client.get("/zfxxgk/", HTTP_HOST="fgw.localhost").content.decode()
    newest = docs[0].title
    assert html.index(newest) < html.index(OLD) < html.index(UNDATED)
    row = html[html.index(UNDATED):].split("</tr>")[0]
    assert "日期不详" in row and "<time" not in row

    page = DisclosureDocumentPage.objects.get(title=UNDATED)
    html = client.get(page.url, HTTP_HOST="fgw.localhost").content.decode()
    meta = html[html.index("发布日期"):].split("</tr>")[0]
    assert "日期不详" in meta


def test_feeds_leave_undated_documents_out_and_keep_old_ones_below_new(client, imported):
    rss = ET.fromstring(client.get("/zfxxgk/feed/rss/", HTTP_HOST="fgw.localhost").content)
    items = rss.find("channel").findall("item")
    titles = [i.findtext("title") for i in items]
    assert UNDATED not in titles
    assert titles[0] != OLD and titles[-1] == OLD  # the 1956 document is the oldest entry
    dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True)

    atom = ET.fromstring(client.get("/zfxxgk/feed/atom/", HTTP_HOST="fgw.localhost").content)
    entries = {e.findtext(f"{ATOM}title"): e for e in atom.findall(f"{ATOM}entry")}
    assert UNDATED not in entries
    assert all(e.findtext(f"{ATOM}updated") for e in entries.values())  # Atom needs a date on each entry
    # neither published nor updated carries the import's day
    assert entries[OLD].findtext(f"{ATOM}published").startswith("1956-03-01")
    assert entries[OLD].findtext(f"{ATOM}updated").startswith("1956-03-01")


def test_api_document_has_no_publish_date(client, imported):
    page = DisclosureDocumentPage.objects.get(title=UNDATED)
    body = client.get(f"/api/v1/documents/{page.index_number}", HTTP_HOST="www.localhost").json()
    assert body["title"] == UNDATED and body["publish_date"] is None and body["written_date"] is None


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_search_by_date_puts_undated_documents_last(client, tmp_path, engine):
    from search.rebuild import rebuild

    with EngineSwitch(engine, tmp_path / engine):
        rebuild(stream=None)
        _import(_write_jsonl(tmp_path))  # indexes the imported pages at the end
        for path in ("/api/v1/search/", "/search/"):
            response = client.get(path, {"q": WORD, "sort": "date"}, HTTP_HOST="www.localhost", REMOTE_ADDR="10.9.8.6")
            assert response.status_code == 200
            if path.startswith("/api/"):
                results = response.json()["results"]
                assert [r["title"] for r in results] == ["关于琥珀湾档案数字化的通知", OLD, UNDATED]
                assert results[-1]["publish_date"] is None
            else:
                html = response.content.decode()
                assert html.index("关于琥珀湾档案数字化的通知") < html.index(OLD) < html.index(UNDATED)
                hit = html[html.index(UNDATED):].split("</li>")[0]
                assert "日期不详" in hit
