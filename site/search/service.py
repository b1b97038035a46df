"""The public search of the cluster as one function: the HTML search page and
the JSON API both call :func:`run_search`, so they filter, rank and count alike
on every engine (haystack's SearchQuerySet is the only interface to the engine).
What is searched, and its facets, is what the apps registered (:mod:`search.registry`).
"""
from __future__ import annotations

import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from haystack.query import SearchQuerySet

from . import registry

MAX_QUERY = 200
MAX_PAGE = 500
PER_PAGE = 20
SORTS = ("relevance", "date")
YEARS = registry.YEARS


def filter_names() -> tuple[str, ...]:
    """The filters (and facets) of the search, in their order: the registered facets."""
    return registry.facet_names()


def content_types() -> dict[str, str]:
    return {t.name: t.label for t in registry.types()}


@dataclass
class SearchParams:
    q: str = ""
    selected: dict[str, str] = field(default_factory=dict)  # filter name -> value
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    too_long: bool = False
    errors: dict[str, str] = field(default_factory=dict)  # parameter -> localized message

    def filters(self) -> dict[str, str]:
        return {name: self.selected[name] for name in filter_names() if self.selected.get(name)}

    def __getattr__(self, name):
        # params.site, params.topic...: the registered filters read as attributes
        if name != "selected" and name in filter_names():
            return self.selected.get(name, "")
        raise AttributeError(name)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Hit:
    """One result. The fields every content type has are attributes; the
    registered ``hit_fields`` of its type (and their labels, ``<field>_label``)
    are in ``extra`` and read as attributes too ("" when a type has none)."""

    title: str
    url: str
    site: str
    site_name: str
    content_type: str
    snippet: str  # safe HTML: escaped text with <em> around matches
    date: date | None
    organisation: str
    organisation_name: str
    type: str
    type_label: str
    exact: bool = False
    lead: bool = False  # a licensing item (or another lead type) the query names
    meta_template: str = ""
    extra: dict = field(default_factory=dict)

    def get(self, name: str, default=None):
        value = self.extra.get(name)
        return default if value in (None, "") else value

    def __getattr__(self, name):
        if name.startswith("__") or name == "extra":
            raise AttributeError(name)
        return self.extra.get(name) or ""


@dataclass
class SearchResult:
    params: SearchParams
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    num_pages: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    searched: bool = False
    leads: list[Hit] = field(default_factory=list)  # also first in ``hits`` (after an exact match)
    did_you_mean: str = ""  # 您是不是要找: a better query, when this one found little
    by_sound: bool = False  # the hits include homophones of the query

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


class InvalidSearch(ValueError):
    """Parameters that cannot be used; ``errors`` maps a parameter to a
    localized message. ``params`` keeps what could be used."""

    def __init__(self, errors: dict[str, str], params: SearchParams):
        super().__init__("; ".join(errors.values()))
        self.errors = errors
        self.params = params


# --- labels ------------------------------------------------------------------
_LABELS: tuple[float, str, dict] | None = None
LABELS_TTL = 30.0  # seconds; labels of sites, organisations and topics rarely change


def _choices() -> dict[str, dict[str, str]]:
    """Known filter values and their labels (cached briefly per language)."""
    global _LABELS
    from django.utils.translation import get_language

    now, lang = time.monotonic(), get_language() or ""
    if _LABELS is not None and _LABELS[1] == lang and now - _LABELS[0] < LABELS_TTL:
        return _LABELS[2]
    labels = _load_choices()
    _LABELS = (now, lang, labels)
    return labels


def _load_choices() -> dict[str, dict[str, str]]:
    return {f.name: registry.choices(f.name) for f in registry.facets() if not f.numeric}


# the facets of every content type (registered in apps.SearchConfig.ready)
def content_type_choices() -> dict[str, str]:
    return {name: str(label) for name, label in content_types().items()}


def site_choices() -> dict[str, str]:
    from cluster.models import SiteProfile

    return {p.site.hostname: p.display_name for p in SiteProfile.objects.select_related("site")}


def organisation_choices() -> dict[str, str]:
    from cluster.models import Organisation

    return dict(Organisation.objects.values_list("code", "name"))


