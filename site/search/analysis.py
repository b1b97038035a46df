"""The one text analysis of public search: indexing, querying, highlighting and
every backend use it, so the two sides always meet.

Steps, per character so that every token keeps offsets into the ORIGINAL text:

1. clean-up: NFKC (full-width Latin/digits become ASCII, compatibility
   ideographs become the unified ones), the project's Mongolian ``normalize``
   (FVS/MVS/ZWJ/ZWNJ dropped, NNBSP becomes a space), lower case;
2. traditional -> simplified Chinese (OpenCC ``t2s``; one cached converter,
   plus a per-character cache for the rare case where phrase conversion
   changes the length);
3. tokens: overlapping two-character chunks over runs of Han characters (a
   lone Han character is kept as itself), Latin/digit (and other alphabetic)
   words whole, Mongolian words whole.

``analyze(text)`` gives the token texts; ``analyze_with_positions(text)`` gives
``Token(text, pos, start, end)`` with ``start``/``end`` into the original
string; ``query_tokens(query)`` is ``analyze`` bounded for user input;
``ChineseTokenizer``/``chinese_analyzer()`` wrap it for Whoosh.
"""
from __future__ import annotations

import contextlib
import functools
import operator
import re
import unicodedata
from typing import Iterator, NamedTuple

from multilingual.mongolian import normalize as mongolian_normalize

__all__ = [
    "Token",
    "analyze",
    "analyze_with_positions",
    "analyzed_text",
    "query_tokens",
    "normalize_text",
    "ChineseTokenizer",
    "chinese_analyzer",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TOKENS",
]

MAX_QUERY_CHARS = 256
MAX_QUERY_TOKENS = 48

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_MONG_LETTERS = "\u1810-\u1819\u1820-\u1878\u1880-\u18aa"
_TOKEN_RE = re.compile(
    rf"(?P<han>[{_HAN}]+)"
    rf"|(?P<mong>[{_MONG_LETTERS}]+)"
    rf"|(?P<word>[^\W_{_HAN}\u1800-\u18af]+)"
)
_WS = {"\u202f", "\u00a0", "\u3000"}


class Token(NamedTuple):
    text: str
    pos: int
    start: int  # offset into the original text
    end: int


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=65536)
def _t2s_char(ch: str) -> str:
    return _converter().convert(ch)


@functools.lru_cache(maxsize=65536)
def _clean_cluster(cluster: str) -> str:
    """One character (with its combining marks) after clean-up, before t2s."""
    if cluster.isspace() or cluster in _WS:
        return " "
    if any(unicodedata.category(ch) in ("Cs", "Cc", "Co", "Cn") for ch in cluster):
        return " "  # lone surrogates, controls, private use, unassigned
    out = mongolian_normalize(cluster)  # NFC, drops FVS/MVS/ZWJ/ZWNJ
    if out:
        out = unicodedata.normalize("NFKC", out).lower()
    if out.isspace():
        return " "
    return out


def normalize_text(text: str) -> tuple[str, list[int]]:
    """Cleaned, simplified text and, for each of its characters, the index of
    the original character it came from (plus a final sentinel)."""
    if not text:
        return "", [0]
    aligned = _aligned_fast_normalize(text)
    if aligned is not None:
        return aligned, list(range(len(text) + 1))
    out: list[str] = []
    origin: list[int] = []
    n = len(text)
    i = 0
    combining = unicodedata.combining
    while i < n:
        j = i + 1
        while j < n and combining(text[j]):
            j += 1
        c = text[i] if j == i + 1 else text[i:j]
        if c.isascii():
            piece = c.lower() if c.isalnum() else (" " if c.isspace() else c)
        else:
            piece = _clean_cluster(c)
        for ch in piece:
            out.append(ch)
            origin.append(i)
        i = j
    origin.append(n)
    cleaned = "".join(out)
    if cleaned.isascii():
        return cleaned, origin
    try:
        simplified = _converter().convert(cleaned)
    except Exception:
        simplified = ""
    if len(simplified) != len(cleaned):
        simplified = "".join(_t2s_char(ch) if len(_t2s_char(ch)) == 1 else ch for ch in cleaned)
    return simplified, origin


def analyze_with_positions(text: str, start_pos: int = 0) -> Iterator[Token]:
    """Tokens with positions and offsets into the original ``text``."""
    if not text:
        return
    if not isinstance(text, str):
        text = str(text)
    norm, origin = normalize_text(text)
    pos = start_pos
    for m in _TOKEN_RE.finditer(norm):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "han" and e - s > 1:
            run = m.group()
            for k in range(len(run) - 1):
                yield Token(run[k : k + 2], pos, origin[s + k], origin[s + k + 1] + 1)
                pos += 1
        else:
            yield Token(m.group(), pos, origin[s], origin[e - 1] + 1)
            pos += 1


