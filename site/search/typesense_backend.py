"""A haystack engine on Typesense, a search server that several application
hosts share and that replicates itself over Raft (README "Search engines").

Settings: ``HAYSTACK_CONNECTIONS = {"default": {"ENGINE":
"search.typesense_backend.TypesenseEngine", "NODES": ["http://10.0.0.1:8108", ...],
"API_KEY": ..., "COLLECTION": "govsite"}}`` (base.py builds it from
``TYPESENSE_NODES``, ``TYPESENSE_API_KEY`` and ``TYPESENSE_COLLECTION``).

* The schema is read from the haystack indexes' fields (every field, so a new
  field of the shared index maps through without a change here): text fields
  hold the shared analysis's tokens (:func:`search.analysis.analyzed_text`,
  space-separated, so Typesense only splits on spaces and relevance is the
  other engines'), faceted ``*_exact`` fields are exact facet strings,
  integers are int64, dates int64 ``YYYYMMDDhhmmss`` (as tantivy).
* What haystack stores goes into one JSON string ``_doc`` that is kept but not
  indexed; a search fetches only that.
* Queries: the query class is tantivy's (common.py: haystack's filter tree as
  JSON, never a query string); the first text condition becomes Typesense's ranked ``q``
  (the query's tokens, all required, over title > 发文字号 > body with the
  shared weights, no typos, no prefixes), everything else a ``filter_by``
  expression with quoted values. Typesense cannot negate a text condition,
  so a negation is "not one of the documents it matches" (bounded).
* The live collection is an alias (``COLLECTION``); a rebuild fills a new
  collection beside it and then moves the alias (:meth:`rebuild_beside`).
* Every call goes to any of the nodes (the client retries the next one), so
  the search keeps answering while one node of three is down.
"""
from __future__ import annotations

import json
import logging
import time
import warnings
from collections.abc import Iterable

import typesense
from haystack.backends import BaseEngine
from haystack.constants import DJANGO_CT, ID
from haystack.exceptions import SearchBackendError, SkipDocument
from haystack.utils import get_identifier, get_model_ct
from typesense import exceptions as ts_errors

from .analysis import analyzed_text, query_tokens