def clean_text(value: str) -> str:
    """User text without what can't be shown or searched (controls, lone
    surrogates, format characters other than Mongolian joiners)."""
    if not isinstance(value, str):
        return ""
    keep = {"\u200c", "\u200d", "\u180b", "\u180c", "\u180d", "\u180e", "\u180f", "\u202f"}
    out = []
    for ch in value:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or (cat == "Cf" and ch not in keep):
            out.append(" " if ch in "\t\r\n" else "")
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def parse_params(data: Mapping, *, strict: bool = False, per_page: int = PER_PAGE) -> SearchParams:
    """Search parameters from a query dict. Unknown filter values are dropped;
    with ``strict`` (the API) they raise :class:`InvalidSearch` instead."""
    raw_q = clean_text(str(data.get("q") or ""))
    params = SearchParams(q=raw_q[:MAX_QUERY].strip(), too_long=len(raw_q) > MAX_QUERY, per_page=per_page)
    errors: dict[str, str] = {}
    choices = _choices()
    for facet in registry.facets():
        name = facet.name
        value = clean_text(str(data.get(name) or ""))[:100]
        if not value:
            continue
        if facet.numeric:
            ok = value.isascii() and value.isdigit() and YEARS[0] <= int(value) <= YEARS[1]
        else:
            ok = value in choices[name]
        if ok:
            params.selected[name] = value
        else:
            errors[name] = _("筛选条件“%(value)s”无效。") % {"value": value[:40]}
    sort = str(data.get("sort") or "")
    if sort in SORTS:
        params.sort = sort
    elif sort:
        errors["sort"] = _("排序方式只能是 relevance 或 date。")
    if not params.q and not data.get("sort"):
        params.sort = "date"
    page = str(data.get("page") or "1")
    if page.isascii() and page.isdigit() and 1 <= int(page) <= MAX_PAGE:
        params.page = int(page)
    else:
        params.page = 1
        errors["page"] = _("页码必须是 1 到 %(max)d 之间的整数。") % {"max": MAX_PAGE}
    params.errors = errors
    if strict and errors:
        raise InvalidSearch(errors, params)
    return params


# --- the search ---------------------------------------------------------------
def _base_queryset(params: SearchParams, models=None) -> SearchQuerySet:
    # haystack's models() adds to the models already chosen: pick them once, here
    sqs = SearchQuerySet().models(*(models or registry.models()))
    facets = {f.name: f for f in registry.facets()}
    for name, value in params.filters().items():
        facet = facets[name]
        if facet.numeric:
            sqs = sqs.filter(**{facet.index_field: int(value)})
        else:  # value is one of the known codes, so it can be quoted as is
            sqs = sqs.narrow('%s_exact:"%s"' % (facet.index_field, value))
    return sqs


def _exact_matches(params: SearchParams) -> list:
    """The page whose key (a registered exact look-up: 索引号, 发文字号) is the query,
    however it was typed."""
    found = []
    for lookup in registry.exact_lookups():
        if not lookup.applies(params.q):
            continue
        key = lookup.key(params.q)
        base = _base_queryset(params)
        for fieldname in lookup.fields:  # facet-only fields: no "_exact" suffix
            found.extend(base.narrow('%s:"%s"' % (fieldname, key))[:5])
    return found


def _hit(result, labels: dict, exact: bool = False) -> Hit:
    from django.utils.html import escape

    get = lambda name: getattr(result, name, None) or ""  # noqa: E731
    snippet = ""
    highlighted = getattr(result, "highlighted", None) or {}
    if isinstance(highlighted, dict) and highlighted.get("text"):
        snippet = highlighted["text"][0] or ""
    if not snippet:
        summary = get("summary") or get("text")
        snippet = escape(summary[:160] + ("…" if len(summary) > 160 else ""))
    kind = get("kind")
    search_type = registry.get_type(get("content_type"))
    extra = {}
    for name in search_type.hit_fields if search_type else ():
        extra[name] = getattr(result, name, None)
    for name, value in list(extra.items()):
        if name in labels:  # a coded field: its label, and its name when the index lacks it
            extra.setdefault(name + "_label", labels[name].get(value or "", ""))
            if name + "_name" in extra and not extra[name + "_name"]:
                extra[name + "_name"] = labels[name].get(value or "", "")
    return Hit(
        title=get("title"),
        url=get("url"),
        site=get("site"),
        site_name=labels["site"].get(get("site"), get("site")),
        content_type=get("content_type"),
        snippet=snippet,
        date=getattr(result, "date", None),
        organisation=get("organisation"),
        organisation_name=get("organisation_name") or labels["organisation"].get(get("organisation"), ""),
        type=kind,
        type_label=labels.get("type", {}).get(kind, kind),
        exact=exact,
        meta_template=search_type.hit_template if search_type else "",
        extra=extra,
    )


FEW = 2  # a query that finds this many or fewer is searched by sound too, and offered a correction
LEADS = 3  # lead hits (licensing items) shown above the others at most


def _query(params: SearchParams, text: str, models=None) -> SearchQuerySet:
    sqs = _base_queryset(params, models)
    if text:
        sqs = sqs.auto_query(text).highlight()
    if params.sort == "date" or not text:
        sqs = sqs.order_by("-date")
    return sqs


