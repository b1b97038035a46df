"""Every page of every demo site, crawled as an anonymous citizen (crawler.py):
no server error, no broken internal link, and on every HTML page a language, a
title, one <h1>, labelled form controls, images with alt and, on the Mongolian
site, its vertical layout and no right-to-left direction."""

import pytest

from .crawler import MAX_PAGES_PER_HOST

pytestmark = [pytest.mark.django_db]


def test_every_page_of_every_site(crawled, capsys):
    with capsys.disabled():
        print("\n" + crawled.summary())
    assert {"www.localhost", "fgw.localhost", "jyj.localhost", "byhq.localhost", "en.localhost", "mgl.localhost"} <= set(
        crawled.hosts
    )
    for report in crawled.hosts.values():
        # each site has its columns, articles, catalogue and forms to reach
        assert 20 < report.html_pages, report
        assert report.pages < MAX_PAGES_PER_HOST, report
    assert crawled.forms, "the crawl found no form"
    assert not crawled.problems, f"{len(crawled.problems)} problems:\n" + "\n".join(crawled.problems)