_DROP = {ord(c): None for c in "\u180b\u180c\u180d\u180e\u180f\u200c\u200d"}  # FVS1-4, MVS, ZWNJ, ZWJ
_DROP_RE = re.compile("[\u180b-\u180f\u200c\u200d]")
_UNSEEN_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\u00a0\u3000]")


# Where Chinese, Mongolian and English government text meets compatibility
# characters (a regex over every such character in Unicode is too slow to scan
# long documents with): superscripts, letterlike symbols and number forms,
# enclosed alphanumerics, radicals, enclosed CJK and squared units, ligatures,
# full-width forms, CJK compatibility ideographs.
_COMPAT_BLOCKS = (
    (0xB2, 0xBE), (0x2070, 0x218F), (0x2460, 0x24FF), (0x2E80, 0x2FDF), (0x3200, 0x33FF),
    (0xF900, 0xFAFF), (0xFB00, 0xFB06), (0xFF10, 0xFF5A), (0x2F800, 0x2FA1F),
)


def _compat_class() -> str:
    """A regex class of the characters of those blocks that NFKC maps to
    something containing a letter or digit, e.g. ＡＢ１２, ①, ㎡, ⼀, 﨑."""
    ranges: list[list[int]] = []
    for cp in (cp for lo, hi in _COMPAT_BLOCKS for cp in range(lo, hi + 1)):
        ch = chr(cp)
        mapped = unicodedata.normalize("NFKC", ch)
        if mapped != ch and any(c.isalnum() for c in mapped):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_COMPAT_RE = re.compile(f"[{_compat_class()}]+")


def _nfkc_match(m: re.Match) -> str:
    return unicodedata.normalize("NFKC", m.group())


# One table over all of Unicode (1.1 MB) so that long texts are classified
# with numpy instead of per-character regex scans: the low two bits give the
# token class of a character after clean-up (0 separator, 1 Han, 2 Mongolian
# letter, 3 other word character), the high bits what clean-up must do to it.
_SEP, _HAN_CLASS, _MONG_CLASS, _WORD_CLASS = 0, 1, 2, 3
_F_UNSEEN, _F_DROP, _F_COMPAT = 4, 8, 16
_NUMPY_MIN_CHARS = 200  # below this the regex path is quicker


@functools.lru_cache(maxsize=1)
def _char_table():
    import numpy as np

    every = "".join(map(chr, range(0x110000)))
    table = np.zeros(0x110000, dtype=np.uint8)

    def mark(pattern: str, value: int, *, exclusive: bool) -> None:
        for m in re.finditer(pattern, every):
            if exclusive:
                table[m.start() : m.end()] = (table[m.start() : m.end()] & 0xFC) | value
            else:
                table[m.start() : m.end()] |= value

    # the classes of _TOKEN_RE, in its order of precedence
    mark(r"[^\W_\u1800-\u18af]+", _WORD_CLASS, exclusive=True)
    mark(f"[{_MONG_LETTERS}]+", _MONG_CLASS, exclusive=True)
    mark(f"[{_HAN}]+", _HAN_CLASS, exclusive=True)
    mark(_UNSEEN_RE.pattern + "+", _F_UNSEEN, exclusive=False)
    mark(_DROP_RE.pattern + "+", _F_DROP, exclusive=False)
    mark(_COMPAT_RE.pattern, _F_COMPAT, exclusive=False)
    return table


def _codepoints(text: str):
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def _cleaned(text: str) -> str:
    """Steps 1 without t2s and lower case: unseen characters to spaces, joiners
    dropped, NFC, compatibility characters with letters or digits to NFKC."""
    if len(text) >= _NUMPY_MIN_CHARS:
        import numpy as np

        codes = _codepoints(text)
        flags = _char_table()[codes]
        seen = int(np.bitwise_or.reduce(flags)) if flags.size else 0
        if seen & _F_UNSEEN:
            codes = codes.copy()
            codes[(flags & _F_UNSEEN) != 0] = 32
            text = codes.tobytes().decode("utf-32-le")
        if seen & _F_DROP:
            text = text.translate(_DROP)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
            seen |= _F_COMPAT  # composition may make a compatibility character
        if seen & _F_COMPAT:
            text = _COMPAT_RE.sub(_nfkc_match, text)
        return text
    text = _UNSEEN_RE.sub(" ", text)
    if _DROP_RE.search(text):
        text = text.translate(_DROP)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # NFKC of the whole text is the slowest step, and Chinese text is full of
    # full-width punctuation that it changes to no effect on tokens; only the
    # characters whose compatibility form has letters or digits are mapped.
    if _COMPAT_RE.search(text):
        text = _COMPAT_RE.sub(_nfkc_match, text)
    return text


