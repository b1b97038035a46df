"""Read-only JSON API of the disclosure library (published documents only).

django-ninja operations over the same service as the cluster's search page
(:func:`search.service.run_search`); its filters, facets and content types are
the ones the apps registered (:mod:`search.registry`). The OpenAPI document at
``/api/v1/openapi.json`` is generated from the declarations below, so it cannot
drift from the code: each parameter's type, enum and bounds are the ones its
validator applies, and each response model is what the view is checked against.
Every path under ``/api/`` answers errors as JSON with a localized message
(400, 404, 405, 429, 500) and is rate-limited per client address.
"""
import logging
import re
from datetime import date
from functools import wraps
from typing import Annotated, Literal

from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer
from pydantic import AfterValidator, BeforeValidator, create_model
from pydantic_core import PydanticCustomError

from formguard.abuse import over_limit
from search import registry
from search.service import (
    MAX_PAGE,
    MAX_QUERY,
    SORTS,
    YEARS,
    InvalidSearch,
    content_types,
    filter_names,
    parse_params,
    run_search,
)
from search.service import _choices as filter_choices

from .service import get_document

logger = logging.getLogger("django.request")

API_RATE = "120/m"
JSON_OPTIONS = {"ensure_ascii": False}
ErrorCode = Literal["invalid_parameter", "not_found", "method_not_allowed", "rate_limited", "server_error"]
# from the registry, which is complete once the apps are ready (before any URL is resolved)
FilterName = Literal[filter_names()]
Sort = Literal[SORTS]
ContentType = Literal[tuple(content_types())]


# --- errors ------------------------------------------------------------------
def error(status: int, code: str, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message, **extra}}, status=status, json_dumps_params=JSON_OPTIONS)


def _bad_value(name: str, value) -> str:
    """The localized message the search service gives for the same mistake."""
    if name == "page":
        return _("页码必须是 1 到 %(max)d 之间的整数。") % {"max": MAX_PAGE}
    if name == "sort":
        return _("排序方式只能是 relevance 或 date。")
    return _("筛选条件“%(value)s”无效。") % {"value": str(value)[:40]}


# --- parameters ----------------------------------------------------------------
def _known(name: str):
    """A filter whose values are the current codes of the library (sites,
    organisations, topics, types...): checked and declared from one list."""

    def check(value: str) -> str:
        if value not in filter_choices()[name]:
            raise PydanticCustomError("unknown_value", "unknown value")
        return value

    def declare(schema: dict) -> None:
        # filled in each time the description is served, so new codes appear
        schema["enum"] = sorted(filter_choices()[name])

    return Annotated[str, AfterValidator(check), Field(json_schema_extra=declare)]


def _canonical_integer(value):
    # Query strings only: "2026" yes; " 2026", "+2026", "02026", "2026.0" no,
    # so that what the schema calls an integer is exactly what is accepted.
    if isinstance(value, str) and not re.fullmatch(r"[1-9][0-9]{0,5}", value):
        raise PydanticCustomError("not_an_integer", "not an integer")
    return value


Integer = BeforeValidator(_canonical_integer)


def _filter_field(facet: registry.Facet):
    if facet.numeric:
        return (Annotated[int, Integer], Field(None, ge=YEARS[0], le=YEARS[1], description=facet.description))
    return (_known(facet.name), Field(None, description=facet.description))


# q, one parameter per registered facet, sort and page
SearchQuery = create_model(
    "SearchQuery",
    __base__=Schema,
    q=(str, Field(
        "",
        description=f"search words (cut to {MAX_QUERY} characters); an index number or document number finds its document first",
        examples=["政务公开"],
    )),
    **{facet.name: _filter_field(facet) for facet in registry.facets()},
    sort=(Sort, Field(None, description="relevance (the default with words) or date (the default without)")),
    page=(Annotated[int, Integer], Field(1, ge=1, le=MAX_PAGE)),
)


# --- responses -----------------------------------------------------------------
class ErrorBody(Schema):
    code: ErrorCode
    message: str = Field(description="localized message")
    fields: dict[str, str] = Field({}, description="rejected parameter -> localized message")


class Error(Schema):
    error: ErrorBody


class Coded(Schema):
    code: str
    name: str


