"""Screening text against the sensitive-word list.

``screen(*texts)`` returns the words hit, as the editors entered them. Both
the words and the text are normalised the same way before matching:
full-width → half-width and case folded (NFKC), traditional → simplified
(OpenCC t2s, character by character so a word and a text convert alike), and
everything that is not a letter, digit or mark dropped, so 「赌 博」,「賭-博」
and 「ＷＥＩ信」 are caught. Matching is by substring: a false hit only costs
a reviewer a look, a miss would publish the text.

The contract with callers: a hit sends the text to manual review; it never
rejects or drops it. ``screen`` knows nothing of forms or workflows, so any
step (a comment form, the review workflow before 初审) can call it."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from multilingual.mongolian import normalize as mongolian_normalize

CACHE_KEY = "moderation:words:v1"
CACHE_SECONDS = 24 * 3600


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    """One character folded: '' for separators, punctuation, symbols, controls."""
    out = unicodedata.normalize("NFKC", ch).casefold()
    kept = []
    for c in out:
        cat = unicodedata.category(c)
        if cat[0] in "LN" or cat in ("Mn", "Mc"):
            kept.append(c)
    if not kept:
        return ""
    return _converter().convert("".join(kept))


def normalise(text: str) -> str:
    """The form words and texts are compared in (see the module's docstring)."""
    if not text:
        return ""
    # drop Mongolian FVS/MVS/ZWJ first: they change a letter's shape, not the word
    text = mongolian_normalize(text)
    return "".join(_fold_char(ch) for ch in text)


def _active_words() -> list[tuple[str, str]]:
    """(normalised, word) of every active word, cached until the list changes."""
    words = cache.get(CACHE_KEY)
    if words is None:
        from .models import SensitiveWord

        words = []
        for word in SensitiveWord.objects.filter(active=True).values_list("word", flat=True):
            key = normalise(word)
            if key:
                words.append((key, word))
        # longest first: the report names 「网络赌博」 before 「赌博」
        words.sort(key=lambda item: (-len(item[0]), item[0]))
        cache.set(CACHE_KEY, words, CACHE_SECONDS)
    return words


def invalidate() -> None:
    """Forget the cached list (after any change; signals call it on save and delete)."""
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
    cache.delete(CACHE_KEY)


def screen(*texts: str) -> list[str]:
    """The sensitive words found in any of ``texts`` (each word once, as entered)."""
    haystack = "\n".join(normalise(t) for t in texts if t)
    if not haystack:
        return []
    return [word for key, word in _active_words() if key in haystack]


@dataclass(frozen=True)
class ImportResult:
    added: list[str]
    existing: list[str]  # already on the list (by the same normalised form)
    ignored: int  # blank lines or lines of punctuation only


def import_words(lines: Iterable[str], *, category: str, note: str = "") -> ImportResult:
    """Bulk import, one word per line; words already on the list (even written
    differently, e.g. in traditional characters) are left as they are."""
    from .models import SensitiveWord

    known = {normalise(w) for w in SensitiveWord.objects.values_list("word", flat=True)}
    added: list[str] = []
    existing: list[str] = []
    ignored = 0
    for line in lines:
        word = line.strip()[:100]
        key = normalise(word)
        if not key:
            ignored += int(bool(line.strip()))
            continue
        if key in known:
            existing.append(word)
            continue
        known.add(key)
        added.append(word)
    with transaction.atomic():
        SensitiveWord.objects.bulk_create(
            [SensitiveWord(word=w, category=category, note=note) for w in added], ignore_conflicts=True
        )
    invalidate()
    return ImportResult(added, existing, ignored)
