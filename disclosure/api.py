"""Read-only JSON API of the disclosure library (published documents only).

Plain Django views over the same service as the search page
(:func:`disclosure.search.service.run_search`); errors are JSON with a
localized message; every endpoint is rate-limited per client address.
"""
from __future__ import annotations

from functools import wraps

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

from disclosure.search.service import (
    FILTERS,
    MAX_PAGE,
    MAX_QUERY,
    SORTS,
    InvalidSearch,
    get_document,
    parse_params,
    run_search,
)

API_RATE = "120/m"
JSON_OPTIONS = {"ensure_ascii": False}


def error(status: int, code: str, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message, **extra}}, status=status, json_dumps_params=JSON_OPTIONS)


def api_view(view):
    """GET only, rate-limited, JSON errors."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = error(405, "method_not_allowed", _("只支持 GET 请求。"))
            response["Allow"] = "GET, HEAD"
            return response
        if is_ratelimited(request, group="disclosure-api", key="ip", rate=API_RATE, method=ALL, increment=True):
            return error(429, "rate_limited", _("请求过于频繁，请稍后再试。"))
        return view(request, *args, **kwargs)

    return wrapped


def _date(value):
    return value.isoformat() if value else None


def hit_json(hit) -> dict:
    return {
        "title": hit.title,
        "url": hit.url,
        "site": hit.site,
        "content_type": hit.content_type,
        "index_number": hit.index_number or None,
        "doc_number": hit.doc_number or None,
        "organisation": {"code": hit.organisation, "name": hit.organisation_name} if hit.organisation else None,
        "topic": {"code": hit.topic, "name": hit.topic_name} if hit.topic else None,
        "type": hit.type or None,
        "validity": hit.validity or None,
        "publish_date": _date(hit.date),
        "written_date": _date(hit.written_date),
        "snippet_html": hit.snippet,
        "exact_match": hit.exact,
    }


@api_view
def search(request):
    try:
        params = parse_params(request.GET, strict=True)
    except InvalidSearch as exc:
        return error(400, "invalid_parameter", _("请求参数有误。"), fields=exc.errors)
    result = run_search(params)
    body = {
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
    }
    return JsonResponse(body, json_dumps_params=JSON_OPTIONS)


@api_view
def document(request, index_number: str):
    page = get_document(index_number)
    if page is None:
        return error(404, "not_found", _("没有找到索引号为“%(number)s”的公开信息。") % {"number": index_number[:64]})
    org = page.organisation
    body = {
        "title": page.title,
        "url": page.full_url,
        "index_number": page.index_number,
        "doc_number": page.doc_number or None,
        "organisation": {"code": org.code, "name": org.name},
        "topic": {"code": page.topic.code, "name": page.topic.name} if page.topic_id else None,
        "type": page.doc_type,
        "validity": page.validity,
        "validity_date": _date(page.validity_date),
        "written_date": _date(page.written_date),
        "publish_date": _date(page.publish_date),
        "keywords": page.keywords or None,
        "summary": page.summary or None,
        "interprets": page.interprets.index_number if page.interprets_id and page.interprets.live else None,
        "attachments": [
            {"title": a.display_title, "url": request.build_absolute_uri(a.document.url)}
            for a in page.attachments.select_related("document")
            if getattr(a, "document", None) is not None
        ],
    }
    return JsonResponse(body, json_dumps_params=JSON_OPTIONS)


@api_view
def not_found(request, rest=""):
    return error(404, "not_found", _("没有这个接口。"))


@api_view
def openapi(request):
    return JsonResponse(openapi_document(request.build_absolute_uri("/api/v1")), json_dumps_params=JSON_OPTIONS)


# --- OpenAPI 3.1 ---------------------------------------------------------------
def openapi_document(server_url: str = "/api/v1") -> dict:
    """The API's description, built here so it cannot drift from the code."""
    string = {"type": "string"}
    nullable_string = {"type": ["string", "null"]}
    coded = {
        "type": ["object", "null"],
        "properties": {"code": string, "name": string},
        "required": ["code", "name"],
    }
    filter_help = {
        "site": "host name of a site, e.g. fgw.localhost",
        "content_type": "article, disclosure or section",
        "organisation": "organisation code (18-character unified social credit code)",
        "topic": "topic code",
        "type": "document type (体裁), e.g. notice, regulation",
        "validity": "valid, expired or repealed",
        "year": "year of publication",
    }
    parameters = [
        {"name": "q", "in": "query", "required": False, "description": "search words (cut to %d characters); "
         "an index number or document number finds its document first" % MAX_QUERY, "schema": string},
        *[
            {"name": name, "in": "query", "required": False, "description": filter_help[name],
             "schema": {"type": "integer", "minimum": 1900, "maximum": 2100} if name == "year" else string}
            for name in FILTERS
        ],
        {"name": "sort", "in": "query", "required": False, "schema": {"type": "string", "enum": list(SORTS)}},
        {"name": "page", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}},
    ]
    error_schema = {
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {
                    "code": string,
                    "message": {"type": "string", "description": "localized message"},
                    "fields": {"type": "object", "additionalProperties": string},
                },
                "required": ["code", "message"],
            }
        },
        "required": ["error"],
    }
    hit = {
        "type": "object",
        "properties": {
            "title": string,
            "url": {"type": "string", "format": "uri"},
            "site": string,
            "content_type": string,
            "index_number": nullable_string,
            "doc_number": nullable_string,
            "organisation": {"$ref": "#/components/schemas/Coded"},
            "topic": {"$ref": "#/components/schemas/Coded"},
            "type": nullable_string,
            "validity": nullable_string,
            "publish_date": {"type": ["string", "null"], "format": "date"},
            "written_date": {"type": ["string", "null"], "format": "date"},
            "snippet_html": {"type": "string", "description": "escaped text with <em> around matches"},
            "exact_match": {"type": "boolean"},
        },
        "required": ["title", "url", "site", "content_type", "snippet_html"],
    }
    facet_value = {
        "type": "object",
        "properties": {"value": string, "label": string, "count": {"type": "integer"}},
        "required": ["value", "label", "count"],
    }
    search_response = {
        "type": "object",
        "properties": {
            "query": string,
            "query_truncated": {"type": "boolean"},
            "filters": {"type": "object", "additionalProperties": string},
            "sort": {"type": "string", "enum": list(SORTS)},
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "num_pages": {"type": "integer"},
            "per_page": {"type": "integer"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "facets": {
                "type": "object",
                "properties": {name: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}} for name in FILTERS},
            },
        },
        "required": ["query", "count", "page", "num_pages", "results", "facets"],
    }
    document_schema = {
        "type": "object",
        "properties": {
            "title": string,
            "url": {"type": "string", "format": "uri"},
            "index_number": string,
            "doc_number": nullable_string,
            "organisation": {"$ref": "#/components/schemas/Coded"},
            "topic": {"$ref": "#/components/schemas/Coded"},
            "type": string,
            "validity": string,
            "validity_date": {"type": ["string", "null"], "format": "date"},
            "written_date": {"type": ["string", "null"], "format": "date"},
            "publish_date": {"type": ["string", "null"], "format": "date"},
            "keywords": nullable_string,
            "summary": nullable_string,
            "interprets": nullable_string,
            "attachments": {
                "type": "array",
                "items": {"type": "object", "properties": {"title": string, "url": string}, "required": ["title", "url"]},
            },
        },
        "required": ["title", "url", "index_number", "organisation", "type", "validity", "publish_date"],
    }

    def err(description):
        return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "政府信息公开 API",
            "version": "1.0.0",
            "description": "Read-only search and look-up of the cluster's published documents.",
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/search/": {
                "get": {
                    "operationId": "search",
                    "summary": "Search published pages and disclosure documents",
                    "parameters": parameters,
                    "responses": {
                        "200": {"description": "one page of results with facets",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
                        "400": err("invalid parameter"),
                        "429": err("too many requests"),
                    },
                }
            },
            "/documents/{index_number}": {
                "get": {
                    "operationId": "getDocument",
                    "summary": "One published disclosure document by its index number (索引号)",
                    "parameters": [
                        {"name": "index_number", "in": "path", "required": True,
                         "description": "the index number; its '/' may be sent as is or as %2F", "schema": string}
                    ],
                    "responses": {
                        "200": {"description": "the document",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
                        "404": err("no published document with this index number"),
                        "429": err("too many requests"),
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This description",
                    "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {}}}},
                }
            },
        },
        "components": {
            "schemas": {
                "Coded": coded,
                "Hit": hit,
                "FacetValue": facet_value,
                "SearchResponse": search_response,
                "Document": document_schema,
                "Error": error_schema,
            }
        },
    }
