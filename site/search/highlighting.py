"""The Chinese highlighter every backend uses: it finds matches with the same
analysis as indexing, so traditional/simplified and Mongolian variants light up."""
from __future__ import annotations

import html
from collections.abc import Iterable

from .analysis import _TOKEN_RE, fast_normalize, normalize_text

LONG = 600  # longer texts are first searched cheaply for where the match is
CHUNK = 2000


def highlight(text: str, terms: Iterable[str], *, width: int = 160, tag: str = "em") -> str:
    """HTML snippet of ``text`` around the densest run of matched tokens,
    escaped, with ``<em>`` around matches. Empty string if nothing matches."""
    if not text or not terms:
        return ""
    terms = set(terms)
    if len(text) > LONG:
        # Place a window around the first match found cheaply, then analyse
        # with offsets (slow) only that window. Most texts are already
        # simplified, so a plain find in the raw text usually places it at
        # once; if that spot is no real token (one character inside a longer
        # run), look chunk by chunk in the normalised text (the title comes
        # first, so usually in the first chunk).
        raw = [i for i in (text.find(t) for t in terms) if i >= 0]
        if raw:
            snippet = _window(text, min(raw), terms, width, tag)
            if snippet:
                return snippet
        for lo in range(0, len(text), CHUNK):
            chunk = text[lo : lo + CHUNK + 8]
            norm = fast_normalize(chunk)
            hits = [i for i in (norm.find(t) for t in terms) if i >= 0]
            if hits:
                return _window(text, lo + (min(hits) if len(norm) == len(chunk) else 0), terms, width, tag)
        return ""
    spans = _matched_spans(text, terms)
    if not spans:
        return ""
    # window with the most matched spans
    best, best_i, j = 0, 0, 0
    for i, (s, _) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= s + width:
            j += 1
        if j - i > best:
            best, best_i = j - i, i
    start = max(0, spans[best_i][0] - width // 5)
    end = min(len(text), start + width)
    out = ["…" if start > 0 else ""]
    cur = start
    for s, e in spans[best_i:]:
        if s >= end:
            break
        e = min(e, end)
        out.append(html.escape(text[cur:s]))
        out.append("<%s>%s</%s>" % (tag, html.escape(text[s:e]), tag))
        cur = e
    out.append(html.escape(text[cur:end]))
    if end < len(text):
        out.append("…")
    return "".join(out)


def _window(text: str, first: int, terms: set[str], width: int, tag: str) -> str:
    lo = max(0, first - width // 2)
    hi = min(len(text), lo + 3 * width)
    snippet = highlight(text[lo:hi], terms, width=width, tag=tag)
    if not snippet:
        return ""
    if lo > 0 and not snippet.startswith("…"):
        snippet = "…" + snippet
    if hi < len(text) and not snippet.endswith("…"):
        snippet += "…"
    return snippet


def _matched_spans(text: str, terms: set[str]) -> list[list[int]]:
    """Merged [start, end) spans of ``text`` whose tokens are in ``terms``: the
    tokens :func:`analyze_with_positions` would give, found run by run with
    ``str.find`` instead of materialising every overlapping bigram."""
    norm, origin = normalize_text(text)
    pairs = [t for t in terms if len(t) == 2]
    found: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(norm):
        s, e = m.span()
        run = m.group()
        if m.lastgroup == "han" and len(run) > 1:
            for term in pairs:  # every two characters of a run are a token
                i = run.find(term)
                while i >= 0:
                    found.append((origin[s + i], origin[s + i + 1] + 1))
                    i = run.find(term, i + 1)
        elif run in terms:
            found.append((origin[s], origin[e - 1] + 1))
    found.sort()
    spans: list[list[int]] = []
    for start, end in found:
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return spans
