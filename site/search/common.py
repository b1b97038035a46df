"""Ranking constants shared by every embedded backend, so Whoosh and tantivy
rank alike: title above 发文字号 above body, exact phrases above scattered
characters."""
from __future__ import annotations

# (index field name, boost) tried for a whole-document ("content") search;
# None stands for the document field (``text``).
CONTENT_FIELDS = (("title", 8.0), ("doc_number", 4.0), (None, 1.0))
PHRASE_BOOST = 3.0
TEXT_FILTERS = {"content", "contains", "startswith", "endswith", "fuzzy", "exact"}
