"""The one search box also finds an organisation's disclosure guide and its
annual reports, linked on the site that owns them."""
from django.test import Client

from disclosure.models import AnnualReportPage, DisclosureTextPage
from search import indexing


def test_guide_and_annual_report_are_found_from_any_site(db):
    indexing.rebuild()
    guide = DisclosureTextPage.objects.live().filter(slug="xxgkzn").first()
    report = AnnualReportPage.objects.live().order_by("-year").first()
    assert guide is not None and report is not None

    html = Client().get("/search/", {"q": "政府信息公开指南"}, HTTP_HOST="jyj.localhost").content.decode()
    assert guide.title in html and "zfxxgk/xxgkzn/" in html

    html = Client().get("/search/", {"q": report.title}, HTTP_HOST="www.localhost").content.decode()
    assert report.title in html and report.full_url in html
