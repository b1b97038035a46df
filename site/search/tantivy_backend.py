"""A haystack engine on tantivy (a compiled search library), for libraries of
~100,000 documents on one machine (see README "Search engines").

Settings: ``HAYSTACK_CONNECTIONS = {"default": {"ENGINE":
"search.tantivy_backend.TantivyEngine", "PATH": ...}}``.

* Text is analysed in Python by :mod:`search.analysis` (the same
  function as Whoosh) and stored as space-separated tokens in fields with a
  whitespace tokenizer, so tantivy never analyses Chinese itself.
* Faceted ``*_exact`` fields are raw fast fields; integers and dates are i64
  fast fields (dates as ``YYYYMMDDhhmmss``), so facets, filters and sorting
  run in tantivy, not in Python.
* Every prepared field haystack stores goes into one stored JSON blob.
* The query class turns haystack's filter tree into JSON (never into a query
  string), and the backend builds tantivy queries from it: user text never
  reaches a query parser.
* One writer at a time: a file lock around every write (Celery tasks,
  rebuilds). Readers reload when the index's ``meta.json`` changes, and
  follow the ``CURRENT`` pointer that a rebuild swaps (storage.py).
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import tantivy
from haystack.backends import BaseEngine
from haystack.constants import DJANGO_CT, ID
from haystack.exceptions import MissingDependency, SearchBackendError, SkipDocument
from haystack.utils import get_identifier, get_model_ct

from .analysis import analyzed_text, query_tokens
from .common import (
    CONTENT_FIELDS,
    NARROW_RE,
    PHRASE_BOOST,
    TEXT_FILTERS,
    JsonSearchQuery,
    TokenSearchBackend,
    date_key,
    facet_values,
    field_kinds,
    from_json,
    highlight_terms_of,
    jsonable,
)
from .expand import CONTENT, clauses, plain
from .storage import live_dir, pointer_stamp

log = logging.getLogger("search")

TOKENIZER = "hsq_ws"
BLOB = "_doc"
SCHEMA_FILE = "hsq-schema.json"
LOCK_FILE = ".hsq-writer.lock"
MAX_TOKEN_BYTES = 255
FACET_LIMIT = 10000

if tantivy is None:  # pragma: no cover
    raise MissingDependency("The tantivy backend needs the 'tantivy' package.")


# --- values ---------------------------------------------------------------
def _text(value) -> str:
    """Token text of one value: the one analysis, joined by spaces (tokens over
    tantivy's term limit are dropped by the field's ``remove_long`` filter)."""
    return analyzed_text(str(value))


# --- the backend -----------------------------------------------------------
class TantivySearchBackend(TokenSearchBackend):
    # kinds: text (analysed), exact (raw, fast), int, float, date (i64 fast)
    engine = "tantivy"

    _process_lock = threading.Lock()

    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        if not connection_options.get("PATH"):
            raise SearchBackendError("The tantivy backend needs a PATH in HAYSTACK_CONNECTIONS['%s']." % connection_alias)
        self.base_path = Path(connection_options["PATH"])
        self.use_pointer = bool(connection_options.get("POINTER", True))
        self.writer_heap = int(connection_options.get("WRITER_HEAP", 64_000_000))
        self.lock_timeout = float(connection_options.get("LOCK_TIMEOUT", 120))
        self.setup_complete = False
        self.index = None
        self.path: Path | None = None
        self._stamp = None
        self._meta_stamp = None

    # -- schema and opening --
    def build_schema(self, fields):
        content_field_name, kinds, stored, _ = field_kinds(fields)
        builder = tantivy.SchemaBuilder()
        for name, kind in sorted(kinds.items()):
            if kind == "text":
                builder.add_text_field(name, tokenizer_name=TOKENIZER, index_option="position")
            elif kind == "exact":
                builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
            elif kind == "float":
                builder.add_float_field(name, indexed=True, fast=True)
            else:
                builder.add_integer_field(name, indexed=True, fast=True)
        builder.add_bytes_field(BLOB, stored=True)
        return content_field_name, builder.build(), kinds, stored

    def setup(self):
        from haystack import connections

        fields = connections[self.connection_alias].get_unified_index().all_searchfields()
        self.content_field_name, self.schema, self.kinds, self.stored = self.build_schema(fields)
        self.signature = sorted(self.kinds.items())
        self.path = live_dir(self.base_path) if self.use_pointer else self.base_path
        self.index = self._open(self.path)
        self._meta_stamp = None
        self.setup_complete = True

    def _open(self, path: Path):
        path.mkdir(parents=True, exist_ok=True)
        sig_file = path / SCHEMA_FILE
        signature = json.dumps(self.signature)
        if (path / "meta.json").exists() and sig_file.exists() and sig_file.read_text() != signature:
            raise SearchBackendError(
                "The search index at %s was built with other fields: run `manage.py rebuild_search`." % path
            )
        index = tantivy.Index(self.schema, path=str(path), reuse=True)
        analyzer = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).filter(
            tantivy.Filter.remove_long(MAX_TOKEN_BYTES)
        ).build()
        index.register_tokenizer(TOKENIZER, analyzer)
        if not sig_file.exists():
            sig_file.write_text(signature)
        return index

    def _fresh(self):
        """Follow a swapped pointer and new commits (cheap stat calls)."""
        if not self.setup_complete:
            self.setup()
        if self.use_pointer:
            stamp = pointer_stamp(self.base_path)
            if stamp != self._stamp:
                self._stamp = stamp
                if live_dir(self.base_path) != self.path:
                    self.setup()
        try:
            meta = os.stat(self.path / "meta.json").st_mtime_ns
        except OSError:
            meta = None
        if meta != self._meta_stamp:
            self._meta_stamp = meta
            self.index.reload()

    # -- writing --
    @contextmanager
    def writer(self, heap: int | None = None):
        """The only writer of this index: a file lock makes Celery workers,
        rebuilds and shells wait for each other instead of failing."""
        if not self.setup_complete:
            self.setup()
        self._fresh()
        lock_path = self.path / LOCK_FILE
        with self._process_lock, open(lock_path, "a+") as lock:
            deadline = time.monotonic() + self.lock_timeout
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise SearchBackendError("The search index is locked by another writer: %s" % self.path) from None
                    time.sleep(0.05)
            try:
                writer = self.index.writer(heap or self.writer_heap, 1)
                try:
                    yield writer
                    writer.commit()
                except BaseException:
                    writer.rollback()
                    raise
                finally:
                    writer.wait_merging_threads()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        self._fresh()

    def make_document(self, prepared: dict) -> tantivy.Document:
        doc = tantivy.Document()
        blob = {}
        for name, value in prepared.items():
            if name in self.stored:
                blob[name] = jsonable(value)
            kind = self.kinds.get(name)
            if kind is None or value is None:
                continue
            values = value if isinstance(value, (list, tuple, set)) else [value]
            for v in values:
                if v is None:
                    continue
                if kind == "text":
                    doc.add_text(name, _text(v))
                elif kind == "exact":
                    doc.add_text(name, str(v))
                elif kind == "int":
                    try:
                        doc.add_integer(name, int(v))
                    except (TypeError, ValueError):
                        pass
                elif kind == "float":
                    try:
                        doc.add_float(name, float(v))
                    except (TypeError, ValueError):
                        pass
                elif kind == "date":
                    key = date_key(v)
                    if key is not None:
                        doc.add_integer(name, key)
        for name, kind in self.kinds.items():
            # no date (an undated import, a model without one) sorts as the oldest, as in Whoosh:
            # tantivy would otherwise put documents without the field first in "newest first"
            if kind == "date" and date_key(prepared.get(name)) is None:
                doc.add_integer(name, 0)
        doc.add_bytes(BLOB, json.dumps(blob, ensure_ascii=False).encode("utf-8"))
        return doc

    def add_to_writer(self, writer, index, iterable) -> int:
        n = 0
        for obj in iterable:
            try:
                prepared = index.full_prepare(obj)
            except SkipDocument:
                continue
            writer.delete_documents_by_term(ID, prepared[ID])
            writer.add_document(self.make_document(prepared))
            n += 1
        return n

    def update(self, index, iterable, commit=True):
        try:
            with self.writer() as writer:
                self.add_to_writer(writer, index, iterable)
        except Exception:
            if not self.silently_fail:
                raise
            log.exception("tantivy: failed to index objects")

    def remove(self, obj_or_string, commit=True):
        identifier = get_identifier(obj_or_string)
        try:
            with self.writer() as writer:
                writer.delete_documents_by_term(ID, identifier)
        except Exception:
            if not self.silently_fail:
                raise
            log.exception("tantivy: failed to remove %s", identifier)

    def clear(self, models=None, commit=True):
        if not self.setup_complete:
            self.setup()
        if models:
            with self.writer() as writer:
                for model in models:
                    writer.delete_documents_by_term(DJANGO_CT, get_model_ct(model))
            return
        # Whole index: start a fresh directory (like haystack's Whoosh clear).
        with self._process_lock:
            shutil.rmtree(self.path, ignore_errors=True)
            self.setup_complete = False
        self.setup()

    # -- queries --
    def text_query(self, fieldname: str, text, matching_only: bool = False) -> tantivy.Query:
        """Ranked query of ``text`` in one field or, for "content", the OR of
        the query's clauses (search.expand: as typed, official terms, pinyin,
        initials, single characters, sound). ``matching_only`` gives the same
        documents without ranking (for facet counts): a content clause's
        tokens anywhere in the document field, which holds the title and
        发文字号 too (search_indexes.py), so it matches exactly what the ranked
        union of fields matches."""
        text = str(text) if text is not None else ""
        if fieldname in ("", "content", self.content_field_name):
            parts = []
            for clause in clauses(text):
                if clause.field == CONTENT:
                    if matching_only:
                        parts.append(self.every_query(self.content_field_name, clause.tokens))
                        continue
                    for name, boost in CONTENT_FIELDS:
                        name = name or self.content_field_name
                        if self.kinds.get(name) == "text":
                            parts.append(self.field_query(name, list(clause.tokens), boost * clause.boost))
                elif self.kinds.get(clause.field) == "text":
                    if matching_only:
                        parts.append(self.every_query(clause.field, clause.tokens))
                    else:
                        parts.append(self.field_query(clause.field, list(clause.tokens), clause.boost))
            return _or(parts)
        tokens = query_tokens(plain(text))
        if not tokens or self.kinds.get(fieldname) != "text":
            return tantivy.Query.empty_query()
        if matching_only:
            return self.every_query(fieldname, tokens)
        return self.field_query(fieldname, tokens)

    def every_query(self, name: str, tokens) -> tantivy.Query:
        unique = list(dict.fromkeys(tokens))
        if len(unique) == 1:
            return tantivy.Query.term_query(self.schema, name, unique[0])
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.term_query(self.schema, name, t)) for t in unique])

    def field_query(self, name: str, tokens: list[str], boost: float = 1.0) -> tantivy.Query:
        """Phrase of the tokens (boosted) OR all of them anywhere in the field."""
        schema = self.schema
        if len(tokens) == 1:
            return tantivy.Query.boost_query(tantivy.Query.term_query(schema, name, tokens[0]), boost * PHRASE_BOOST)
        unique = list(dict.fromkeys(tokens))
        phrase = tantivy.Query.boost_query(tantivy.Query.phrase_query(schema, name, tokens), boost * PHRASE_BOOST)
        every = tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.term_query(schema, name, t)) for t in unique])
        return _or([phrase, tantivy.Query.boost_query(every, boost)])

    def value_query(self, name: str, value, matching_only: bool = False) -> tantivy.Query:
        kind = self.kinds.get(name)
        try:
            if kind == "exact":
                return tantivy.Query.term_query(self.schema, name, str(value))
            if kind == "int":
                return tantivy.Query.term_query(self.schema, name, int(value))
            if kind == "float":
                return tantivy.Query.term_query(self.schema, name, float(value))
            if kind == "date":
                key = date_key(value)
                if key is None:
                    return tantivy.Query.empty_query()
                return tantivy.Query.term_query(self.schema, name, key)
            if kind == "text":
                return self.text_query(name, value, matching_only)
        except (TypeError, ValueError, OverflowError):
            pass
        return tantivy.Query.empty_query()

    def range_query(self, name: str, lower=None, upper=None, inc_lower=True, inc_upper=True):
        kind = self.kinds.get(name)
        conv = {"int": int, "float": float, "date": date_key}.get(kind)
        if conv is None:
            return tantivy.Query.empty_query()
        try:
            lo = conv(lower) if lower is not None else None
            hi = conv(upper) if upper is not None else None
        except (TypeError, ValueError, OverflowError):
            return tantivy.Query.empty_query()
        if lo is None and hi is None:
            return tantivy.Query.empty_query()
        ftype = tantivy.FieldType.Float if kind == "float" else tantivy.FieldType.Integer
        return tantivy.Query.range_query(
            self.schema, name, ftype, lo, hi, include_lower=inc_lower or lo is None, include_upper=inc_upper or hi is None
        )

    def leaf_query(self, field: str, filter_type: str, value, matching_only: bool = False) -> tantivy.Query:
        value = from_json(value)
        name = self.index_fieldname(field)
        if field == "content" or name == self.content_field_name:
            if filter_type in TEXT_FILTERS:
                return self.text_query("content" if field == "content" else name, value, matching_only)
        kind = self.kinds.get(name)
        if kind is None:
            return tantivy.Query.empty_query()
        if filter_type == "in":
            values = value if isinstance(value, list) else [value]
            return _or([self.value_query(name, v, matching_only) for v in values])
        if filter_type == "range":
            values = value if isinstance(value, list) else [value]
            if len(values) != 2:
                return tantivy.Query.empty_query()
            return self.range_query(name, values[0], values[1])
        if filter_type in ("gt", "gte"):
            return self.range_query(name, lower=value, inc_lower=filter_type == "gte")
        if filter_type in ("lt", "lte"):
            return self.range_query(name, upper=value, inc_upper=filter_type == "lte")
        return self.value_query(name, value, matching_only)

    def spec_query(self, spec, matching_only: bool = False) -> tantivy.Query:
        """Build a tantivy query from the JSON that TantivySearchQuery made."""
        if not isinstance(spec, dict):
            return tantivy.Query.empty_query()
        if spec.get("all"):
            q = tantivy.Query.all_query()
        elif "f" in spec:
            q = self.leaf_query(str(spec["f"]), str(spec.get("t", "content")), spec.get("v"), matching_only)
        else:
            children = [self.spec_query(c, matching_only) for c in spec.get("ch", [])]
            if not children:
                q = tantivy.Query.all_query()
            elif spec.get("op") == "OR":
                q = _or(children)
            else:
                q = tantivy.Query.boolean_query([(tantivy.Occur.Must, c) for c in children])
        if spec.get("neg"):
            q = tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.all_query()), (tantivy.Occur.MustNot, q)])
        return q

    def parse(self, query_string, matching_only: bool = False) -> tantivy.Query:
        """``query_string`` is the query class's JSON; raw strings (raw_search,
        narrow) are ``field:"value"`` or plain text searched as content."""
        if isinstance(query_string, str):
            text = query_string.strip()
            if text in ("", "*:*", "*"):
                return tantivy.Query.all_query()
            if text.startswith("{"):
                try:
                    return self.spec_query(json.loads(text), matching_only)
                except ValueError:
                    pass
            m = NARROW_RE.match(text)
            if m and m.group(1) in self.kinds:
                value = m.group(2) if m.group(2) is not None else m.group(3)
                return self.leaf_query(m.group(1), "exact", value, matching_only)
            return self.text_query("content", text, matching_only)
        return tantivy.Query.empty_query()

    def _models_query(self, models, limit_to_registered_models):
        cts = self.model_cts(models, limit_to_registered_models)
        if not cts:
            return None
        return tantivy.Query.term_set_query(self.schema, DJANGO_CT, cts)

    def _search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        fields="",
        highlight=False,
        facets=None,
        date_facets=None,
        query_facets=None,
        narrow_queries=None,
        spelling_query=None,
        within=None,
        dwithin=None,
        distance_point=None,
        models=None,
        limit_to_registered_models=None,
        result_class=None,
        **extra_kwargs,
    ):
        self._fresh()
        must = [self.parse(query_string)]
        for narrow in narrow_queries or ():
            must.append(self.parse(narrow))
        models_q = self._models_query(models, limit_to_registered_models)
        if models_q is not None:
            must.append(models_q)
        query = must[0] if len(must) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in must])

        searcher = self.index.searcher()
        start = max(0, int(start_offset or 0))
        limit = (int(end_offset) - start) if end_offset is not None else max(searcher.num_docs - start, 0)
        order_kwargs = {}
        for item in sort_by or ():
            reverse = item.startswith("-")
            name = item.lstrip("-")
            if self.kinds.get(name) in ("int", "float", "date", "exact"):
                order_kwargs = {
                    "order_by_field": name,
                    "order": tantivy.Order.Desc if reverse else tantivy.Order.Asc,
                }
            break  # tantivy orders by one field
        if limit > 0:
            found = searcher.search(query, limit, count=True, offset=start, **order_kwargs)
            hits, count = found.hits, found.count
        else:
            hits, count = [], searcher.search(query, 1, count=True).count

        result = {"results": self._results(searcher, hits, query_string, highlight, result_class, order_kwargs), "hits": count}
        if facets:
            # Counting needs no ranking: the cheaper query matches the same documents.
            counted = [self.parse(query_string, matching_only=True)]
            counted += [self.parse(narrow, matching_only=True) for narrow in narrow_queries or ()]
            if models_q is not None:
                counted.append(models_q)
            facet_query = counted[0] if len(counted) == 1 else tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, q) for q in counted]
            )
            result["facets"] = {"fields": self._facets(searcher, facet_query, facets), "dates": {}, "queries": {}}
        if spelling_query:
            result["spelling_suggestion"] = None
        return result

    def _facets(self, searcher, query, facets) -> dict:
        aggs = {}
        names = [n for n in facets if n in self.kinds]
        for n in names:
            aggs[n] = {"terms": {"field": n, "size": FACET_LIMIT}}
        if not aggs:
            return {}
        raw = searcher.aggregate(query, aggs)
        return {
            n: facet_values(self.kinds[n], ((b["key"], b["doc_count"]) for b in raw.get(n, {}).get("buckets", [])))
            for n in names
        }

    def _results(self, searcher, hits, query_string, want_highlight, result_class, order_kwargs):
        terms = highlight_terms_of(query_string) if want_highlight else set()

        def stored():
            for score, address in hits:
                raw = searcher.doc(address).get_first(BLOB)
                if raw:
                    yield json.loads(bytes(raw).decode("utf-8")), 0.0 if order_kwargs else float(score)

        return self.stored_results(stored(), terms, want_highlight, result_class)


def _or(queries):
    queries = [q for q in queries if q is not None]
    if not queries:
        return tantivy.Query.empty_query()
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


class TantivySearchQuery(JsonSearchQuery):
    """Haystack's filter tree as JSON for the backend (no query syntax)."""


class TantivyEngine(BaseEngine):
    backend = TantivySearchBackend
    query = TantivySearchQuery
