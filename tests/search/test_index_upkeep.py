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
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from haystack.query import SearchQuerySet
from wagtail.models import PageViewRestriction

from cluster.models import ArticleAttachment, ArticlePage, ClusterDocument, ColumnPage, SiteProfile
from search.storage import live_dir

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


def api_hits(client, q):
    return client.get("/api/v1/search/", {"q": q}, HTTP_HOST="www.localhost").json()["results"]


def page_html(client, q):
    return client.get("/search/", {"q": q}, HTTP_HOST="jyj.localhost").content.decode()


def publish_notice(site, title, slug, on_commit, **fields):
    column = ColumnPage.objects.child_of(site.root_page).get(slug="tzgg")
    article = ArticlePage(title=title, slug=slug, kind="notice", publish_date=timezone.localdate(), **fields)
    with on_commit(execute=True):
        column.add_child(instance=article)
        article.save_revision().publish()
    return article


@pytest.mark.django_db
def test_a_page_made_private_or_restricted_leaves_the_results(client, engine, fgw, django_capture_on_commit_callbacks):
    title = "关于开展驼道古迹普查的通知"
    article = publish_notice(fgw, title, "camel-road-survey", django_capture_on_commit_callbacks)
    column = article.get_parent()
    assert [h["title"] for h in api_hits(client, "驼道古迹")] == [title]
    # the column above it is given a password: the article goes private with it
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=column, restriction_type=PageViewRestriction.PASSWORD, password="internal"
        )
    assert api_hits(client, "驼道古迹") == []
    assert title not in page_html(client, "驼道古迹")
    # logged-in users only: still not for the public search
    with django_capture_on_commit_callbacks(execute=True):
        restriction.restriction_type = PageViewRestriction.LOGIN
        restriction.password = ""
        restriction.save()
    assert api_hits(client, "驼道古迹") == []
    # lifted: public again, found again
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert [h["title"] for h in api_hits(client, "驼道古迹")] == [title]
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).delete()


@pytest.mark.django_db
def test_hits_show_a_renamed_organisation_by_its_new_name(client, engine, fgw, django_capture_on_commit_callbacks):
    org = SiteProfile.objects.get(site=fgw).organisation
    old = org.name
    query = "政府定价目录"  # a document of the commission's catalogue
    assert {h["organisation"]["name"] for h in api_hits(client, query) if h["organisation"]["code"] == org.code} == {old}
    try:
        with django_capture_on_commit_callbacks(execute=True):
            org.name = "敕勒川市发展和改革局"
            org.save()
        names = {h["organisation"]["name"] for h in api_hits(client, query) if h["organisation"]["code"] == org.code}
        assert names == {"敕勒川市发展和改革局"}
        assert "敕勒川市发展和改革局" in page_html(client, query)
    finally:
        with django_capture_on_commit_callbacks(execute=True):
            org.name = old
            org.save()
    assert {h["organisation"]["name"] for h in api_hits(client, query) if h["organisation"]["code"] == org.code} == {old}


def docx_bytes(text: str) -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.mark.django_db
def test_a_replaced_attachment_is_found_by_its_new_text_only(client, engine, fgw, django_capture_on_commit_callbacks):
    title = "关于公布草场承包名录的通知"
    doc = ClusterDocument(title="承包名录")
    doc.file.save("roster.docx", ContentFile(docx_bytes("附件：驼铃古道沿线草场承包名录")), save=False)
    doc.save()
    column = ColumnPage.objects.child_of(fgw.root_page).get(slug="tzgg")
    article = ArticlePage(title=title, slug="grassland-roster", kind="notice", publish_date=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        column.add_child(instance=article)
        ArticleAttachment.objects.create(page=article, document=doc)
        article.save_revision().publish()
    assert [h["title"] for h in api_hits(client, "驼铃古道")] == [title]
    # the editor uploads a corrected file over the old one; the page is not republished
    with django_capture_on_commit_callbacks(execute=True):
        doc = ClusterDocument.objects.get(pk=doc.pk)
        doc.file.save("roster-v2.docx", ContentFile(docx_bytes("附件：雁门飞雪沿线草场承包名录")), save=False)
        doc.save()
    assert [h["title"] for h in api_hits(client, "雁门飞雪")] == [title]
    assert api_hits(client, "驼铃古道") == []
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).delete()


@pytest.mark.django_db
def test_a_moved_page_is_found_at_its_new_address(client, engine, fgw, jyj, django_capture_on_commit_callbacks):
    title = "关于开展敖包文化节志愿者招募的通知"
    article = publish_notice(fgw, title, "obo-volunteers", django_capture_on_commit_callbacks)
    [hit] = api_hits(client, "敖包文化节")
    assert hit["site"] == "fgw.localhost"
    target = ColumnPage.objects.child_of(jyj.root_page).get(slug="tzgg")
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).move(target, pos="last-child")
    [hit] = api_hits(client, "敖包文化节")
    assert hit["site"] == "jyj.localhost" and hit["url"] == ArticlePage.objects.get(pk=article.pk).full_url
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).delete()


@pytest.mark.django_db
def test_rebuild_swaps_a_new_index_in_while_searches_keep_answering(engine):
    from search.rebuild import rebuild

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
