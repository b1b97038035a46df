"""A registered model that is not a page (search.indexes.ModelIndex) is indexed
on commit, leaves the index when it stops being public or is deleted, and is
found by the search page and the API like a page."""
import datetime as dt

import pytest
from haystack.query import SearchQuerySet

from tests.casekernel_app.models import PublicNote

from .conftest import EngineSwitch


@pytest.fixture(params=["whoosh", "tantivy"])
def empty_engine(request, tmp_path):
    with EngineSwitch(request.param, tmp_path / request.param) as switch:
        yield switch


def titles(q):
    return [r.title for r in SearchQuerySet().auto_query(q)[:50]]


@pytest.mark.django_db
def test_a_note_follows_its_public_state(client, empty_engine, django_capture_on_commit_callbacks):
    title = "关于烽燧遗址志愿讲解员招募的公告"
    with django_capture_on_commit_callbacks(execute=True):
        note = PublicNote.objects.create(title=title, body="<p>招募志愿讲解员二十名。</p>", published=False)
    assert title not in titles("烽燧遗址")  # a draft is never indexed
    with django_capture_on_commit_callbacks(execute=True):
        note.published, note.published_on = True, dt.date(2026, 5, 1)
        note.save()
    assert titles("烽燧遗址") == [title]
    assert titles("讲解员") == [title]  # the body is searched too
    hit = client.get("/api/v1/search/", {"q": "烽燧遗址"}, HTTP_HOST="www.localhost").json()["results"][0]
    assert hit["title"] == title
    assert hit["url"].endswith(f"/notes/{note.pk}/") and hit["url"].startswith("http")
    assert hit["publish_date"] == "2026-05-01"
    page = client.get("/search/", {"q": "烽燧遗址"}, HTTP_HOST="www.localhost").content.decode()
    assert title in page and "测试公告" in page  # its registered label
    with django_capture_on_commit_callbacks(execute=True):
        note.published = False
        note.save()
    assert titles("烽燧遗址") == []
    with django_capture_on_commit_callbacks(execute=True):
        note.published = True
        note.save()
    assert titles("烽燧遗址") == [title]
    with django_capture_on_commit_callbacks(execute=True):
        note.delete()
    assert titles("烽燧遗址") == []


@pytest.mark.django_db
def test_a_rebuild_skips_what_is_not_public(empty_engine):
    from search.rebuild import rebuild

    PublicNote.objects.create(title="驼道古迹保护公告", published=True)
    PublicNote.objects.create(title="驼道古迹保护草稿", published=False)
    rebuild(stream=None)
    assert titles("驼道古迹") == ["驼道古迹保护公告"]
