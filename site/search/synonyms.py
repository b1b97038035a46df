"""The synonym table as the search reads it: everyday term -> official terms.

Kept in each process and checked against a version in the shared cache (at
most every ``CHECK_SECONDS``), which a save or delete in the admin bumps: a
change shows in every process without a restart.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from django.core.cache import cache

from . import pinyin
from .analysis import fast_normalize

VERSION_KEY = "search:synonyms:version"
CHECK_SECONDS = 2.0
MAX_VARIANTS = 6
MAX_TERM = 12


@dataclass
class Table:
    version: str = ""
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # normalised everyday term -> officials
    by_sound: dict[str, tuple[str, ...]] = field(default_factory=dict)  # its pinyin (jiazhao) -> officials
    by_folded: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded pinyin (near-homophones)
    longest: int = 0
    checked: float = 0.0


_table = Table()
_lock = threading.Lock()


def _key(text: str) -> str:
    return "".join(fast_normalize(text).split())


def bump() -> None:
    """Tell every process the table changed (called on save and delete)."""
    global _table
    cache.set(VERSION_KEY, str(time.time_ns()), None)
    _table = Table()  # this process at once


def _load(version: str) -> Table:
    from .models import Synonym

    table = Table(version=version, checked=time.monotonic())
    for syn in Synonym.objects.filter(active=True).only("term", "official"):
        term = _key(syn.term)
        officials = tuple(o for o in syn.officials() if _key(o) != term)
        if not term or not officials:
            continue
        table.terms[term] = officials
        table.longest = max(table.longest, len(term))
        sylls = [s for s in pinyin.read_run(term) if s] if all("\u4e00" <= c <= "\u9fff" for c in term) else []
        if len(sylls) >= 2:
            sound = "".join(sylls)
            table.by_sound.setdefault(sound, officials)
            table.by_folded.setdefault("".join(pinyin.fold(s) for s in sylls), officials)
    table.longest = min(table.longest, MAX_TERM)
    return table


def table() -> Table:
    global _table
    now = time.monotonic()
    current = _table
    if current.version and now - current.checked < CHECK_SECONDS:
        return current
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY) or version
    if version == current.version:
        current.checked = now
        return current
    with _lock:
        try:
            _table = _load(version)
        except Exception:  # no table yet (migrations not run): search without synonyms
            _table = Table(version=version, checked=now)
    return _table


def matches(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The everyday terms in ``text`` (longest first, not overlapping) and their officials."""
    t = table()
    if not t.terms:
        return []
    norm = fast_normalize(text or "")
    found = []
    i, n = 0, len(norm)
    while i < n:
        for j in range(min(n, i + t.longest), i, -1):
            officials = t.terms.get(norm[i:j])
            if officials:
                found.append((norm[i:j], officials))
                i = j
                break
        else:
            i += 1
    return found


def variants(text: str) -> list[str]:
    """``text`` with its everyday terms replaced by their official terms (驾照年检 -> 机动车驾驶证年检)."""
    found = matches(text)
    if not found:
        return []
    out = [fast_normalize(text or "")]
    for term, officials in found:
        out = [v.replace(term, " %s " % o, 1) for v in out for o in officials][: MAX_VARIANTS]
    return [v for v in out if v]


def by_sound(syllables: list[str], *, folded: bool = False) -> tuple[str, ...]:
    """Official terms of the everyday term that sounds like ``syllables`` (jia zhao -> 机动车驾驶证)."""
    t = table()
    if folded:
        return t.by_folded.get("".join(pinyin.fold(s) for s in syllables), ())
    return t.by_sound.get("".join(syllables), ())


def everyday_by_sound(syllables: list[str], *, folded: bool = False) -> str:
    """The everyday term itself that sounds like ``syllables`` (for 您是不是要找)."""
    t = table()
    wanted = "".join(pinyin.fold(s) for s in syllables) if folded else "".join(syllables)
    for term in t.terms:
        sylls = [s for s in pinyin.read_run(term) if s]
        key = "".join(pinyin.fold(s) for s in sylls) if folded else "".join(sylls)
        if key == wanted:
            return term
    return ""
