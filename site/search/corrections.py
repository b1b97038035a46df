"""您是不是要找 and the test that a query names a lead hit, from the same readings
of the query (search.pinyin, search.synonyms, search.suggest)."""
from __future__ import annotations

from . import pinyin, suggest, synonyms
from .analysis import fast_normalize


def _norm(text: str) -> str:
    return "".join(fast_normalize(text or "").split())


def has_han(text: str) -> bool:
    return any(kind == "han" for kind, _ in pinyin.runs(text))


def title_span(title: str, readings: list[list[str]], letters: str = "") -> str:
    """The part of ``title`` that sounds like one of ``readings`` (folded
    pinyin counts, for near-homophones) or whose initials are ``letters``."""
    for kind, run in pinyin.runs(title):
        if kind != "han":
            continue
        sylls = list(pinyin.read_run(run))
        folded = [pinyin.fold(s) for s in sylls]
        for reading in readings:
            n = len(reading)
            want = [pinyin.fold(s) for s in reading]
            for i in range(len(sylls) - n + 1):
                if sylls[i : i + n] == reading or folded[i : i + n] == want:
                    return run[i : i + n]
        if letters and len(letters) >= 2:
            heads = "".join(s[:1] for s in sylls)
            at = heads.find(letters)
            if at >= 0:
                return run[at : at + len(letters)]
    return ""


def _letters(q: str) -> str:
    if has_han(q) or pinyin.query_readings(q):
        return ""
    return "".join(run for kind, run in pinyin.runs(q) if kind == "latin")


def did_you_mean(q: str, hits) -> str:
    """A better query for ``q`` (which found little), or ""."""
    readings = pinyin.query_readings(q)
    letters = _letters(q)
    typed = _norm(q)
    if readings or letters:
        for hit in hits[:5]:
            span = title_span(hit.title, readings, letters)
            if span and _norm(span) != typed:
                return span
    for reading in readings[:2]:
        for folded in (False, True):
            term = synonyms.everyday_by_sound(reading, folded=folded) or suggest.term_by_sound(reading, folded=folded)
            if term and _norm(term) != typed:
                return term
    return ""


def lead_targets(q: str, did_you_mean: str = "") -> list[tuple[str, ...]]:
    """What a lead hit's name must hold for the query to name it: the query,
    its official terms (each a tuple of words that must all be there), its
    correction; pinyin readings as ``("py:", ...)``."""
    targets: list[tuple[str, ...]] = []
    typed = _norm(q)
    if has_han(q) and len(typed) >= 2:
        targets.append((typed,))
    for _term, officials in synonyms.matches(q):
        targets += [tuple(_norm(w) for w in o.split()) for o in officials]
    readings = pinyin.query_readings(q)
    if readings and not has_han(q):
        for reading in readings:
            for official in synonyms.by_sound(reading):
                targets.append(tuple(_norm(w) for w in official.split()))
            if len(reading) >= 2:
                targets.append(("py:", "".join(reading)))
    if did_you_mean:
        targets.append((_norm(did_you_mean),))
    return [t for t in dict.fromkeys(targets) if all(t)]


def names(result, targets: list[tuple[str, ...]]) -> bool:
    """Whether a hit's name (title, keywords) holds one of ``targets``."""
    name = _norm(getattr(result, "title", "") or "") + _norm(getattr(result, "keywords", "") or "")
    sound = None
    for target in targets:
        if target[0] == "py:":
            sound = sound if sound is not None else pinyin.full_pinyin(name)
            if target[1] in sound:
                return True
        elif all(word in name for word in target):
            return True
    return False
