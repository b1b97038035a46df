"""The annual report (信息公开年报): computed and staff-entered figures, checks on
the entered totals, and the same numbers on the page, in the spreadsheet and in the PDF."""

import datetime as dt
import io
import re
from decimal import Decimal
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

from disclosure.annual_report import document_counts
from disclosure.models import AnnualReportPage, DisclosureDocumentPage, DisclosureIndexPage, Validity

pytestmark = [pytest.mark.django_db, pytest.mark.services]

FGW = "11150100MB0000102B"


@pytest.fixture
def report():
    return AnnualReportPage.objects.get(organisation__code=FGW, year=2025)


def _get(client, url):
    response = client.get(url, HTTP_HOST="fgw.localhost")
    assert response.status_code == 200, url
    return response


def test_table_three_balances_for_every_applicant_kind(report):
    figures = report.report().figures
    from disclosure.applications.stats import COLUMNS

    for column, _label in COLUMNS:
        assert (
            figures["carried_in"][column] + figures["received"][column]
            == figures["answered_total"][column] + figures["carried_out"][column]
        ), column
    kinds = [c for c, _l in COLUMNS if c != "total"]
    assert figures["received"]["total"] == sum(figures["received"][k] for k in kinds)


def test_table_two_counts_regulations_from_the_catalogue(report):
    # demo: one regulation published in 2025 (valid), one of 2023 repealed in 2025
    assert document_counts(report.organisation, 2025, "regulation") == (1, 1, 1)
    assert document_counts(report.organisation, 2024, "regulation") == (0, 0, 1)
    catalogue = DisclosureIndexPage.objects.get(url_path="/fgw/zfxxgk/")
    rule = DisclosureDocumentPage(
        title="敕勒川市价格监督检查办法", slug="rule-test", organisation=report.organisation, doc_type="rules",
        publish_date=dt.date(2025, 5, 1), validity=Validity.EXPIRED, validity_date=dt.date(2026, 3, 1),
        body=[("paragraph", RichText("<p>第一条</p>"))],
    )
    catalogue.add_child(instance=rule)
    rule.save_revision().publish()
    assert document_counts(report.organisation, 2025, "rules") == (1, 0, 1)
    assert document_counts(report.organisation, 2026, "rules") == (0, 1, 0)
    table = report.report().tables[0]
    assert table.value("规章", "本年制发件数") == 1
    assert table.value("行政许可", "本年处理决定数量") == 486
    assert table.value("行政事业性收费", "本年收费金额（单位：万元）") == Decimal("35.60")


def test_entered_totals_must_add_up(report):
    report.review_total = report.review_total + 1
    report.suit_after_total = 3
    with pytest.raises(ValidationError) as error:
        report.full_clean()
    assert set(error.value.message_dict) == {"review_total", "suit_after_total"}
    assert "总计应为" in error.value.message_dict["review_total"][0]
    report.refresh_from_db()
    report.licences = -1
    with pytest.raises(ValidationError) as error:
        report.full_clean()
    assert "licences" in error.value.message_dict


def test_admin_form_shows_the_total_error_and_keeps_the_input(client, report, demo_user):
    from wagtail.test.utils.form_data import rich_text

    from disclosure.models import REVIEW_GROUPS, REVIEW_OUTCOMES

    client.force_login(demo_user("admin"))
    url = f"/admin/pages/{report.pk}/edit/"
    data = {
        "title": report.title, "slug": report.slug, "organisation": report.organisation_id, "year": report.year,
        "licences": report.licences, "penalties": report.penalties, "enforcements": report.enforcements,
        "fees": report.fees, "overview": rich_text(report.overview), "problems": rich_text(report.problems),
        "other_matters": rich_text(report.other_matters),
        "comments-TOTAL_FORMS": 0, "comments-INITIAL_FORMS": 0, "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
    }
    for group, _label in REVIEW_GROUPS:
        for outcome, _olabel in REVIEW_OUTCOMES:
            data[f"{group}_{outcome}"] = getattr(report, f"{group}_{outcome}")
    data["review_upheld"] = 7
    response = client.post(url, data, HTTP_HOST="www.localhost")
    assert response.status_code == 200  # the form again, not a redirect
    html = unescape(response.content.decode())
    assert "行政复议的总计应为" in html
    assert 'value="7"' in html
    report.refresh_from_db()
    assert report.review_upheld == 1


def _cells(html: str, table_id: str) -> list[list[str]]:
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        cells = [unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows.append(cells)
    return rows


def _expected_rows(report_obj):
    """Every body row of every table as label + numbers, as text."""
    for table in report_obj.tables:
        for number, block in enumerate(table.blocks, start=1):
            yield table, number, block, [
                [label] + [str(v) for v in cells] for label, cells in block.rows if cells is not None
            ]


def test_page_xlsx_and_pdf_show_the_same_numbers(client, report):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    data = report.report()
    html = _get(client, report.url).content.decode()
    assert "<caption>" in html and 'scope="col"' in html and 'scope="row"' in html
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert heading in html

    xlsx = _get(client, report.url + "xlsx/")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(xlsx.content))
    assert len(book.sheetnames) == 4  # three tables and the text sections

    pdf = _get(client, report.url + "pdf/")
    assert pdf.content.startswith(b"%PDF")
    pdf_text = "".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split())
    assert "敕勒川市发展和改革委员会2025年政府信息公开工作年度报告" in pdf_text

    checked = 0
    for table, number, _block, rows in _expected_rows(data):
        # the web page
        html_rows = [r for r in _cells(html, f"table-{table.key}-{number}") if len(r) > 1][1:]
        assert html_rows == rows
        # the spreadsheet: numbers as numbers
        sheet = book.worksheets[[t.key for t in data.tables].index(table.key)]
        sheet_rows = {r[0]: list(r[1:]) for r in sheet.iter_rows(values_only=True) if r and r[0]}
        for row in rows:
            values = [v for v in sheet_rows[row[0]] if v is not None]
            assert [str(Decimal(str(v)).quantize(Decimal("0.01"))) if isinstance(v, float) else str(v) for v in values] == row[1:]
            assert all(isinstance(v, (int, float)) for v in values)
            # the PDF: label then its numbers, in reading order
            assert "".join(row) in pdf_text, row
            checked += 1
    assert checked >= 30


def test_pdf_without_a_cjk_font_fails_with_a_clear_message(client, report, settings):
    settings.PDF_FONT = "/nonexistent/font.ttc"
    response = client.get(report.url + "pdf/", HTTP_HOST="fgw.localhost")
    assert response.status_code == 503
    assert "中文字体" in response.content.decode()
