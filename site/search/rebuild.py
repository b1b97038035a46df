"""Full rebuild of the public search index from the database, without a gap.

The embedded engines (Whoosh, tantivy) build into a new directory beside the
live one and then swap the ``CURRENT`` pointer (storage.py); Typesense fills a
new collection and then moves the alias that searches go through
(``rebuild_beside``). Either way searches keep answering from the old index
until the new one is complete. Pages published while the rebuild ran are
indexed again after the swap. An engine with neither would be cleared and
refilled through haystack's own commands.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.utils import timezone

from .storage import new_build_dir, swap


@dataclass
class RebuildReport:
    documents: int
    seconds: float
    path: str = ""
    caught_up: int = 0


class Progress:
    """A plain text progress bar (no extra dependency)."""

    def __init__(self, total: int, stream: IO | None = None, label: str = "", width: int = 30):
        self.total = max(total, 1)
        self.stream = stream
        self.label = label
        self.width = width
        self.done = 0
        self.started = time.perf_counter()
        self._last = 0.0

    def update(self, n: int) -> None:
        self.done += n
        now = time.perf_counter()
        if self.stream is not None and (now - self._last > 0.2 or self.done >= self.total):
            self._last = now
            frac = min(self.done / self.total, 1.0)
            rate = self.done / max(now - self.started, 1e-6)
            bar = "#" * int(frac * self.width)
            self.stream.write(
                "\r%s[%-*s] %d/%d  %.0f docs/s" % (self.label, self.width, bar, self.done, self.total, rate)
            )
            self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()


def _swappable(backend) -> bool:
    return bool(getattr(backend, "use_pointer", False)) and hasattr(backend, "base_path")


def _batches(queryset, size: int):
    """Chunks by primary key, so memory stays flat on a large library."""
    last = None
    qs = queryset.order_by("pk")
    while True:
        chunk = list((qs.filter(pk__gt=last) if last is not None else qs)[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def rebuild(using: str = "default", *, batch_size: int = 500, stream: IO | None = sys.stderr) -> RebuildReport:
    """Rebuild the index of connection ``using`` from the database."""
    from haystack import connections

    from . import indexing

    started_at = timezone.now()
    start = time.perf_counter()
    backend = connections[using].get_backend()
    unified = connections[using].get_unified_index()
    indexes = list(unified.get_indexes().values())
    total = sum(index.index_queryset(using=using).count() for index in indexes)

    if hasattr(backend, "rebuild_beside"):  # Typesense: a new collection, then the alias
        progress = Progress(total, stream, label="rebuild_search ")
        chunks = (
            (index, chunk) for index in indexes for chunk in _batches(index.index_queryset(using=using), batch_size)
        )
        count, built = backend.rebuild_beside(chunks, progress)
        progress.close()
    elif _swappable(backend):
        built = str(new_build_dir(backend.base_path))
        count = _build_dir(backend, using, built, indexes, batch_size, Progress(total, stream, label="rebuild_search "))
        swap(backend.base_path, Path(built))
    else:
        indexing.rebuild(using)
        return RebuildReport(documents=total, seconds=time.perf_counter() - start)
    from .suggest import bump

    bump()

    # What was published while we were building went to the old index.
    caught_up = 0
    for index in indexes:
        model = index.get_model()
        if any(f.name == "last_published_at" for f in model._meta.get_fields()):
            recent = list(index.index_queryset(using=using).filter(last_published_at__gte=started_at))
            if recent:
                connections[using].get_backend().update(index, recent)
                caught_up += len(recent)
    return RebuildReport(documents=count, seconds=time.perf_counter() - start, path=built, caught_up=caught_up)


def _build_dir(backend, using: str, path: str, indexes, batch_size: int, progress: Progress) -> int:
    """Fill a new index folder of an embedded engine; returns the documents written."""
    from haystack import connections

    options = {**connections.connections_info[using], "PATH": path, "POINTER": False}
    builder = type(backend)(using, **options)
    count = 0
    if hasattr(builder, "add_to_writer"):  # tantivy: one writer, one commit
        with builder.writer(heap=256_000_000) as writer:
            for index in indexes:
                for chunk in _batches(index.index_queryset(using=using), batch_size):
                    count += builder.add_to_writer(writer, index, chunk)
                    progress.update(len(chunk))
    else:
        builder.setup()
        for index in indexes:
            for chunk in _batches(index.index_queryset(using=using), batch_size):
                builder.update(index, chunk)
                count += len(chunk)
                progress.update(len(chunk))
    progress.close()
    return count
