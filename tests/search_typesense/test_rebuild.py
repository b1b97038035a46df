"""``manage.py rebuild_search`` on Typesense: the new collection is filled beside
the live one while searches keep answering, then the alias moves to it and the
old collection goes; a collection with other fields is replaced the same way."""
import itertools
import threading
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from haystack import connections
from haystack.exceptions import SearchBackendError
from haystack.query import SearchQuerySet

from cluster.models import ArticlePage, ColumnPage
from search.rebuild import rebuild

from .conftest import TypesenseSwitch

pytestmark = pytest.mark.django_db
_names = itertools.count()


def titles(q):
    return [r.title for r in SearchQuerySet().auto_query(q)[:50]]


def collections(backend) -> set[str]:
    return {c["name"] for c in backend.client.collections.retrieve()}


def test_rebuild_search_moves_the_alias_while_searches_keep_answering(typesense_node, fgw):
    with TypesenseSwitch(typesense_node, "rebuild%d" % next(_names)):
        rebuild(stream=None)
        backend = connections["default"].get_backend()
        before = backend.live_collection()
        expected = sorted(titles("元旦"))
        assert before and expected

        # Published while nothing indexes it (the test never commits): only a rebuild finds it.
        column = ColumnPage.objects.child_of(fgw.root_page).get(slug="tzgg")
        title = "关于开展胡杨林保护巡查的通知"
        article = ArticlePage(title=title, slug="poplar-patrol", kind="notice", publish_date=timezone.localdate())
        column.add_child(instance=article)
        article.save_revision().publish()
        assert titles("胡杨林") == []

        seen, failures, stop = [], [], threading.Event()

        def reader():  # another thread: its own haystack connection and backend
            while not stop.is_set():
                try:
                    seen.append(sorted(titles("元旦")))
                except Exception as exc:  # reported below
                    failures.append(exc)

        thread = threading.Thread(target=reader)
        thread.start()
        out, err = StringIO(), StringIO()
        try:
            time.sleep(0.05)
            # small batches: many imports, so the reader runs during the build
            call_command("rebuild_search", "--batch-size", "10", stdout=out, stderr=err)
            time.sleep(0.3)
        finally:
            stop.set()
            thread.join()

        assert not failures
        assert len(seen) > 3 and all(s == expected for s in seen)
        after = backend.live_collection()
        assert after != before and out.getvalue().rstrip().endswith("→ %s" % after)
        assert before not in collections(backend) and after in collections(backend)
        assert titles("胡杨林") == [title]
        assert sorted(titles("元旦")) == expected
        # progress as for the other engines: a bar that reaches every document
        total = sum(index.index_queryset().count() for index in connections["default"].get_unified_index().get_indexes().values())
        assert "rebuild_search [" in err.getvalue() and "docs/s" in err.getvalue()
        assert "%d/%d" % (total, total) in err.getvalue()


def test_a_collection_with_other_fields_is_replaced_by_a_rebuild(typesense_node):
    alias = "stale%d" % next(_names)
    with TypesenseSwitch(typesense_node, alias):
        backend = connections["default"].get_backend()
        backend.client.collections.create({"name": alias + "_old", "fields": [{"name": "title", "type": "string"}]})
        backend.client.aliases.upsert(alias, {"collection_name": alias + "_old"})
        with pytest.raises(SearchBackendError, match="rebuild_search"):
            SearchQuerySet().count()

        report = rebuild(stream=None)
        connections.reload("default")  # as a web server's next process would
        assert SearchQuerySet().count() == report.documents > 30
        assert titles("元旦")
        backend = connections["default"].get_backend()
        assert backend.live_collection() == report.path
        assert alias + "_old" not in collections(backend)