class Hit(Schema):
    title: str
    url: str
    site: str
    content_type: ContentType
    index_number: str | None
    doc_number: str | None
    organisation: Coded | None
    topic: Coded | None
    type: str | None
    validity: str | None
    publish_date: date | None
    written_date: date | None
    snippet_html: str = Field(description="escaped text with <em> around matches")
    exact_match: bool
    lead: bool = Field(False, description="an item the query names (a licensing item): listed first, after an exact match")
    apply_url: str | None = Field(None, description="where to apply online, for a lead item")


class FacetValue(Schema):
    value: str
    label: str
    count: int


# one list per registered facet; empty lists when nothing was searched (no words, no filter)
Facets = create_model("Facets", __base__=Schema, **{name: (list[FacetValue], []) for name in filter_names()})


class SearchResponse(Schema):
    query: str
    query_truncated: bool
    filters: dict[FilterName, str]
    sort: Sort
    count: int
    page: int
    num_pages: int
    per_page: int
    results: list[Hit]
    facets: Facets
    did_you_mean: str | None = Field(None, description="a better query (您是不是要找) when this one found little")


class Attachment(Schema):
    title: str
    url: str


class Document(Schema):
    title: str
    url: str
    index_number: str
    doc_number: str | None
    organisation: Coded
    topic: Coded | None
    type: str
    validity: str
    validity_date: date | None
    written_date: date | None
    publish_date: date | None
    keywords: str | None
    summary: str | None
    interprets: str | None = Field(description="index number of the policy this document interprets")
    attachments: list[Attachment]


ERRORS = {429: Error, 500: Error}


# --- the API -------------------------------------------------------------------
class Renderer(JSONRenderer):
    json_dumps_params = JSON_OPTIONS


class DisclosureAPI(NinjaAPI):
    def root(self) -> str:
        return reverse(f"{self.urls_namespace}:api-root").rstrip("/")

    def document_for(self, server_url: str) -> dict:
        # paths relative to the server, as clients and fuzzers expect
        schema = self.get_openapi_schema(path_prefix="")
        schema["servers"] = [{"url": server_url}]
        for item in schema["paths"].values():
            for operation in item.values():
                for parameter in operation.get("parameters", []):
                    # ninja copies the JSON Schema list to the parameter, where
                    # OpenAPI wants a map; the list stays in the parameter's schema
                    if isinstance(parameter.get("examples"), list):
                        del parameter["examples"]
        return schema

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = guarded(pattern.callback)
        return patterns, app_name, namespace


api = DisclosureAPI(
    title="政府信息公开 API",
    version="1.0.0",
    description="Read-only search and look-up of the cluster's published documents.",
    urls_namespace="disclosure_api:v1",
    openapi_url=None,  # served by the operation below, which is also described
    docs_url=None,
    renderer=Renderer(),
)


