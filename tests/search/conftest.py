"""Search fixtures: the same tests run on both embedded engines."""
from __future__ import annotations

import pytest
from django.test import override_settings
from haystack import connections

ENGINES = {
    "whoosh": "search.whoosh_backend.ChineseWhooshEngine",
    "tantivy": "search.tantivy_backend.TantivyEngine",
}


class EngineSwitch:
    """Points haystack's default connection at a fresh index of one engine."""

    def __init__(self, name: str, path):
        self.name = name
        self.conf = {"default": {"ENGINE": ENGINES[name], "PATH": str(path)}}
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


@pytest.fixture(scope="module", params=sorted(ENGINES))
def engine(request, tmp_path_factory, django_db_setup, django_db_blocker):
    """A rebuilt index of the demo on each engine in turn (module scope: built once)."""
    from search.rebuild import rebuild

    path = tmp_path_factory.mktemp(request.param)
    with EngineSwitch(request.param, path) as switch:
        with django_db_blocker.unblock():
            rebuild(stream=None)
        switch.path = path
        yield switch


# hit@10 per kind of query (test_quality.py), printed at the end of the run
QUALITY: dict[str, tuple[float, int, list[str]]] = {}


def pytest_terminal_summary(terminalreporter):
    if not QUALITY:
        return
    terminalreporter.section("search quality: hit@10 per kind of query")
    for kind, (rate, n, missed) in sorted(QUALITY.items()):
        line = f"{kind:22s} {rate * 100:5.1f} %  of {n:3d}"
        if missed:
            line += "  missed: " + ", ".join(missed[:8])
        terminalreporter.write_line(line)
