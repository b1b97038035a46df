"""What the backends share, so they rank, filter and answer alike.

* Ranking constants (every engine): title above 发文字号 above body, exact
  phrases above scattered characters.
* For the engines fed pre-analysed tokens (tantivy, Typesense): the value
  helpers (dates as sortable integers, the stored JSON blob), the query class
  that hands haystack's filter tree over as JSON (user text never reaches a
  query parser), the field kinds read from the haystack indexes, and a base
  backend for what follows from them: field names, the registered models,
  results rebuilt from the stored blob, sorted facet counts.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from haystack.backends import BaseSearchBackend, BaseSearchQuery, SearchNode, log_query
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError
from haystack.inputs import BaseInput
from haystack.models import SearchResult
from haystack.utils import get_model_ct
from haystack.utils.app_loading import haystack_get_model

from .expand import highlight_terms
from .highlighting import highlight

log = logging.getLogger("search")

# (index field name, boost) tried for a whole-document ("content") search;
# None stands for the document field (``text``).
CONTENT_FIELDS = (("title", 8.0), ("doc_number", 4.0), (None, 1.0))
PHRASE_BOOST = 3.0
TEXT_FILTERS = {"content", "contains", "startswith", "endswith", "fuzzy", "exact"}
# a raw ``field:"value"`` (narrow, raw_search)
NARROW_RE = re.compile(r'^\s*(\w+)\s*:\s*(?:"(.*)"|(\S+))\s*$', re.S)


# --- values ---------------------------------------------------------------
def date_key(value) -> int | None:
    """Dates and datetimes as sortable integers YYYYMMDDhhmmss."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return int(value.strftime("%Y%m%d%H%M%S"))
    if isinstance(value, dt.date):
        return int(value.strftime("%Y%m%d")) * 1000000
    return None


def jsonable(value):
    if isinstance(value, BaseInput):
        return value.query_string
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def from_json(value):
    if isinstance(value, dict):
        if "$dt" in value:
            return dt.datetime.fromisoformat(value["$dt"])
        if "$d" in value:
            return dt.date.fromisoformat(value["$d"])
    if isinstance(value, list):
        return [from_json(v) for v in value]
    return value


def highlight_terms_of(query_string) -> set[str]:
    """The words to mark in snippets: every text condition of the query."""
    terms: set[str] = set()

    def walk(spec):
        if not isinstance(spec, dict):
            return
        if "f" in spec and spec.get("t", "content") in TEXT_FILTERS:
            value = spec.get("v")
            if isinstance(value, str):
                terms.update(highlight_terms(value))
        for child in spec.get("ch", []):
            walk(child)

    if isinstance(query_string, str) and query_string.strip().startswith("{"):
        try:
            walk(json.loads(query_string))
        except ValueError:
            pass
    elif isinstance(query_string, str):
        terms.update(highlight_terms(query_string))
    return terms


def field_kinds(fields, id_kind: str = "exact") -> tuple[str, dict[str, str], set[str], set[str]]:
    """(document field name, kind of each index field, stored fields, multivalued
    fields) of haystack's search fields. Kinds: text (analysed tokens), exact
    (facet strings), int, float, date; ``id_kind`` for haystack's id."""
    kinds: dict[str, str] = {ID: id_kind, DJANGO_CT: "exact", DJANGO_ID: "exact"}
    stored: set[str] = {ID, DJANGO_CT, DJANGO_ID}
    multi: set[str] = set()
    content_field_name = ""
    for field in fields.values():
        name = field.index_fieldname
        if field.document:
            content_field_name = name
        if field.stored:
            stored.add(name)
        if getattr(field, "is_multivalued", False):
            multi.add(name)
        ft = field.field_type
        facet = field.__class__.__name__.startswith("Facet")
        if ft in ("integer", "boolean"):
            kinds[name] = "int"
        elif ft == "float":
            kinds[name] = "float"
        elif ft in ("date", "datetime"):
            kinds[name] = "date"
        elif ft == "location":
            continue
        elif facet:
            kinds[name] = "exact"
        elif field.indexed:
            kinds[name] = "text"
    return content_field_name, kinds, stored, multi


