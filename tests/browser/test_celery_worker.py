"""Scheduled publishing runs through a real Celery worker (folder broker)."""

import time
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser

SCHEDULE = """
import datetime as dt
from django.utils import timezone
from cluster.models import ArticlePage, ColumnPage
from wagtail.models import Site
column = ColumnPage.objects.child_of(Site.objects.get(hostname="fgw.localhost").root_page).get(slug="tzgg")
page = ArticlePage(title="定时发布的通知", slug="scheduled-notice", kind="notice")
column.add_child(instance=page)
page.unpublish() if page.live else None
revision = page.save_revision(approved_go_live_at=timezone.now() - dt.timedelta(seconds=5))
print(page.live)
"""

QUEUE = "from cluster.tasks import publish_scheduled; publish_scheduled.delay(); print('queued')"


def _get(live_cluster, host: str, path: str) -> tuple[int, str]:
    # Python's resolver does not know *.localhost names, so send the Host header.
    request = urllib.request.Request(f"http://127.0.0.1:{live_cluster.port}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def test_scheduled_page_goes_live_through_the_worker(live_cluster):
    path = "/tzgg/scheduled-notice/"
    assert live_cluster.manage("shell", "--no-imports", "-c", SCHEDULE).strip() == "False"
    assert _get(live_cluster, "fgw.localhost", path)[0] == 404
    assert "queued" in live_cluster.manage("shell", "--no-imports", "-c", QUEUE)
    deadline = time.time() + 60
    while (result := _get(live_cluster, "fgw.localhost", path))[0] != 200:
        assert time.time() < deadline, (live_cluster.data_dir / "worker.log").read_text()[-3000:]
        time.sleep(0.5)
    html = result[1]
    assert "定时发布的通知" in html
