"""Three Typesense nodes on loopback ports (Raft): with the client configured
with all of them, the search keeps answering and accepting writes while one
node (the leader) is stopped, and the stopped node rejoins with what was
written meanwhile."""
import json
import time
import urllib.request

import pytest
import typesense
from haystack import connections
from haystack.query import SearchQuerySet

from cluster.models import ArticlePage

from .conftest import TypesenseSwitch
from .servers import TypesenseCluster

pytestmark = pytest.mark.django_db


def state(cluster, i) -> int | None:
    """Raft state of node i: 1 leader, 4 follower."""
    request = urllib.request.Request(cluster.nodes[i].url + "/debug", headers={"X-TYPESENSE-API-KEY": cluster.api_key})
    try:
        with urllib.request.urlopen(request, timeout=1) as answer:  # noqa: S310 (loopback)
            return json.loads(answer.read()).get("state")
    except OSError:
        return None


def until(check, timeout=40.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("not within %.0f s" % timeout)


def test_three_nodes_survive_the_loss_of_the_leader(tmp_path):
    with TypesenseCluster(tmp_path, size=3) as cluster, TypesenseSwitch(cluster, "three", TIMEOUT=5, SILENTLY_FAIL=False) as _:
        backend = connections["default"].get_backend()
        index = connections["default"].get_unified_index().get_index(ArticlePage)
        pages = list(index.index_queryset())
        backend.update(index, pages[1:])
        def count(q=None):  # a new query set each time (one caches its count)
            sqs = SearchQuerySet().models(ArticlePage)
            return (sqs.auto_query(q) if q else sqs).count()

        expected = until(lambda: count() == len(pages) - 1 and count())

        [leader] = until(lambda: [i for i in range(3) if state(cluster, i) == 1])
        cluster.stop(leader)
        for _ in range(30):  # every search answers, whichever node the client picks
            assert count() == expected
            assert count(pages[1].title) > 0
        until(lambda: sum(state(cluster, i) == 1 for i in range(3) if i != leader) == 1)  # a new leader
        backend.update(index, pages[:1])  # a write with one node of three down
        until(lambda: count() == expected + 1)

        cluster.start(leader)  # it rejoins and catches up
        cluster.wait_ready(nodes=[leader])
        alone = typesense.Client({"nodes": [cluster.nodes[leader].url], "api_key": cluster.api_key,
                                  "connection_timeout_seconds": 2})
        # Catching up replays the Raft log the node missed; on a loaded machine
        # (CI runs two test workers on two cores) that has taken over 40 s.
        until(lambda: alone.collections["three"].retrieve()["num_documents"] == expected + 1, timeout=180)
