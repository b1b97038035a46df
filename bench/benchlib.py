"""What the benchmarks share: a free port, percentiles, the ``--databases`` names."""
from __future__ import annotations

import socket
import statistics

# the names ``--databases`` takes for each database a bench can build
DATABASES = {"postgresql": "postgresql", "postgres": "postgresql", "pg": "postgresql",
             "sqlite": "sqlite", "sqlite3": "sqlite"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile ``q`` (0–100); ``nan`` with no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def percentiles(samples: list[float]) -> dict:
    """p50 (the median), p95 and how many samples."""
    samples = sorted(samples)
    if not samples:
        return {"p50": float("nan"), "p95": float("nan"), "n": 0}
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return {"p50": statistics.median(samples), "p95": p95, "n": len(samples)}


def database_names(text: str) -> list[str]:
    """``--databases`` as the bench's own names: "postgres" is PostgreSQL too (it once ran
    as SQLite and printed a table without its column); an unknown name stops the bench."""
    names = []
    for word in (w.strip().lower() for w in text.split(",")):
        if not word:
            continue
        if word not in DATABASES:
            raise SystemExit(f"unknown database {word!r}: use postgresql and/or sqlite")
        if DATABASES[word] not in names:
            names.append(DATABASES[word])
    return names
