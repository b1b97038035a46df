"""Haystack's Whoosh engine with Chinese (and Mongolian) analysis.

Settings: ``HAYSTACK_CONNECTIONS = {"default": {"ENGINE":
"search.whoosh_backend.ChineseWhooshEngine", "PATH": ...}}``.

* TEXT fields are analysed by :mod:`search.analysis` (the one
  analysis function); faceted ``*_exact`` string fields are exact IDs.
* User text never reaches Whoosh's query parser: the query class encodes it
  (hex) into a marker term, and the backend's parser replaces each marker by
  a query built from :func:`query_tokens`: per field (title > doc_number >
  body), a boosted phrase of the bigrams OR an AND of them.
* Highlighting is done here, from the stored text, with the same analysis.
"""
from __future__ import annotations

import re

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.exceptions import SearchBackendError
from haystack.inputs import Raw
from whoosh import query as wq
from whoosh.fields import DATETIME, NUMERIC, TEXT, Schema
from whoosh.fields import ID as WHOOSH_ID
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import QueryParser

from .analysis import chinese_analyzer, query_tokens
from .common import CONTENT_FIELDS, PHRASE_BOOST, TEXT_FILTERS  # noqa: F401
from .expand import CONTENT, clauses, highlight_terms, plain
from .highlighting import highlight  # noqa: F401
from .storage import live_dir, pointer_stamp

MARKER_FIELD = "hsqmarker"
_MARKER_RE = re.compile(MARKER_FIELD + r":\(?([0-9a-f]+)\)?")


def encode_marker(fieldname: str, text: str) -> str:
    return "%s:%s" % (MARKER_FIELD, (fieldname + "\x00" + text).encode("utf-8", "replace").hex())


def decode_marker(payload: str) -> tuple[str, str]:
    try:
        raw = bytes.fromhex(payload).decode("utf-8", "replace")
    except ValueError:
        return "", ""
    field, _, text = raw.partition("\x00")
    return field, text


def field_query(fieldname: str, tokens: list[str], boost: float = 1.0) -> wq.Query | None:
    """Phrase of the tokens (boosted) OR all of them anywhere in the field."""
    if not tokens:
        return None
    if len(tokens) == 1:
        return wq.Term(fieldname, tokens[0], boost=boost * PHRASE_BOOST)
    unique = list(dict.fromkeys(tokens))
    return wq.Or(
        [
            wq.Phrase(fieldname, tokens, boost=boost * PHRASE_BOOST),
            wq.And([wq.Term(fieldname, t) for t in unique], boost=boost),
        ]
    )


class ChineseQueryParser:
    """Parses haystack's query string; marker terms become token queries."""

    def __init__(self, backend):
        self.backend = backend
        self.inner = QueryParser(backend.content_field_name, schema=backend.schema)

    def text_query(self, fieldname: str, text: str) -> wq.Query:
        schema = self.backend.schema
        names = schema.names()
        if fieldname in ("", "content", self.backend.content_field_name):
            # the OR of the query's clauses (search.expand), as the tantivy engine
            parts = []
            for clause in clauses(text):
                if clause.field == CONTENT:
                    for name, boost in CONTENT_FIELDS:
                        name = name or self.backend.content_field_name
                        if name in names and isinstance(schema[name], TEXT):
                            q = field_query(name, list(clause.tokens), boost * clause.boost)
                            if q is not None:
                                parts.append(q)
                elif clause.field in names and isinstance(schema[clause.field], TEXT):
                    q = field_query(clause.field, list(clause.tokens), clause.boost)
                    if q is not None:
                        parts.append(q)
            return wq.Or(parts) if parts else wq.NullQuery
        tokens = query_tokens(plain(text))
        if not tokens:
            return wq.NullQuery
        if fieldname in names and isinstance(schema[fieldname], TEXT):
            return field_query(fieldname, tokens) or wq.NullQuery
        if fieldname in names:
            return wq.Term(fieldname, text)
        return wq.NullQuery

    def _replace(self, q):
        if isinstance(q, wq.Term) and q.fieldname == MARKER_FIELD:
            field, text = decode_marker(q.text)
            return self.text_query(field, text)
        return q

    def parse(self, text):
        try:
            parsed = self.inner.parse(text)
        except Exception:  # never let odd input raise
            return wq.NullQuery
        if parsed is None:
            return wq.NullQuery
        try:
            return parsed.accept(self._replace).normalize()
        except Exception:
            return wq.NullQuery


class ChineseWhooshSearchBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        # PATH holds a pointer to the live index directory (see storage.py),
        # so that a full rebuild can swap a new index in while searches run.
        self.base_path = self.path
        self.use_pointer = bool(connection_options.get("POINTER", True)) and self.use_file_storage
        self._stamp = None
        self._follow_pointer()

    def _follow_pointer(self):
        if not self.use_pointer:
            return
        stamp = pointer_stamp(self.base_path)
        if stamp == self._stamp and self.path:
            return
        self._stamp = stamp
        path = str(live_dir(self.base_path))
        if path != self.path:
            self.path = path
            self.setup_complete = False

    def setup(self):
        super().setup()
        if self.use_file_storage:
            # whoosh-reloaded copies every mmap'ed segment file into a BytesIO
            # each time a reader opens (haystack opens several per search):
            # seconds per search at 20,000 documents. Plain file reads copy
            # nothing up front.
            self.storage = FileStorage(self.path, supports_mmap=False)
            self.index = self.storage.open_index(schema=self.schema)
        self.parser = ChineseQueryParser(self)

    def update(self, index, iterable, commit=True):
        self._follow_pointer()
        return super().update(index, iterable, commit=commit)

    def remove(self, obj_or_string, commit=True):
        self._follow_pointer()
        return super().remove(obj_or_string, commit=commit)

    def clear(self, models=None, commit=True):
        self._follow_pointer()
        return super().clear(models=models, commit=commit)

    def more_like_this(self, *args, **kwargs):
        raise NotImplementedError("more_like_this is not offered by the public search (Chinese Whoosh engine).")

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        new = {}
        by_name = {f.index_fieldname: f for f in fields.values()}
        for name in schema.names():
            fobj = schema[name]
            fc = by_name.get(name)
            if fc is not None and fc.__class__.__name__.startswith("Facet"):
                if isinstance(fobj, TEXT):
                    fobj = WHOOSH_ID(stored=fc.stored, sortable=True)
            elif isinstance(fobj, TEXT):
                fobj = TEXT(
                    stored=fc.stored if fc is not None else True,
                    analyzer=chinese_analyzer(),
                    field_boost=fc.boost if fc is not None else 1.0,
                    sortable=False,
                    spelling=False,
                )
            elif isinstance(fobj, DATETIME):
                # A page without a date (an undated import) sorts as the oldest: Whoosh's
                # default column value is the largest, which put it first in "newest first".
                fobj = DATETIME(stored=fobj.stored)
                fobj.default = 0
                fobj.set_sortable(True)
            elif type(fobj) is NUMERIC:
                fobj = NUMERIC(stored=fobj.stored, numtype=fobj.numtype, sortable=True, field_boost=fc.boost if fc else 1.0)
            new[name] = fobj
        new[MARKER_FIELD] = WHOOSH_ID(stored=False)
        return content_field_name, Schema(**new)

    def search(self, query_string, **kwargs):
        self._follow_pointer()
        try:
            return super().search(query_string, **kwargs)
        except SearchBackendError:
            raise
        except Exception:
            if not self.silently_fail:
                raise
            self.log.exception("Chinese Whoosh search failed")
            return {"results": [], "hits": 0}

    def _process_results(self, raw_page, highlight=False, query_string="", spelling_query=None, result_class=None, facet_types=None):
        results = super()._process_results(
            raw_page,
            highlight=False,
            query_string=query_string,
            spelling_query=spelling_query,
            result_class=result_class,
            facet_types=facet_types,
        )
        if highlight:
            terms = set()
            for payload in _MARKER_RE.findall(query_string or ""):
                terms.update(highlight_terms(decode_marker(payload)[1]))
            for result in results["results"]:
                stored = getattr(result, self.content_field_name, "") or ""
                result.highlighted = {self.content_field_name: [highlight_text(stored, terms)]}
        return results


highlight_text = highlight


class ChineseWhooshSearchQuery(WhooshSearchQuery):
    def build_query_fragment(self, field, filter_type, value):
        from haystack import connections

        if filter_type in TEXT_FILTERS and not isinstance(value, Raw):
            raw = getattr(value, "query_string", value)
            if isinstance(raw, str):
                if field == "content":
                    return "(%s)" % encode_marker("", raw)
                backend = self.backend
                if not backend.setup_complete:
                    backend.setup()
                index_fieldname = connections[self._using].get_unified_index().get_index_fieldname(field)
                if index_fieldname in backend.schema.names() and isinstance(backend.schema[index_fieldname], TEXT):
                    return "(%s)" % encode_marker(index_fieldname, raw)
        return super().build_query_fragment(field, filter_type, value)

    def clean(self, query_fragment):
        # ID/exact values: quote the whole value as one literal term.
        if not query_fragment:
            return query_fragment
        return "'%s'" % query_fragment.replace("'", "") if any(
            c in query_fragment for c in " '\"()[]{}:^~*?\\+-!&|."
        ) or query_fragment in self.backend.RESERVED_WORDS else query_fragment


class ChineseWhooshEngine(WhooshEngine):
    backend = ChineseWhooshSearchBackend
    query = ChineseWhooshSearchQuery
