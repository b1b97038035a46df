"""The index follows publishing through Celery, survives a killed writer, shows
other processes' commits without a restart, and is rebuilt and swapped in while
searches keep answering."""
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from haystack.query import SearchQuerySet

from cluster.models import ArticlePage, ColumnPage
from disclosure.search.storage import live_dir

from .bare import bare_backend, ids

ROOT = Path(__file__).resolve().parents[2]
BARE = Path(__file__).with_name("bare.py")


def titles(q):
    return [r.title for r in SearchQuerySet().auto_query(q)[:50]]


@pytest.mark.services
@pytest.mark.django_db
def test_index_follows_publish_unpublish_and_delete(client, engine, fgw, django_capture_on_commit_callbacks):
    column = ColumnPage.objects.child_of(fgw.root_page).get(slug="tzgg")
    title = "关于开展烽燧遗址巡查的通知"
    article = ArticlePage(title=title, slug="beacon-patrol", kind="notice", publish_date=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        column.add_child(instance=article)
        article.save_revision().publish()
    assert title in titles("烽燧")
    page = client.get("/search/", {"q": "烽燧遗址"}, HTTP_HOST="jyj.localhost").content.decode()
    assert title in page
    api = client.get("/api/v1/search/", {"q": "烽燧遗址"}, HTTP_HOST="www.localhost").json()
    assert [r["title"] for r in api["results"]] == [title]
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert title not in titles("烽燧")
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert title in titles("烽燧")
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).delete()
    assert title not in titles("烽燧")
    assert title not in client.get("/search/", {"q": "烽燧遗址"}, HTTP_HOST="jyj.localhost").content.decode()


@pytest.mark.django_db
def test_rebuild_swaps_a_new_index_in_while_searches_keep_answering(engine):
    from disclosure.search.rebuild import rebuild

    before = live_dir(engine.path)
    expected = len(titles("元旦"))
    assert expected
    seen, failures, stop = [], [], threading.Event()

    def reader():  # another thread: its own haystack connection and backend
        while not stop.is_set():
            try:
                seen.append(len(titles("元旦")))
            except Exception as exc:  # pragma: no cover - reported below
                failures.append(exc)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        time.sleep(0.05)
        report = rebuild(stream=None)
        time.sleep(0.2)
    finally:
        stop.set()
        thread.join()
    after = live_dir(engine.path)
    assert after != before and Path(report.path) == after
    assert not failures
    assert len(seen) > 3 and set(seen) == {expected}
    assert len(titles("元旦")) == expected


@pytest.mark.django_db
def test_rebuild_command_shows_progress(engine, capsys):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("rebuild_search", stdout=out, stderr=err)
    assert "documents in" in out.getvalue()
    assert "docs/s" in err.getvalue() and "rebuild_search [" in err.getvalue()
    assert titles("元旦")


def _run(path, mode, **kwargs):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)])}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.search.bare", str(path), mode], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True, **kwargs
    )


def test_tantivy_readers_see_another_process_commit_without_restart(tmp_path):
    import tantivy

    reader = bare_backend(tmp_path)
    everything = tantivy.Query.all_query()
    assert ids(reader, everything) == []
    proc = _run(tmp_path, "one")
    assert proc.wait(timeout=60) == 0
    assert ids(reader, everything) == ["from-other-process"]
    assert ids(reader, reader.text_query("content", "烽燧")) == ["from-other-process"]


def test_tantivy_writer_killed_mid_commit_leaves_a_readable_index(tmp_path):
    import tantivy

    proc = _run(tmp_path, "flood")
    committed = -1
    try:
        while committed < 2:  # a few commits, then kill during the next large write
            line = proc.stdout.readline()
            assert line, "writer ended early"
            committed = int(line.split()[1])
        time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    reader = bare_backend(tmp_path)
    found = ids(reader, tantivy.Query.all_query())
    # every document of every completed commit, nothing of a half-written one
    assert len(found) % 2000 == 500 and len(found) >= 500 + 2000 * committed
    assert len(ids(reader, reader.text_query("content", "营商环境"))) == len(found)
    # the lock died with the process: a new writer can write at once
    with reader.writer() as writer:
        writer.delete_documents_by_term("id", "b0-0")
    assert len(ids(reader, tantivy.Query.all_query())) == len(found) - 1