def guarded(view):
    """Rate limit and JSON errors for every view under /api/, including
    ninja's own method dispatch (405) and its root."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "HEAD":  # answered as GET; the server drops the body
            request.method = "GET"
        if request.method == "GET" and over_limit(request, "disclosure-api", rate=API_RATE):
            return error(429, "rate_limited", _("请求过于频繁，请稍后再试。"))
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return not_found(request)
        if response.status_code == 405:
            allow = response.get("Allow", "GET")
            response = error(405, "method_not_allowed", _("只支持 GET 请求。"))
            response["Allow"] = allow + ", HEAD" if "GET" in allow and "HEAD" not in allow else allow
        return response

    # read-only and cookie-free: an unsafe method gets its JSON 404/405, not the CSRF page
    wrapped.csrf_exempt = True
    return wrapped


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc: ValidationError):
    fields = {}
    for item in exc.errors:
        name = str(item["loc"][-1])
        fields[name] = _bad_value(name, request.GET.get(name, ""))
    return error(400, "invalid_parameter", _("请求参数有误。"), fields=fields)


@api.exception_handler(Http404)
def missing(request, exc):
    return not_found(request)


@api.exception_handler(Exception)
def server_error(request, exc):
    logger.error("Internal Server Error: %s", request.path, exc_info=exc, extra={"status_code": 500, "request": request})
    return error(500, "server_error", _("服务器内部错误，请稍后再试。"))


def hit_json(hit) -> dict:
    return {
        "title": hit.title,
        "url": hit.url,
        "site": hit.site,
        "content_type": hit.content_type,
        "index_number": hit.get("index_number"),
        "doc_number": hit.get("doc_number"),
        "organisation": {"code": hit.organisation, "name": hit.organisation_name} if hit.organisation else None,
        "topic": {"code": hit.topic, "name": hit.topic_name} if hit.get("topic") else None,
        "type": hit.type or None,
        "validity": hit.get("validity"),
        "publish_date": hit.date,
        "written_date": hit.get("written_date"),
        "snippet_html": hit.snippet,
        "exact_match": hit.exact,
        "lead": hit.lead,
        "apply_url": hit.get("apply_url"),
    }


@api.get(
    "/search/",
    operation_id="search",
    summary="Search published pages and disclosure documents",
    response={200: SearchResponse, 400: Error, **ERRORS},
)
def search(request, query: Query[SearchQuery]):
    # the declared types are checked; the service still has the last word
    try:
        params = parse_params(query.model_dump(exclude_none=True), strict=True)
    except InvalidSearch as exc:
        return error(400, "invalid_parameter", _("请求参数有误。"), fields=exc.errors)
    result = run_search(params)
    return {
        "query": params.q,
        "query_truncated": params.too_long,
        "filters": params.filters(),
        "sort": params.sort,
        "count": result.total,
        "page": result.page,
        "num_pages": result.num_pages,
        "per_page": params.per_page,
        "results": [hit_json(h) for h in result.hits],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in result.facets.items()
        },
        "did_you_mean": result.did_you_mean or None,
    }


class NewestNumbers:
    """Real index numbers as the parameter's examples, so that a client (or a
    fuzzer) reading the description can reach a document."""

    def __get_pydantic_json_schema__(self, core_schema, handler):
        from disclosure.models import DisclosureDocumentPage

        schema = handler(core_schema)
        docs = DisclosureDocumentPage.objects.live().public().exclude(index_number="").order_by("-pk")
        schema["examples"] = list(docs.values_list("index_number", flat=True)[:3])
        return schema


@api.get(
    "/documents/{path:index_number}",
    operation_id="getDocument",
    summary="One published disclosure document by its index number (索引号)",
    response={200: Document, 404: Error, **ERRORS},
)
def document(
    request,
    index_number: Annotated[str, NewestNumbers()] = Path(..., description="the index number; its '/' may be sent as is or as %2F"),
):
    page = get_document(index_number)
    if page is None:
        return document_not_found(index_number)
    org = page.organisation
    return {
        "title": page.title,
        "url": page.full_url,
        "index_number": page.index_number,
        "doc_number": page.doc_number or None,
        "organisation": {"code": org.code, "name": org.name},
        "topic": {"code": page.topic.code, "name": page.topic.name} if page.topic_id else None,
        "type": page.doc_type,
        "validity": page.validity,
        "validity_date": page.validity_date,
        "written_date": page.written_date,
        "publish_date": page.publish_date,
        "keywords": page.keywords or None,
        "summary": page.summary or None,
        "interprets": page.interprets.index_number if page.interprets_id and page.interprets.live else None,
        "attachments": [
            {"title": a.display_title, "url": request.build_absolute_uri(a.document.url)}
            for a in page.attachments.select_related("document")
            if getattr(a, "document", None) is not None
        ],
    }


@api.get(
    "/openapi.json",
    operation_id="openapi",
    summary="This description (OpenAPI 3.1)",
    response={200: dict, **ERRORS},
)
def openapi(request):
    return api.document_for(request.build_absolute_uri(api.root()))


def openapi_document(server_url: str = "/api/v1") -> dict:
    """The API's description, generated from the operations above."""
    return api.document_for(server_url)


def document_not_found(index_number: str) -> JsonResponse:
    return error(404, "not_found", _("没有找到索引号为“%(number)s”的公开信息。") % {"number": index_number[:64]})


def not_found(request, rest: str = "") -> JsonResponse:
    # a document path the route could not take (a line break in it, no number)
    if rest.startswith("v1/documents/"):
        return document_not_found(rest.removeprefix("v1/documents/"))
    return error(404, "not_found", _("没有这个接口。"))