def _page(sqs: SearchQuerySet, page: int, per_page: int):
    start = (page - 1) * per_page
    found = list(sqs[start : start + per_page])
    total = sqs.count()
    if not found and page > 1:  # past the end (Whoosh then counts 0): show the last page
        sqs = _unsliced(sqs)
        total = sqs.count()
        page = max(1, -(-total // per_page))
        sqs = _unsliced(sqs)
        start = (page - 1) * per_page
        found = list(sqs[start : start + per_page])
    return sqs, found, total, page


def run_search(params: SearchParams) -> SearchResult:
    """Search what the apps registered: text query (or browse by filters),
    facets with counts, sort, one page of hits with snippets; an exact
    索引号/发文字号 first, then lead hits (licensing items the query names),
    then the rest by relevance. A query that finds little is searched by its
    sound too (homophones) and gets a ``did_you_mean``."""
    from . import corrections, expand, querylog

    result = SearchResult(params=params)
    if not params.q and not params.filters():
        return result
    result.searched = True
    labels = _choices()
    per_page = params.per_page
    text = params.q
    sqs = _query(params, text)
    for facet in registry.facets():
        sqs = sqs.facet(facet.index_field)
    sqs, found, total, page = _page(sqs, params.page, per_page)
    few = bool(params.q) and total <= FEW
    if few and corrections.has_han(params.q):
        sounded = _query(params, expand.fuzzy(params.q))
        for facet in registry.facets():
            sounded = sounded.facet(facet.index_field)
        s2, found2, total2, page2 = _page(sounded, params.page, per_page)
        if total2 > total:
            text, sqs, found, total, page = expand.fuzzy(params.q), s2, found2, total2, page2
            result.by_sound = True
    num_pages = max(1, -(-total // per_page)) if total else 0
    counts = sqs.facet_counts().get("fields", {}) if total else {}

    hits = [_hit(r, labels) for r in found]
    ids = [_key(r) for r in found]
    if page == 1 and params.q:
        exact = _exact_matches(params)
        if exact:
            exact_ids = {_key(r) for r in exact}
            keep = [(i, h) for i, h in zip(ids, hits, strict=True) if i not in exact_ids]
            hits = [_hit(r, labels, exact=True) for r in exact] + [h for _, h in keep]
            ids = [_key(r) for r in exact] + [i for i, _ in keep]
        if few:
            result.did_you_mean = corrections.did_you_mean(params.q, hits)
        leads = _leads(params, text, labels, result.did_you_mean)
        if leads:
            lead_ids = {i for i, _ in leads}
            rest = [(i, h) for i, h in zip(ids, hits, strict=True) if i not in lead_ids]
            exact_first = [(i, h) for i, h in rest if h.exact]
            others = [(i, h) for i, h in rest if not h.exact]
            ordered = exact_first + leads + others
            hits = [h for _, h in ordered][:per_page]
            result.leads = [h for _, h in leads]
        if total:
            querylog.record(params.q)
    result.hits = hits
    result.total = total
    result.page = page
    result.num_pages = num_pages
    result.facets = _facets(counts, params, labels)
    return result


def _key(r) -> str:
    """A hit's identity across the page, the exact look-up and the leads (haystack's
    results carry no ``id`` attribute on every engine; app, model and pk always)."""
    return f"{r.app_label}.{r.model_name}.{r.pk}"


def _leads(params: SearchParams, text: str, labels: dict, did_you_mean: str) -> list:
    """Hits of the lead types (licensing items: their guide and apply link) that
    the query names: their name holds the query, one of its official terms,
    its correction, or sounds like its pinyin."""
    from . import corrections

    lead_models = [m for t in registry.types() if t.lead for m in t.models]
    wanted = params.selected.get("content_type")
    if not lead_models or (wanted and not (registry.get_type(wanted) and registry.get_type(wanted).lead)):
        return []
    targets = corrections.lead_targets(params.q, did_you_mean)
    if not targets:
        return []
    out = []
    for r in _query(params, text, models=lead_models)[: LEADS * 3]:
        if corrections.names(r, targets):
            hit = _hit(r, labels)
            hit.lead = True
            out.append((_key(r), hit))
        if len(out) >= LEADS:
            break
    return out


def _unsliced(sqs: SearchQuerySet) -> SearchQuerySet:
    clone = sqs._clone()  # a clone keeps the slice's offsets: drop them
    clone.query.clear_limits()
    clone.query._reset()
    return clone


def _facets(counts: dict, params: SearchParams, labels: dict) -> dict[str, list[FacetValue]]:
    out: dict[str, list[FacetValue]] = {}
    for facet in registry.facets():
        name = facet.name
        values = []
        for value, count in counts.get(facet.index_field, []):
            if value in (None, "") or not count:
                continue
            value = str(value)
            label = value if facet.numeric else labels[name].get(value, value)
            values.append(FacetValue(value, label, int(count), selected=params.selected.get(name) == value))
        if facet.numeric:
            values.sort(key=lambda v: v.value, reverse=True)
        out[name] = values
    return out
