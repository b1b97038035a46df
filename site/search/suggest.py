"""Suggestions as the citizen types, from memory.

Two sorted key lists per process, searched by prefix with ``bisect``:

* terms (small): licensing item names and the other names of lead types,
  everyday terms (shown as their official term: ``jiaz`` -> 机动车驾驶证),
  popular queries (search.querylog) and a vocabulary taken from titles
  (names in 《》, keywords, a title without 关于…的通知); keyed by their
  characters (every suffix, so 驾 finds 机动车驾驶证), full pinyin, folded
  pinyin and initials;
* titles (large: every searchable title), keyed by characters, pinyin and
  initials from their start.

Built on first use and rebuilt in a thread when the index or the synonyms
change (a version in the shared cache, checked every ``CHECK_SECONDS``);
a large library's titles are read in that thread while terms already answer.
"""
from __future__ import annotations

import bisect
import logging
import re
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache

from . import pinyin
from .analysis import fast_normalize

log = logging.getLogger("search")

VERSION_KEY = "search:suggest:version"
CHECK_SECONDS = 5.0
LIMIT = 8
SYNC_TITLES = 20000  # fewer titles than this are read at once, more in a thread
MAX_TITLE = 60
_SCAN_TERMS = 400
_SCAN_TITLES = 60

WEIGHTS = {"item": 50, "synonym": 30, "popular": 40, "term": 10, "title": 1}

_NAME_RE = re.compile(r"《([^《》]{2,30})》")
_WRAP_RE = re.compile(
    r"^(?:关于|印发|转发|公布|发布|开展|做好|进一步|加强)+|"
    r"(?:的)?(?:通知|公告|通告|意见|决定|批复|函|报告|公示|通报|办法|实施方案|方案|规定|细则)$"
)


@dataclass(frozen=True)
class Suggestion:
    text: str  # what the box shows and searches
    kind: str  # item, synonym, popular, term, title
    url: str = ""  # an item's guide, when known


@dataclass
class _Index:
    keys: list[tuple[str, int]] = field(default_factory=list)
    entries: list[tuple[Suggestion, int]] = field(default_factory=list)  # (suggestion, weight)

    def add(self, suggestion: Suggestion, weight: int, keys) -> None:
        n = len(self.entries)
        self.entries.append((suggestion, weight))
        for key in dict.fromkeys(k for k in keys if k):
            self.keys.append((key, n))

    def done(self) -> _Index:
        self.keys.sort()
        return self

    def prefixed(self, prefix: str, scan: int) -> list[tuple[int, str, int]]:
        """(weight, key, entry) of keys starting with ``prefix`` (at most ``scan`` looked at)."""
        out = []
        i = bisect.bisect_left(self.keys, (prefix, -1))
        keys = self.keys
        while i < len(keys) and len(out) < scan and keys[i][0].startswith(prefix):
            key, n = keys[i]
            out.append((self.entries[n][1], key, n))
            i += 1
        return out

    def exact(self, key: str) -> list[int]:
        return [n for _w, k, n in self.prefixed(key, _SCAN_TERMS) if k == key]


@dataclass
class _State:
    version: str = ""
    checked: float = 0.0
    terms: _Index = field(default_factory=_Index)
    titles: _Index = field(default_factory=_Index)
    building: bool = False
    built_at: float = 0.0
    build_seconds: float = 0.0


_state = _State()
_lock = threading.Lock()


def _norm(text: str) -> str:
    return "".join(fast_normalize(text or "").split())


def _keys(text: str, *, suffixes: bool) -> list[str]:
    chars = _norm(text)
    keys = [chars]
    if suffixes:
        keys += [chars[i:] for i in range(1, min(len(chars), 12))]
    sylls = [s for kind, run in pinyin.runs(text) if kind == "han" for s in pinyin.read_run(run) if s]
    if sylls:
        keys.append("".join(sylls))
        keys.append("".join(s[0] for s in sylls))
        if suffixes:
            keys.append("".join(pinyin.fold(s) for s in sylls))
            keys += ["".join(sylls[i:]) for i in range(1, min(len(sylls), 8))]
    return keys


def title_terms(title: str) -> list[str]:
    """Names worth suggesting inside a title: 《…》 names and the title without its wrapper."""
    terms = _NAME_RE.findall(title or "")
    core = _WRAP_RE.sub("", _NAME_RE.sub(lambda m: m.group(1), title or "")).strip()
    core = _WRAP_RE.sub("", core).strip()
    if 2 <= len(core) <= 20:
        terms.append(core)
    return [t for t in dict.fromkeys(terms) if 2 <= len(t) <= 30]


# --- building -----------------------------------------------------------------------
def _lead_models() -> set:
    from . import registry

    return {m for t in registry.types() if t.lead for m in t.models}


def _titles():
    """(title, keywords, url, is_lead) of every searchable object."""
    from haystack import connections

    from .indexes import ModelIndex

    leads = _lead_models()
    unified = connections["default"].get_unified_index()
    for model, index in unified.get_indexes().items():
        lead = model in leads
        if isinstance(index, ModelIndex):
            for obj in index.index_queryset().iterator(chunk_size=2000):
                if index.is_searchable(obj):
                    url = index.get_url(obj) if lead else ""
                    yield index.prepare_title(obj), str(getattr(obj, "keywords", "") or ""), url, lead
            continue
        fields = ["title"] + (["keywords"] if any(f.name == "keywords" for f in model._meta.get_fields()) else [])
        for row in index.index_queryset().values_list(*fields).iterator(chunk_size=5000):
            yield row[0], (row[1] if len(row) > 1 else "") or "", "", lead


