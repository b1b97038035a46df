"""The Chinese highlighter every backend uses: it finds matches with the same
analysis as indexing, so traditional/simplified and Mongolian variants light up."""
from __future__ import annotations

import html
from collections.abc import Iterable

from .analysis import analyze_with_positions, fast_normalize

LONG = 600  # longer texts are first searched cheaply for where the match is
CHUNK = 2000


def highlight(text: str, terms: Iterable[str], *, width: int = 160, tag: str = "em") -> str:
    """HTML snippet of ``text`` around the densest run of matched tokens,
    escaped, with ``<em>`` around matches. Empty string if nothing matches."""
    if not text or not terms:
        return ""
    terms = set(terms)
    if len(text) > LONG:
        # Find the first match cheaply, chunk by chunk in the normalised text
        # (the title comes first, so usually in the first chunk), then analyse
        # with offsets (slow) only a window around it.
        first = -1
        for lo in range(0, len(text), CHUNK):
            chunk = text[lo : lo + CHUNK + 8]
            norm = fast_normalize(chunk)
            hits = [i for i in (norm.find(t) for t in terms) if i >= 0]
            if hits:
                first = lo + (min(hits) if len(norm) == len(chunk) else 0)
                break
        if first < 0:
            return ""
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
    spans: list[list[int]] = []
    for tok in analyze_with_positions(text):
        if tok.text in terms:
            if spans and tok.start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], tok.end)
            else:
                spans.append([tok.start, tok.end])
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