# The query class and the value helpers are the tantivy engine's too: the same
# JSON filter tree, the same date keys, the same highlight terms.
from .common import (
    CONTENT_FIELDS,
    NARROW_RE,
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

log = logging.getLogger("search")

BLOB = "_doc"  # stored, not indexed: the fields haystack stores, as JSON
KEY = "_key"  # the document id again, as an exact facet string (Typesense cannot filter ``id:!=``)
FACET_LIMIT = 10000
PAGE_MAX = 250  # Typesense's most hits per page
NEGATION_LIMIT = 10000  # documents a negated condition may match
IMPORT_BATCH = 200
_TRUE, _FALSE = None, "%s:=[`__nothing__`]" % KEY  # a filter that matches nothing (no id looks like that)


def _quote(value) -> str:
    """A filter value: backticks keep commas, brackets and spaces literal."""
    return "`%s`" % str(value).replace("`", "")


def _and(parts: Iterable[str | None]) -> str | None:
    parts = [p for p in parts if p is not _TRUE]
    if _FALSE in parts:
        return _FALSE
    if not parts:
        return _TRUE
    return parts[0] if len(parts) == 1 else " && ".join("(%s)" % p for p in parts)


def _or(parts: Iterable[str | None]) -> str | None:
    parts = list(parts)
    if any(p is _TRUE for p in parts):
        return _TRUE
    parts = [p for p in parts if p != _FALSE]
    if not parts:
        return _FALSE
    return parts[0] if len(parts) == 1 else " || ".join("(%s)" % p for p in parts)


class TypesenseSearchBackend(TokenSearchBackend):
    # kinds: text (tokens), exact (facet string), int, float, date (int64)
    engine = "Typesense"

    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        nodes = connection_options.get("NODES") or []
        if isinstance(nodes, str):
            nodes = [n.strip() for n in nodes.split(",") if n.strip()]
        if not nodes or not connection_options.get("API_KEY"):
            raise SearchBackendError(
                "The Typesense backend needs NODES and API_KEY in HAYSTACK_CONNECTIONS['%s']." % connection_alias
            )
        self.nodes = list(nodes)
        self.alias = str(connection_options.get("COLLECTION") or "govsite")
        with warnings.catch_warnings():  # the 2.x client warns about APIs of servers v30+ we do not use
            warnings.simplefilter("ignore", DeprecationWarning)
            self.client = self._client(connection_options)
        self.collection = str(connection_options.get("TARGET") or self.alias)  # a rebuild writes to its own
        self.drop_delay = float(connection_options.get("DROP_DELAY", 1.0))
        self.setup_complete = False

    def _client(self, connection_options) -> typesense.Client:
        return typesense.Client({
            "nodes": self.nodes,
            "api_key": connection_options["API_KEY"],
            "connection_timeout_seconds": float(connection_options.get("TIMEOUT", 2)),
            # a node that is down is skipped for this long, then tried again
            "healthcheck_interval_seconds": int(connection_options.get("HEALTHCHECK_INTERVAL", 15)),
            "num_retries": int(connection_options.get("NUM_RETRIES", max(3, len(self.nodes)))),
            "retry_interval_seconds": float(connection_options.get("RETRY_INTERVAL", 0.1)),
        })

    # -- schema -------------------------------------------------------------
    def build_schema(self, fields):
        content_field_name, kinds, stored, multi = field_kinds(fields, id_kind="key")
        facets = {f.index_fieldname for f in fields.values() if f.__class__.__name__.startswith("Facet")}
        ts_fields = [{"name": KEY, "type": "string", "facet": True}]
        types = {"text": "string", "exact": "string", "int": "int64", "float": "float", "date": "int64"}
        for name, kind in sorted(kinds.items()):
            if kind == "key":
                continue
            spec = {"name": name, "type": types[kind] + ("[]" if name in multi else ""), "optional": True}
            if kind == "exact" or name in facets:
                spec["facet"] = True
            ts_fields.append(spec)
        return content_field_name, ts_fields, kinds, stored, multi

    def setup(self):
        self.load_schema()
        if self.collection == self.alias:
            self._ensure_live()
        self.setup_complete = True

    def load_schema(self) -> None:
        """The collection's fields from the haystack indexes (no server call)."""
        from haystack import connections

        fields = connections[self.connection_alias].get_unified_index().all_searchfields()
        self.content_field_name, self.ts_fields, self.kinds, self.stored, self.multi = self.build_schema(fields)
        self.facet_fields = {f["name"] for f in self.ts_fields if f.get("facet")}

    def _signature(self, ts_fields) -> list:
        return sorted((f["name"], f["type"], bool(f.get("facet"))) for f in ts_fields if f["name"] != ".*")

    def _ensure_live(self):
        """The alias and its collection exist and have this schema. Several hosts
        may start at once: the first collection has a fixed name, so they all
        create (or find) the same one."""
        try:
            current = self.client.collections[self.alias].retrieve()
        except ts_errors.ObjectNotFound:
            name = "%s_main" % self.alias
            try:
                self.client.collections.create({"name": name, "fields": self.ts_fields})
            except ts_errors.ObjectAlreadyExists:
                pass
            self.client.aliases.upsert(self.alias, {"collection_name": name})
            current = self._retrieve_replicated(self.alias)
        if self._signature(current["fields"]) != self._signature(self.ts_fields):
            raise SearchBackendError(
                "The Typesense collection %s was built with other fields: run `manage.py rebuild_search`."
                % current["name"]
            )

    def _retrieve_replicated(self, name: str, timeout: float = 10.0) -> dict:
        """A collection just created, from whichever node answers: a follower
        may not have applied the write yet (Raft), so wait for it briefly."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                return self.client.collections[name].retrieve()
            except ts_errors.ObjectNotFound:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def live_collection(self) -> str | None:
        """The name of the collection the alias points at (None if there is none)."""
        try:
            return self.client.aliases[self.alias].retrieve()["collection_name"]
        except ts_errors.ObjectNotFound:
            return None

    # -- writing ------------------------------------------------------------
    def make_document(self, prepared: dict) -> dict:
        doc: dict = {"id": str(prepared[ID]), KEY: str(prepared[ID])}
        blob = {}
        for name, value in prepared.items():
            if name in self.stored:
                blob[name] = jsonable(value)
            kind = self.kinds.get(name)
            if kind in (None, "key") or value is None:
                continue
            values = [v for v in (value if isinstance(value, (list, tuple, set)) else [value]) if v is not None]
            out = []
            for v in values:
                try:
                    if kind == "text":
                        out.append(analyzed_text(str(v)))
                    elif kind == "exact":
                        out.append(str(v))
                    elif kind == "int":
                        out.append(int(v))
                    elif kind == "float":
                        out.append(float(v))
                    elif kind == "date":
                        key = date_key(v)
                        if key is not None:
                            out.append(key)
                except (TypeError, ValueError):
                    continue
            if not out:
                continue
            if name in self.multi:
                doc[name] = out
            elif kind == "text" and len(out) > 1:
                doc[name] = " ".join(out)
            else:
                doc[name] = out[0]
        doc[BLOB] = json.dumps(blob, ensure_ascii=False)
        return doc

    def import_documents(self, docs: list[dict], collection: str | None = None) -> int:
        """Upsert documents in batches (JSON lines, not ASCII-escaped: a third of
        the bytes for Chinese) into ``collection`` (default: this backend's).
        Raises if any document was refused."""
        target = self.client.collections[collection or self.collection]
        done = 0
        for lo in range(0, len(docs), IMPORT_BATCH):
            batch = docs[lo : lo + IMPORT_BATCH]
            body = "\n".join(json.dumps(d, ensure_ascii=False) for d in batch)
            answer = target.documents.import_(body.encode("utf-8"), {"action": "upsert"})
            failed = [line for line in answer.splitlines() if line.strip() and not json.loads(line).get("success")]
            if failed:
                raise SearchBackendError("Typesense refused %d of %d documents: %s" % (len(failed), len(batch), failed[0][:300]))
            done += len(batch)
        return done

    def prepare_documents(self, index, iterable) -> list[dict]:
        docs = []
        for obj in iterable:
            try:
                docs.append(self.make_document(index.full_prepare(obj)))
            except SkipDocument:
                continue
        return docs

    def update(self, index, iterable, commit=True):
        if not self.setup_complete:
            self.setup()
        try:
            docs = self.prepare_documents(index, iterable)
            if docs:
                self.import_documents(docs)
        except Exception:
            if not self.silently_fail:
                raise
            log.exception("typesense: failed to index objects")

    def remove(self, obj_or_string, commit=True):
        if not self.setup_complete:
            self.setup()
        identifier = get_identifier(obj_or_string)
        try:
            self.client.collections[self.collection].documents[identifier].delete()
        except ts_errors.ObjectNotFound:
            pass
        except Exception:
            if not self.silently_fail:
                raise
            log.exception("typesense: failed to remove %s", identifier)

    def clear(self, models=None, commit=True):
        if not self.setup_complete:
            self.setup()
        if models:
            cts = [get_model_ct(m) for m in models]
            self.client.collections[self.collection].documents.delete(
                {"filter_by": "%s:=[%s]" % (DJANGO_CT, ",".join(_quote(c) for c in cts))}
            )
            return
        # Everything: an empty collection takes the alias, the old one goes.
        if self.collection != self.alias:
            self.client.collections[self.collection].delete()
            self.client.collections.create({"name": self.collection, "fields": self.ts_fields})
            return
        old = self.live_collection()
        new = self.create_build_collection()
        self.client.aliases.upsert(self.alias, {"collection_name": new})
        if old and old != new:
            self._drop(old)

    def create_build_collection(self) -> str:
        if not hasattr(self, "ts_fields"):
            self.load_schema()
        name = "%s_%s_%d" % (self.alias, time.strftime("%Y%m%d%H%M%S"), time.time_ns() % 1_000_000)
        self.client.collections.create({"name": name, "fields": self.ts_fields})
        return name

    def _drop(self, name: str) -> None:
        try:
            self.client.collections[name].delete()
        except ts_errors.ObjectNotFound:
            pass

    def rebuild_beside(self, batches: Iterable[tuple], progress=None) -> tuple[int, str]:
        """Fill a new collection from ``batches`` of (index, objects) while the
        live one keeps answering, then move the alias to it and drop the old
        one. Returns (documents, new collection).

        The schema comes from the indexes, not from the live collection, so a
        rebuild is also how a collection with other fields is replaced."""
        self.load_schema()
        old = self.live_collection()
        new = self.create_build_collection()
        count = 0
        try:
            for index, objects in batches:
                docs = self.prepare_documents(index, objects)
                if docs:
                    count += self.import_documents(docs, collection=new)
                if progress is not None:
                    progress.update(len(objects))
        except BaseException:
            self._drop(new)
            raise
        self.client.aliases.upsert(self.alias, {"collection_name": new})
        if self.collection == self.alias:
            self.setup_complete = True  # the alias now has this schema
        if old and old != new:
            # searches that resolved the alias just before the move finish on the old one
            time.sleep(self.drop_delay)
            self._drop(old)
        return count, new

    # -- queries -------------------------------------------------------------
    def _is_text(self, field: str, filter_type: str) -> bool:
        name = self.index_fieldname(field)
        if field == "content" or name == self.content_field_name:
            return filter_type in TEXT_FILTERS
        return self.kinds.get(name) == "text" and filter_type in TEXT_FILTERS

    def text_filter(self, field: str, value) -> str | None:
        """The documents the ranked search of ``value`` finds, as a filter: every
        token in the field (for "content": the document field, which holds the
        title and 发文字号 too, so it matches what the ranked union matches)."""
        name = self.index_fieldname(field)
        text = str(value) if value is not None else ""
        if field == "content" or name == self.content_field_name:
            # the OR of the query's clauses (search.expand), each all its tokens in its field
            parts = []
            for clause in clauses(text):
                target = self.content_field_name if clause.field == CONTENT else clause.field
                parts.append(self._every(target, clause.tokens))
            return _or(parts)
        return self._every(name, query_tokens(plain(text)))

    def _every(self, name: str, tokens) -> str | None:
        tokens = list(dict.fromkeys(tokens))
        if not tokens or self.kinds.get(name) != "text":
            return _FALSE
        return _and("%s:%s" % (name, _quote(t)) for t in tokens)

    def _number(self, kind: str, value):
        if kind == "date":
            return date_key(value)
        if kind == "float":
            return float(value)
        return int(value)

    def leaf_filter(self, field: str, filter_type: str, value) -> str | None:
        value = from_json(value)
        if self._is_text(field, filter_type):
            return self.text_filter(field, value)
        name = self.index_fieldname(field)
        kind = self.kinds.get(name)
        if kind is None or kind == "key":
            return _FALSE
        values = value if isinstance(value, list) else [value]
        try:
            if kind == "text":  # "in" on a text field: any of the values
                if filter_type == "in":
                    return _or(self.text_filter(field, v) for v in values)
                return self.text_filter(field, value)
            if kind == "exact":
                if filter_type == "in":
                    return "%s:=[%s]" % (name, ",".join(_quote(v) for v in values)) if values else _FALSE
                return "%s:=%s" % (name, _quote(value))
            if filter_type == "in":
                nums = [n for n in (self._number(kind, v) for v in values) if n is not None]
                return "%s:[%s]" % (name, ",".join(repr(n) for n in nums)) if nums else _FALSE
            if filter_type == "range":
                if len(values) != 2:
                    return _FALSE
                lo, hi = (self._number(kind, v) if v is not None else None for v in values)
                return _and([
                    "%s:>=%r" % (name, lo) if lo is not None else _TRUE,
                    "%s:<=%r" % (name, hi) if hi is not None else _TRUE,
                ])
            ops = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
            number = self._number(kind, value)
            if number is None:
                return _FALSE
            if filter_type in ops:
                return "%s:%s%r" % (name, ops[filter_type], number)
            return "%s:=%r" % (name, number)
        except (TypeError, ValueError, OverflowError):
            return _FALSE

    def spec_filter(self, spec) -> str | None:
        """A ``filter_by`` expression for the JSON that the query class made."""
        if not isinstance(spec, dict):
            return _FALSE
        if spec.get("all"):
            expr = _TRUE
        elif "f" in spec:
            expr = self.leaf_filter(str(spec["f"]), str(spec.get("t", "content")), spec.get("v"))
        else:
            children = [self.spec_filter(c) for c in spec.get("ch", [])]
            expr = _or(children) if spec.get("op") == "OR" else _and(children)
        if spec.get("neg"):
            expr = self.negate(expr)
        return expr

    def negate(self, expr: str | None) -> str | None:
        """NOT: the documents the expression matches, excluded by id (Typesense has
        no NOT of a text condition). Bounded by NEGATION_LIMIT."""
        if expr is _TRUE:
            return _FALSE
        if expr == _FALSE:
            return _TRUE
        keys = []
        page = 1
        while True:
            found = self._search_one({"q": "*", "query_by": self.content_field_name, "filter_by": expr,
                                      "include_fields": KEY, "per_page": PAGE_MAX, "page": page})
            keys += [h["document"][KEY] for h in found.get("hits", [])]
            if len(keys) > NEGATION_LIMIT:
                raise SearchBackendError("A negated condition matches more than %d documents." % NEGATION_LIMIT)
            if page * PAGE_MAX >= found.get("found", 0):
                break
            page += 1
        if not keys:
            return _TRUE
        return "%s:!=[%s]" % (KEY, ",".join(_quote(k) for k in keys))

    def parse_spec(self, query_string):
        """haystack's query string (the query class's JSON; raw ``field:"value"`` or
        plain text from narrow/raw_search) as a spec dict."""
        text = query_string.strip() if isinstance(query_string, str) else ""
        if text in ("", "*:*", "*"):
            return {"all": True}
        if text.startswith("{"):
            try:
                return json.loads(text)
            except ValueError:
                pass
        m = NARROW_RE.match(text)
        if m and m.group(1) in self.kinds:
            value = m.group(2) if m.group(2) is not None else m.group(3)
            return {"f": m.group(1), "t": "exact", "v": value}
        return {"f": "content", "t": "content", "v": text}

    def plan(self, specs: list) -> tuple[dict | None, str | None]:
        """The ranked text condition (``q`` and ``query_by``) and the filter of
        everything else, from the AND of ``specs``."""
        parts: list = []

        def flatten(spec):
            if isinstance(spec, dict) and spec.get("op", "AND") == "AND" and not spec.get("neg") and "ch" in spec:
                for child in spec["ch"]:
                    flatten(child)
            else:
                parts.append(spec)

        for spec in specs:
            flatten(spec)
        ranked = None
        filters = []
        for part in parts:
            if (
                ranked is None
                and isinstance(part, dict)
                and "f" in part
                and not part.get("neg")
                and self._is_text(str(part["f"]), str(part.get("t", "content")))
                and isinstance(from_json(part.get("v")), str)
            ):
                ranked = self.ranked(str(part["f"]), from_json(part.get("v")))
                if ranked is None:
                    return None, _FALSE
                if "filter" in ranked:  # several clauses: their union, unranked
                    filters.append(ranked.pop("filter"))
                continue
            filters.append(self.spec_filter(part))
        return ranked, _and(filters)

    def ranked(self, field: str, text: str) -> dict | None:
        """Typesense's ``q``: all the tokens, ranked over the content fields. A
        query that search.expand turns into several clauses (official terms,
        pinyin, ...) is their OR, which one ``q`` cannot rank: it becomes a
        filter (the right documents and counts, in Typesense's order)."""
        name = self.index_fieldname(field)
        content = field == "content" or name == self.content_field_name
        if content:
            found = [c for c in clauses(text) if c.tokens]
            if len(found) > 1:
                union = self.text_filter("content", text)
                return None if union == _FALSE else {"q": "*", "query_by": self.content_field_name, "filter": union}
            tokens = list(dict.fromkeys(found[0].tokens)) if found else []
            if found and found[0].field != CONTENT:  # only a pinyin or initials clause
                content, name = False, found[0].field
        else:
            tokens = list(dict.fromkeys(query_tokens(plain(text))))
        if not tokens:
            return None
        if content:
            by = [((n or self.content_field_name), w) for n, w in CONTENT_FIELDS]
            by = [(n, w) for n, w in by if self.kinds.get(n) == "text"]
        elif self.kinds.get(name) == "text":
            by = [(name, 1.0)]
        else:
            return None
        return {
            "q": " ".join(tokens),
            "query_by": ",".join(n for n, _ in by),
            "query_by_weights": ",".join(str(max(1, round(w))) for _, w in by),
        }

    def _search_one(self, params: dict) -> dict:
        """One search through multi_search (a POST: long filters fit) on the collection."""
        params = {"collection": self.collection, "num_typos": 0, "prefix": False, "drop_tokens_threshold": 0,
                  "typo_tokens_threshold": 0, **params}
        answer = self.client.multi_search.perform({"searches": [params]}, {})
        result = answer["results"][0]
        if "error" in result:
            raise SearchBackendError("Typesense: %s (%s)" % (result["error"], result.get("code")))
        return result

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
        if not self.setup_complete:
            self.setup()
        specs = [self.parse_spec(query_string)] + [self.parse_spec(n) for n in narrow_queries or ()]
        ranked, expr = self.plan(specs)
        cts = self.model_cts(models, limit_to_registered_models)
        if cts is not None:
            expr = _and([expr, "%s:=[%s]" % (DJANGO_CT, ",".join(_quote(c) for c in cts)) if cts else _FALSE])
        if expr == _FALSE:
            return {"results": [], "hits": 0, "facets": {"fields": {}, "dates": {}, "queries": {}} if facets else {}}

        params: dict = dict(ranked or {"q": "*", "query_by": self.content_field_name})
        if expr is not _TRUE:
            params["filter_by"] = expr
        order = []
        for item in sort_by or ():
            name = item.lstrip("-")
            if self.kinds.get(name) in ("int", "float", "date") and len(order) < 3:
                order.append("%s:%s" % (name, "desc" if item.startswith("-") else "asc"))
        if order:
            params["sort_by"] = ",".join(order)
        params["include_fields"] = BLOB
        names = [n for n in facets or () if n in self.facet_fields]

        start = max(0, int(start_offset or 0))
        end = int(end_offset) if end_offset is not None else None
        pages = self._pages(start, end)
        hits: list = []
        found = 0
        raw_facets = []
        for i, (page, per_page) in enumerate(pages):
            p = dict(params, page=page, per_page=per_page)
            if i == 0 and names:
                p.update(facet_by=",".join(names), max_facet_values=FACET_LIMIT)
            answer = self._search_one(p)
            if i == 0:
                found = int(answer.get("found", 0))
                raw_facets = answer.get("facet_counts", [])
                if end is None:  # every hit: now the number is known
                    pages += self._pages(start, found)[1:] if found > PAGE_MAX else []
            page_hits = answer.get("hits", [])
            offset = (page - 1) * per_page
            hits += [(offset + k, h) for k, h in enumerate(page_hits)]
            if len(page_hits) < per_page:
                break
        hits = [h for k, h in hits if k >= start and (end is None or k < end)]

        terms = highlight_terms_of(query_string) if highlight else set()
        result = {"results": self._results(hits, terms, highlight, result_class, bool(order)), "hits": found}
        if facets:
            result["facets"] = {"fields": self._facets(raw_facets), "dates": {}, "queries": {}}
        if spelling_query:
            result["spelling_suggestion"] = None
        return result

    @staticmethod
    def _pages(start: int, end: int | None) -> list[tuple[int, int]]:
        """Typesense pages (page, per_page) that cover hits [start, end)."""
        if end is None:
            return [(1 + start // PAGE_MAX, PAGE_MAX)]
        size = end - start
        if size <= 0:
            return [(1, 0)]
        if size <= PAGE_MAX and start % size == 0:
            return [(start // size + 1, size)]
        return [(p + 1, PAGE_MAX) for p in range(start // PAGE_MAX, (end - 1) // PAGE_MAX + 1)]

    def _facets(self, raw) -> dict:
        return {
            entry.get("field_name"): facet_values(
                self.kinds.get(entry.get("field_name")),
                ((c.get("value"), c.get("count", 0)) for c in entry.get("counts", [])),
            )
            for entry in raw
        }

    def _results(self, hits, terms, want_highlight, result_class, ordered):
        stored = (
            (json.loads(raw), 0.0 if ordered else float(hit.get("text_match") or 0))
            for hit in hits
            if (raw := hit.get("document", {}).get(BLOB))
        )
        return self.stored_results(stored, terms, want_highlight, result_class)


class TypesenseSearchQuery(JsonSearchQuery):
    """The same JSON filter tree as the tantivy engine's (no query syntax)."""


class TypesenseEngine(BaseEngine):
    backend = TypesenseSearchBackend
    query = TypesenseSearchQuery