def _build_terms(title_rows) -> _Index:
    from . import querylog

    idx = _Index()
    for title, keywords, url, lead in title_rows:
        if lead:
            idx.add(Suggestion(title, "item", url), WEIGHTS["item"], _keys(title, suffixes=True))
        for term in title_terms(title) + [k for k in re.split(r"[\s,，;；、]+", keywords) if 2 <= len(k) <= 20]:
            idx.add(Suggestion(term, "term"), WEIGHTS["term"], _keys(term, suffixes=False))
    from .models import Synonym

    for syn in Synonym.objects.filter(active=True).only("term", "official"):
        officials = syn.officials()
        if not officials:
            continue
        keys = _keys(syn.term, suffixes=False) + [k for o in officials for k in _keys(o, suffixes=False)]
        idx.add(Suggestion(officials[0].replace(" ", ""), "synonym"), WEIGHTS["synonym"], keys)
    for q, count in querylog.popular():
        idx.add(Suggestion(q, "popular"), WEIGHTS["popular"] + min(count, 10000) // 100, _keys(q, suffixes=False))
    return idx.done()


def _build_titles(title_rows) -> _Index:
    idx = _Index()
    seen = set()
    for title, _kw, _url, lead in title_rows:
        if lead or not title or title in seen:
            continue
        seen.add(title)
        idx.add(Suggestion(title[:MAX_TITLE], "title"), WEIGHTS["title"], _keys(title, suffixes=False))
    return idx.done()


def _rebuild(version: str, rows=None) -> None:
    started = time.monotonic()
    try:
        rows = list(_titles()) if rows is None else rows
        terms = _build_terms(rows)
        titles = _build_titles(rows)
    except Exception:
        log.exception("search suggestions: rebuild failed")
        with _lock:
            _state.building = False
        return
    with _lock:
        _state.terms, _state.titles, _state.version = terms, titles, version
        _state.building = False
        _state.built_at = time.monotonic()
        _state.build_seconds = _state.built_at - started


def bump() -> None:
    """The index or the synonyms changed: every process rebuilds its suggestions."""
    cache.set(VERSION_KEY, str(time.time_ns()), None)
    _state.checked = 0.0


def _current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, str(time.time_ns()), None)
        version = cache.get(VERSION_KEY) or ""
    return version


def _fresh(*, wait: bool = False) -> _State:
    now = time.monotonic()
    if _state.version and now - _state.checked < CHECK_SECONDS:
        return _state
    _state.checked = now
    version = _current_version()
    if version == _state.version:
        return _state
    # a large library is re-read at most every 20 build times (publishing is frequent)
    if not wait and _state.version and now - _state.built_at < 20 * _state.build_seconds:
        return _state
    with _lock:
        if _state.building:
            return _state
        _state.building = True
    first = not _state.version
    if wait or first or not getattr(settings, "SEARCH_SUGGEST_BACKGROUND", True):
        # the first build answers this request (a large library: its titles follow in a thread)
        _rebuild(version)
    else:
        threading.Thread(target=_rebuild, args=(version,), daemon=True, name="search-suggest").start()
    return _state


def warm(rows=None) -> None:
    """Build now (tests, and the bench before timing). ``rows`` of
    (title, keywords, url, is_lead) replace the database's titles (the bench)."""
    if rows is None:
        _state.checked = 0.0
        _state.version = ""
        _fresh(wait=True)
        return
    _rebuild(_current_version(), rows=list(rows))
    _state.checked = time.monotonic()


# --- looking up ---------------------------------------------------------------------
def suggest(q: str, limit: int = LIMIT) -> list[Suggestion]:
    """Up to ``limit`` suggestions for what has been typed so far."""
    state = _fresh()
    prefix = _norm(q)[:40]
    if not prefix:
        return []
    found: list[tuple[int, int, str, Suggestion]] = []
    for w, key, n in state.terms.prefixed(prefix, _SCAN_TERMS):
        s = state.terms.entries[n][0]
        found.append((-w, len(key), s.text, s))
    found.sort(key=lambda x: (x[0], x[1], x[2]))
    out: list[Suggestion] = []
    seen: set[str] = set()
    for *_rank, s in found:
        if s.text not in seen:
            seen.add(s.text)
            out.append(s)
        if len(out) >= limit:
            return out
    titles = sorted(state.titles.prefixed(prefix, _SCAN_TITLES), key=lambda x: (len(x[1]), x[1]))
    for _w, _key, n in titles:
        s = state.titles.entries[n][0]
        if s.text not in seen:
            seen.add(s.text)
            out.append(s)
        if len(out) >= limit:
            break
    return out


def term_by_sound(syllables: list[str], *, folded: bool = False) -> str:
    """A vocabulary term, item name or popular query that sounds like ``syllables``."""
    state = _fresh()
    if not syllables:
        return ""
    key = "".join(pinyin.fold(s) for s in syllables) if folded else "".join(syllables)
    best = None
    for n in state.terms.exact(key):
        s, w = state.terms.entries[n]
        if best is None or w > best[1]:
            best = (s, w)
    return best[0].text if best else ""
