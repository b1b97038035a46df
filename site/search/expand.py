"""What a citizen's query searches: the query as typed, plus its readings.

Every engine turns a text query into :func:`clauses` and ORs them, each clause
being a phrase-or-all-tokens query over one field (or, for ``field=""``, over
the content fields title > 发文字号 > text with their boosts, as before):

* the query's own tokens (search.analysis), as before;
* everyday terms replaced by their official terms (search.synonyms), ranked
  like the query itself;
* Latin runs read as pinyin (full, spaced, or mixed with characters) against
  the ``pinyin`` field, an everyday term typed in pinyin (jiazhao) by its
  official terms, and a run that is no pinyin as initials (``xzxk``);
* a lone character against the characters of titles (税 finds 税收, 纳税);
* with :data:`FUZZY` in front of the text (the service adds it when a query
  found little): the sound of the characters against ``pinyin`` (homophones:
  消访验收 -> xiao fang yan shou) and ``pinyin_fuzzy`` (near-homophones).

Clauses are engine-neutral (field names and token lists), so each backend
only maps them to its own query objects.
"""
from __future__ import annotations

import functools
from typing import NamedTuple

from . import pinyin, synonyms
from .analysis import MAX_QUERY_CHARS, query_tokens

FUZZY = "\x01"  # a control character: clean user text never starts with it

PINYIN_BOOST = 6.0  # the title's pinyin: below the title's characters (8), above the body (1)
INITIALS_BOOST = 3.0
CHARS_BOOST = 4.0
HOMOPHONE_BOOST = 2.0
FOLDED_BOOST = 1.0
MAX_CLAUSES = 16

CONTENT = ""  # the content fields of common.CONTENT_FIELDS
PINYIN_FIELDS = ("title_chars", "pinyin", "pinyin_fuzzy", "initials")


class Clause(NamedTuple):
    field: str
    tokens: tuple[str, ...]
    boost: float = 1.0


def fuzzy(text: str) -> str:
    """``text`` marked to be searched by its sound too."""
    return FUZZY + (text or "")


def is_fuzzy(text: str) -> bool:
    return bool(text) and text.startswith(FUZZY)


def plain(text: str) -> str:
    return (text or "").lstrip(FUZZY)


def clauses(text: str) -> list[Clause]:
    return list(_clauses(str(text or ""), synonyms.table().version))


@functools.lru_cache(maxsize=2048)
def _clauses(text: str, _version: str) -> tuple[Clause, ...]:
    sound = is_fuzzy(text)
    text = plain(text)[:MAX_QUERY_CHARS]
    out: list[Clause] = []

    def add(field: str, tokens, boost: float = 1.0) -> None:
        tokens = tuple(tokens)
        if tokens and Clause(field, tokens, boost) not in out:
            out.append(Clause(field, tokens, boost))

    base = query_tokens(text)
    add(CONTENT, base)
    for variant in synonyms.variants(text):  # 驾照 -> 机动车驾驶证
        add(CONTENT, query_tokens(variant))
    has_han = any(k == "han" for k, _ in pinyin.runs(text))
    if pinyin.has_latin(text):
        readings = pinyin.query_readings(text)
        for sylls in readings:
            add("pinyin", pinyin.query_pinyin_tokens(sylls), PINYIN_BOOST)
            for official in synonyms.by_sound(sylls):  # jiazhao -> 驾照 -> 机动车驾驶证
                add(CONTENT, query_tokens(official))
        if not readings and not has_han:
            letters = "".join(r for k, r in pinyin.runs(text) if k == "latin")
            if sum(c in "aeiouv" for c in letters) <= 1:  # xzxk, sbk; not an English word
                add("initials", pinyin.query_initials_tokens(text), INITIALS_BOOST)
    lone = [t for t in base if len(t) == 1 and "\u3400" <= t <= "\U0003ffff"]
    if lone:
        add("title_chars", lone, CHARS_BOOST)
    if sound and has_han:
        for sylls in pinyin.query_readings(text)[:2]:
            add("pinyin", pinyin.query_pinyin_tokens(sylls), HOMOPHONE_BOOST)
            add("pinyin_fuzzy", pinyin.query_pinyin_tokens(sylls, folded=True), FOLDED_BOOST)
            for official in synonyms.by_sound(sylls) or synonyms.by_sound(sylls, folded=True):
                add(CONTENT, query_tokens(official), HOMOPHONE_BOOST)  # 架照 -> 驾照 -> 机动车驾驶证
    return tuple(out[:MAX_CLAUSES])


def highlight_terms(text: str) -> set[str]:
    """Tokens worth marking in a snippet: the query's and its official terms'."""
    terms: set[str] = set()
    for clause in clauses(text):
        if clause.field == CONTENT:
            terms.update(clause.tokens)
    return terms
