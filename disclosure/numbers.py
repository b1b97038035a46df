"""索引号 and 发文字号 as exact look-up keys.

People type 发文字号 with whatever brackets their keyboard gives (〔〕 [] ［］ （）
【】), with or without spaces; the key maps all of them to one form."""
from __future__ import annotations

import re
import unicodedata

_OPEN = "〔[(【〖｛{［（"
_CLOSE = "〕])】〗｝}］）"
_BRACKETS = str.maketrans({**{c: "〔" for c in _OPEN}, **{c: "〕" for c in _CLOSE}})
_SPACE_RE = re.compile(r"\s+")
# a year in brackets followed by a number (敕政发〔2026〕12号), or an index number
_DOC_NUMBER_RE = re.compile(r"〔\d{4}〕\d+")
_INDEX_NUMBER_RE = re.compile(r"^[0-9a-z]{18}/\d{4}-\d{1,8}$")
MAX_KEY = 80


def lookup_key(value: str | None) -> str:
    """One form for every way of typing a number ('' if it cannot be one)."""
    if not value or not isinstance(value, str):
        return ""
    text = "".join(ch for ch in value[: MAX_KEY * 2] if unicodedata.category(ch) not in ("Cs", "Cc", "Cf"))
    text = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    text = _SPACE_RE.sub("", text).lower().replace('"', "").replace("\\", "")
    return text[:MAX_KEY]


def looks_like_number(query: str) -> bool:
    key = lookup_key(query)
    return bool(key) and (bool(_DOC_NUMBER_RE.search(key)) or bool(_INDEX_NUMBER_RE.match(key)))