def fast_normalize(text: str) -> str:
    """The clean-up and t2s of :func:`normalize_text` on the whole string at
    once, without the offset map: what indexing and querying need."""
    text = _cleaned(text).lower()
    if not text.isascii():
        with contextlib.suppress(Exception):  # keep the text as typed if OpenCC cannot convert it
            text = _converter().convert(text)
    return text


def _aligned_fast_normalize(text: str) -> str | None:
    """:func:`fast_normalize` when it provably keeps every character in place
    (nothing dropped, composed or expanded): then offsets need no per-character
    map. Most Chinese text qualifies; highlighting relies on this being quick."""
    if _DROP_RE.search(text) or _COMPAT_RE.search(text) or not unicodedata.is_normalized("NFC", text):
        return None
    fast = fast_normalize(text)
    return fast if len(fast) == len(text) else None


def analyze(text: str) -> list[str]:
    """The token texts of ``text`` (see module docstring); the fast path of
    :func:`analyze_with_positions` (same tokens, no offsets)."""
    if not text:
        return []
    if not isinstance(text, str):
        text = str(text)
    if len(text) >= _NUMPY_MIN_CHARS:
        joined = analyzed_text(text)
        return joined.split(" ") if joined else []
    tokens: list[str] = []
    for m in _TOKEN_RE.finditer(fast_normalize(text)):
        run = m.group()
        if m.lastgroup == "han" and len(run) > 1:
            tokens.extend(map(operator.add, run, run[1:]))
        else:
            tokens.append(run)
    return tokens


def analyzed_text(text: str) -> str:
    """``" ".join(analyze(text))``, built without a Python object per token:
    what the tantivy backend indexes (its tokenizer splits on spaces). Long
    texts are classified with numpy through one table, and the output is laid
    out as up to three code points per input character (a Han pair and its
    space, or a character and the space ending its word), then compacted."""
    if not text:
        return ""
    if not isinstance(text, str):
        text = str(text)
    if len(text) < _NUMPY_MIN_CHARS:
        return " ".join(analyze(text))
    import numpy as np

    codes = _codepoints(fast_normalize(text))
    n = codes.size
    if not n:
        return ""
    cls = _char_table()[codes] & 3
    nxt = np.zeros(n, dtype=np.uint8)
    nxt[:-1] = cls[1:]
    prv = np.zeros(n, dtype=np.uint8)
    prv[1:] = cls[:-1]
    han = cls == _HAN_CLASS
    pair = han & (nxt == _HAN_CLASS)  # start of a two-character chunk
    lone = han & (prv != _HAN_CLASS) & (nxt != _HAN_CLASS)
    whole = cls >= _MONG_CLASS  # Mongolian and other words are kept whole
    word_end = whole & (nxt != cls)
    following = np.zeros(n, dtype=np.uint32)
    following[:-1] = codes[1:]
    slots = np.zeros((n, 3), dtype=np.uint32)
    slots[:, 0] = np.where(pair | lone | whole, codes, 0)
    slots[:, 1] = np.where(pair, following, np.where(lone | word_end, 32, 0))
    slots[:, 2] = np.where(pair, 32, 0)
    out = slots.ravel()
    out = out[out != 0]
    return out.tobytes().decode("utf-32-le").rstrip(" ")


def query_tokens(query: str) -> list[str]:
    """Tokens of a user's query, bounded (long pastes are cut, not refused).

    Any search syntax in the query is just punctuation here: it never reaches a
    query parser."""
    if not query or not isinstance(query, str):
        return []
    return analyze(query[:MAX_QUERY_CHARS])[:MAX_QUERY_TOKENS]


# --- Whoosh ------------------------------------------------------------------
from whoosh.analysis import Token as _WhooshToken  # noqa: E402
from whoosh.analysis import Tokenizer  # noqa: E402


class ChineseTokenizer(Tokenizer):
    """A Whoosh tokenizer built on :func:`analyze_with_positions`."""

    def __eq__(self, other):
        return other is not None and other.__class__ is self.__class__

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        t = _WhooshToken(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        for tok in analyze_with_positions(value, start_pos=start_pos):
            t.text = tok.text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = value[tok.start : tok.end]
            if positions:
                t.pos = tok.pos
            if chars:
                t.startchar = start_char + tok.start
                t.endchar = start_char + tok.end
            yield t


def chinese_analyzer():
    return ChineseTokenizer()
