"""What the cluster-wide search searches, as the apps declare it.

Each app registers its content types in its own ``search_indexes.py`` (the
module haystack reads for its indexes; :class:`search.apps.SearchConfig`
imports every app's at start-up, so the registry is complete before the first
request). A type names its models, its label, the facets it brings and the
stored fields its hits carry; the search service, the search page and the JSON
API build their filters, facets, enums and hits from here, so a new domain is
searchable without touching ``site/``.

A facet registered by several types (``type``: article kinds and document
types) is one facet whose values are the union of theirs.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

Choices = Callable[[], Mapping[str, str]]


@dataclass(frozen=True)
class Facet:
    name: str  # the parameter of the page and the API, and the facet's key
    label: str  # usually lazy: the facet's title on the search page
    field: str = ""  # the index field, when it is not ``name``
    choices: Choices | None = None  # known values -> labels; None for a year
    numeric: bool = False  # a year: any integer between YEARS, not a code
    description: str = ""  # the API parameter's description
    order: int = 100  # place on the search page and in the API

    @property
    def index_field(self) -> str:
        return self.field or self.name


@dataclass(frozen=True)
class ExactLookup:
    """A query that is a key (索引号, 发文字号) finds its page first: ``applies``
    tells such a query, ``key`` normalises it, ``fields`` are facet-only index
    fields holding each page's keys."""

    applies: Callable[[str], bool]
    key: Callable[[str], str]
    fields: tuple[str, ...]


@dataclass(frozen=True)
class SearchType:
    name: str  # the value of the ``content_type`` index field
    label: str
    models: tuple = ()  # the page (or snippet) models indexed under this type
    facets: tuple[Facet, ...] = ()
    hit_fields: tuple[str, ...] = ()  # stored index fields shown with a hit
    hit_template: str = ""  # the hit's meta line on the search page (site and date if empty)
    exact: ExactLookup | None = None
    order: int = 100
    # items a citizen can act on (办事 items): shown above documents when the
    # query names one (开饭店 -> the 食品经营许可 guide and its apply link)
    lead: bool = False


YEARS = (1900, 2100)

_types: dict[str, SearchType] = {}
_facets: dict[str, list[Facet]] = {}
_exact: list[ExactLookup] = []


def register(search_type: SearchType) -> SearchType:
    """Register (or, on a second import, replace) a content type."""
    _types[search_type.name] = search_type
    for facet in search_type.facets:
        register_facet(facet)
    if search_type.exact is not None and search_type.exact not in _exact:
        _exact.append(search_type.exact)
    return search_type


def register_facet(facet: Facet) -> Facet:
    same = _facets.setdefault(facet.name, [])
    if facet not in same:
        same.append(facet)
    return facet


def types() -> list[SearchType]:
    return sorted(_types.values(), key=lambda t: (t.order, t.name))


def get_type(name: str) -> SearchType | None:
    return _types.get(name)


def models() -> list:
    return [model for t in types() for model in t.models]


def facets() -> list[Facet]:
    """One facet per name (the first registration's label and order)."""
    return sorted((same[0] for same in _facets.values()), key=lambda f: (f.order, f.name))


def facet_names() -> tuple[str, ...]:
    return tuple(f.name for f in facets())


def choices(name: str) -> dict[str, str]:
    """Every known value of a facet and its label, over all who registered it."""
    merged: dict[str, str] = {}
    for facet in _facets.get(name, []):
        if facet.choices is not None:
            merged.update({str(k): str(v) for k, v in facet.choices().items()})
    return merged


def exact_lookups() -> list[ExactLookup]:
    return list(_exact)

