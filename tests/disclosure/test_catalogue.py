"""The disclosure catalogue: metadata, 索引号, browsing by topic/type/year, interpretations."""

import re

import pytest
from wagtail.models import Site

from disclosure.models import DisclosureDocumentPage, DisclosureIndexPage, next_index_number

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_index_numbers_are_generated_unique_and_well_formed():
    numbers = list(DisclosureDocumentPage.objects.values_list("index_number", flat=True))
    assert len(numbers) == len(set(numbers)) > 10
    for number in numbers:
        assert re.fullmatch(r"[0-9A-Z]{18}/\d{4}-\d{5}", number), number


def test_next_index_number_counts_per_organisation_and_year():
    doc = DisclosureDocumentPage.objects.first()
    first = next_index_number(organisation=doc.organisation, year=2031)
    second = next_index_number(organisation=doc.organisation, year=2031)
    assert first.endswith("/2031-00001") and second.endswith("/2031-00002")
    assert first.startswith(doc.organisation.code + "/")


def test_index_number_survives_edits():
    doc = DisclosureDocumentPage.objects.live().first()
    number = doc.index_number
    doc.title = doc.title + "（修订）"
    doc.save_revision().publish()
    doc.refresh_from_db()
    assert doc.index_number == number


def test_portal_catalogue_lists_every_organisation(client):
    html = client.get("/zfxxgk/", HTTP_HOST="www.localhost").content.decode()
    for org in ("敕勒川市人民政府", "敕勒川市发展和改革委员会", "敕勒川市教育局", "白音花旗人民政府"):
        assert org in html


def test_department_catalogue_lists_only_its_own(client):
    html = client.get("/zfxxgk/", HTTP_HOST="jyj.localhost").content.decode()
    assert "敕勒川市教育局关于2026年义务教育阶段招生入学工作的通知" in html
    assert "白音花旗人民政府关于禁牧休牧的通告" not in html


def test_browse_by_topic_type_and_year(client):
    html = client.get("/zfxxgk/?topic=mm", HTTP_HOST="www.localhost").content.decode()
    assert "白音花旗人民政府关于禁牧休牧的通告" in html
    assert "政府定价目录" not in html
    html = client.get("/zfxxgk/?type=report", HTTP_HOST="www.localhost").content.decode()
    assert "政府信息公开工作年度报告" in html and "禁牧休牧" not in html
    year = DisclosureDocumentPage.objects.first().publish_date.year
    assert client.get(f"/zfxxgk/?year={year}", HTTP_HOST="www.localhost").status_code == 200
    # junk filters are ignored, not errors
    assert client.get("/zfxxgk/?year=abc&type=<script>&page=-1", HTTP_HOST="www.localhost").status_code == 200


def test_document_page_shows_catalogue_metadata(client):
    doc = DisclosureDocumentPage.objects.filter(doc_number__startswith="敕发改发").first()
    html = client.get(doc.url, HTTP_HOST="fgw.localhost").content.decode()
    for label in ("索引号", "发布机构", "主题分类", "体裁", "发文字号", "成文日期", "发布日期", "有效性"):
        assert label in html
    assert doc.index_number in html and doc.doc_number in html


def test_interpretation_and_policy_link_each_other(client):
    interpretation = DisclosureDocumentPage.objects.get(doc_type="interpretation")
    policy = interpretation.interprets
    assert policy is not None
    html = client.get(policy.url, HTTP_HOST="fgw.localhost").content.decode()
    assert interpretation.title in html
    html = client.get(interpretation.url, HTTP_HOST="fgw.localhost").content.decode()
    assert policy.title in html


def test_unpublished_documents_disappear_from_the_catalogue(client):
    doc = DisclosureDocumentPage.objects.filter(url_path__startswith=Site.objects.get(hostname="byhq.localhost").root_page.url_path).first()
    doc.unpublish()
    html = client.get("/zfxxgk/", HTTP_HOST="www.localhost").content.decode()
    assert doc.title not in html
    assert client.get(f"/zfxxgk/{doc.slug}/", HTTP_HOST="byhq.localhost").status_code == 404
    assert DisclosureIndexPage.objects.count() >= 4


def test_a_copied_document_gets_its_own_index_number_and_a_translation_shares_it(fgw):
    from wagtail.models import Locale

    from disclosure.models import DisclosureDocumentPage

    original = DisclosureDocumentPage.objects.descendant_of(fgw.root_page).live().first()
    copy = original.copy(update_attrs={"slug": original.slug + "-copy", "title": original.title + "（副本）"})
    assert copy.index_number and copy.index_number != original.index_number

    english = Locale.objects.get(language_code="en")
    translation = original.copy_for_translation(english, copy_parents=True)
    assert translation.index_number == original.index_number
