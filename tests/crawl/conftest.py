import os

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import translation

from .crawler import CrawlResult, crawl


@pytest.fixture(scope="session")
def crawled(django_db_setup, django_db_blocker) -> CrawlResult:
    """One crawl for all the crawl tests; whatever it writes is rolled back.
    CRAWL_LOG=<file> lists every URL fetched with its status."""
    log = open(os.environ["CRAWL_LOG"], "w") if os.environ.get("CRAWL_LOG") else None
    with django_db_blocker.unblock():
        with transaction.atomic():
            from cluster.sites import clear_site_roots

            clear_site_roots()
            result = crawl(log=log)
            transaction.set_rollback(True)
    translation.activate(settings.LANGUAGE_CODE)
    if log:
        log.close()
    return result