def facet_values(kind: str | None, pairs: Iterable[tuple]) -> list[tuple]:
    """(value, count) of one facet, most frequent first; numbers and dates as int."""
    values = []
    for value, count in pairs:
        if kind in ("int", "date"):
            try:
                value = int(value)
            except (TypeError, ValueError):
                continue
        values.append((value, int(count)))
    return sorted(values, key=lambda kv: (-kv[1], str(kv[0])))


# --- the query class -------------------------------------------------------
class JsonSearchQuery(BaseSearchQuery):
    """Haystack's filter tree as JSON for the backend (no query syntax)."""

    def build_query(self):
        spec = self._node(self.query_filter)
        if spec is None:
            spec = {"all": True}
        return json.dumps(spec, ensure_ascii=False, sort_keys=True)

    def _node(self, node):
        children = []
        for child in node.children:
            if isinstance(child, SearchNode):
                sub = self._node(child)
                if sub is not None:
                    children.append(sub)
            else:
                expression, value = child
                field, filter_type = node.split_expression(expression)
                children.append({"f": field, "t": filter_type, "v": jsonable(value)})
        if not children:
            return None
        if len(children) == 1 and not node.negated:
            return children[0]
        return {"op": node.connector, "neg": bool(node.negated), "ch": children}

    def build_query_fragment(self, field, filter_type, value):
        return json.dumps({"f": field, "t": filter_type, "v": jsonable(value)}, ensure_ascii=False)

    def matching_all_fragment(self):
        return json.dumps({"all": True})

    def clean(self, query_fragment):
        return query_fragment


# --- the backend's shared part ---------------------------------------------
class TokenSearchBackend(BaseSearchBackend):
    """A backend searching the shared analysis's tokens; subclasses set
    ``engine`` (for messages), ``content_field_name`` and ``kinds`` and
    implement ``_search``."""

    engine = "search"
    content_field_name = ""
    kinds: dict[str, str] = {}

    @log_query
    def search(self, query_string, **kwargs):
        try:
            return self._search(query_string, **kwargs)
        except SearchBackendError:
            raise
        except Exception:
            if not self.silently_fail:
                raise
            log.exception("%s search failed", self.engine)
            return {"results": [], "hits": 0}

    def _search(self, query_string, **kwargs):  # pragma: no cover - every engine has its own
        raise NotImplementedError

    def index_fieldname(self, field: str) -> str:
        """The index field of a haystack field name ("content" stays itself)."""
        if field == "content":
            return field
        from haystack import connections

        try:
            return connections[self.connection_alias].get_unified_index().get_index_fieldname(field)
        except Exception:
            return field

    def model_cts(self, models, limit_to_registered_models) -> list[str] | None:
        """The content types a search is limited to (None: any)."""
        if models:
            return sorted(get_model_ct(m) for m in models)
        limit = limit_to_registered_models
        if limit is None:
            limit = getattr(settings, "HAYSTACK_LIMIT_TO_REGISTERED_MODELS", True)
        return self.build_models_list() if limit else None

    def stored_results(self, hits: Iterable[tuple[dict, float]], terms: set[str], want_highlight: bool,
                       result_class=None) -> list:
        """haystack results from the stored blobs of the hits, (blob, score)
        each; hits of models no longer indexed are left out."""
        from haystack import connections

        unified_index = connections[self.connection_alias].get_unified_index()
        indexed_models = unified_index.get_indexed_models()
        result_class = result_class or SearchResult
        results = []
        for stored, score in hits:
            app_label, model_name = stored[DJANGO_CT].split(".")
            model = haystack_get_model(app_label, model_name)
            if not model or model not in indexed_models:
                continue
            index = unified_index.get_index(model)
            extra = {}
            for key, value in stored.items():
                if key in (ID, DJANGO_CT, DJANGO_ID):
                    continue
                value = from_json(value)
                field = index.fields.get(key)
                if field is not None and hasattr(field, "convert"):
                    value = field.convert(value)
                extra[key] = value
            if want_highlight:
                text = stored.get(self.content_field_name) or ""
                extra["highlighted"] = {self.content_field_name: [highlight(text, terms)]}
            results.append(result_class(app_label, model_name, stored[DJANGO_ID], score, **extra))
        return results

    def more_like_this(self, model_instance, additional_query_string=None, **kwargs):
        raise NotImplementedError(
            "more_like_this is not offered by the %s engine: the public search does not use it." % self.engine
        )

    def prep_value(self, value):
        return value
