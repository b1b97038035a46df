"""What is Typesense's own: the setting, a collection that follows publishing,
pages of more than Typesense's 250 hits, negations, and the rebuild beside the
live collection that then takes the alias."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone
from haystack import connections
from haystack.query import SearchQuerySet

from cluster.models import ArticlePage, ColumnPage

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def titles(q):
    return [r.title for r in SearchQuerySet().auto_query(q)[:50]]


def test_typesense_is_refused_without_its_nodes(tmp_path):
    env = dict(os.environ, SEARCH_ENGINE="typesense", PYTHONPATH=str(ROOT / "site"), DATA_DIR=str(tmp_path),
               DJANGO_SETTINGS_MODULE="govsite.settings.dev", TYPESENSE_NODES="", TYPESENSE_API_KEY="")
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0
    assert "SEARCH_ENGINE='typesense' needs TYPESENSE_NODES" in result.stderr


def test_unpublish_and_delete_remove_a_page(engine, fgw, django_capture_on_commit_callbacks):
    column = ColumnPage.objects.child_of(fgw.root_page).get(slug="tzgg")
    title = "关于开展烽燧遗址巡查的通知"
    article = ArticlePage(title=title, slug="beacon-patrol", kind="notice", publish_date=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        column.add_child(instance=article)
        article.save_revision().publish()
    assert titles("烽燧遗址") == [title]
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert titles("烽燧遗址") == []
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert titles("烽燧遗址") == [title]
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).delete()
    assert titles("烽燧遗址") == []


def test_slices_across_typesense_pages_give_the_same_hits(engine, monkeypatch):
    from search import typesense_backend

    everything = [(r.model_name, r.pk) for r in SearchQuerySet().order_by("-date")[:1000]]
    assert len(everything) == SearchQuerySet().count() > 30
    monkeypatch.setattr(typesense_backend, "PAGE_MAX", 7)  # many Typesense pages per slice
    for start, end in ((0, 7), (3, 17), (14, 21), (20, 45)):
        assert [(r.model_name, r.pk) for r in SearchQuerySet().order_by("-date")[start:end]] == everything[start:end]
    assert [(r.model_name, r.pk) for r in SearchQuerySet().order_by("-date")] == everything  # unsliced: every page


def test_negations_and_alternatives(engine):
    sqs = SearchQuerySet().models(ArticlePage)
    total = sqs.count()
    with_word = sqs.filter(content="元旦").count()
    assert 0 < with_word < total
    assert sqs.exclude(content="元旦").count() == total - with_word
    www = sqs.narrow('site_exact:"www.localhost"').count()
    assert sqs.exclude(site="www.localhost").count() == total - www
    either = sqs.filter_or(content="元旦").filter_or(content="敕勒川").count()
    one, other = ({r.pk for r in sqs.filter(content=q)[:500]} for q in ("元旦", "敕勒川"))
    assert one and other - one and either == len(one | other)


def test_rebuild_fills_a_new_collection_then_moves_the_alias(engine):
    from search.rebuild import Progress

    backend = connections["default"].get_backend()
    unified = connections["default"].get_unified_index()
    before = backend.live_collection()
    expected = sorted(titles("元旦"))
    assert expected
    seen = []

    def batches():
        for index in unified.get_indexes().values():
            objects = list(index.index_queryset())
            for lo in range(0, len(objects), 20):
                seen.append(sorted(titles("元旦")))  # the live collection answers meanwhile
                yield index, objects[lo : lo + 20]

    count, new = backend.rebuild_beside(batches(), Progress(1, None))
    assert backend.live_collection() == new != before
    assert len(seen) > 3 and all(s == expected for s in seen)
    assert count == sum(index.index_queryset().count() for index in unified.get_indexes().values())
    assert sorted(titles("元旦")) == expected
    names = [c["name"] for c in backend.client.collections.retrieve()]
    assert before not in names and new in names
