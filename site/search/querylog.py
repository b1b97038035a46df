"""Popular queries, counted cheaply: no person, no address, no time of day.

A query that found something is counted in a per-process buffer; the buffer
is written (one ``F()`` update or insert per distinct query and day) at most
every ``FLUSH_SECONDS`` or ``FLUSH_SIZE`` queries, so a search costs no write.
A query that looks personal (a phone or ID number, an e-mail, a plate) is never
kept. Only queries counted at least ``SEARCH_SUGGEST_MIN_COUNT`` times over
``POPULAR_DAYS`` days are suggested.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .analysis import fast_normalize

log = logging.getLogger("search")

FLUSH_SECONDS = 30.0
FLUSH_SIZE = 200
MAX_CHARS = 40
POPULAR_DAYS = 30

_buffer: Counter = Counter()
_lock = threading.Lock()
_last_flush = time.monotonic()


def normalise(query: str) -> str:
    return " ".join(fast_normalize(query or "").split())[:MAX_CHARS]


def _personal(query: str) -> bool:
    from privacy.masking import mask_text

    digits = sum(c.isdigit() for c in query)
    return digits >= 5 or "@" in query or mask_text(query) != query


def record(query: str) -> None:
    """Count one search of ``query`` that found something."""
    global _last_flush
    q = normalise(query)
    if not q or len(q) < 2 or _personal(q):
        return
    with _lock:
        _buffer[(timezone.localdate(), q)] += 1
        due = len(_buffer) >= FLUSH_SIZE or time.monotonic() - _last_flush > FLUSH_SECONDS
    if due:
        flush()


def flush() -> int:
    """Write the buffer; returns how many queries were written."""
    global _last_flush
    from .models import QueryLog

    with _lock:
        items = list(_buffer.items())
        _buffer.clear()
        _last_flush = time.monotonic()
    for (day, q), n in items:
        try:
            with transaction.atomic():
                if not QueryLog.objects.filter(day=day, query=q).update(count=F("count") + n):
                    QueryLog.objects.create(day=day, query=q, count=n)
        except IntegrityError:  # another process inserted it meanwhile
            QueryLog.objects.filter(day=day, query=q).update(count=F("count") + n)
        except Exception:  # never let counting break a search
            log.warning("search: could not count the query %r", q, exc_info=True)
    return len(items)


def min_count() -> int:
    return int(getattr(settings, "SEARCH_SUGGEST_MIN_COUNT", 3))


def popular(limit: int = 2000) -> list[tuple[str, int]]:
    """Queries searched at least :func:`min_count` times lately, most searched first."""
    from .models import QueryLog

    since = timezone.localdate() - timedelta(days=POPULAR_DAYS)
    rows = (
        QueryLog.objects.filter(day__gte=since)
        .values("query")
        .annotate(total=Sum("count"))
        .filter(total__gte=min_count())
        .order_by("-total", "query")[:limit]
    )
    return [(r["query"], int(r["total"])) for r in rows]
