"""The one search box of the cluster: every site searches every site's published content."""
from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from . import registry
from .service import parse_params, run_search


@require_GET
def search(request):
    """Search page over :func:`run_search`: facets, filters, sort, pages, snippets."""
    params = parse_params(request.GET)
    result = run_search(params)
    base = {"q": params.q, **params.filters()}

    def link(**changes):
        query = {**base, "sort": params.sort, **changes}
        return "?" + urlencode({k: v for k, v in query.items() if v not in ("", None)})

    facets = []
    for facet in registry.facets():  # what the apps registered, in their order
        name, label = facet.name, facet.label
        values = result.facets.get(name) or []
        if values:
            facets.append(
                {
                    "name": name,
                    "title": label,
                    "values": [
                        {"fv": v, "href": link(**{name: "" if v.selected else v.value}, page="")} for v in values
                    ],
                }
            )
    context = {
        "query": params.q,
        "params": params,
        "result": result,
        "facets": facets,
        "selected": params.filters(),
        "sort": params.sort,
        "too_long": params.too_long,
        "sort_links": {"relevance": link(sort="relevance", page=""), "date": link(sort="date", page="")},
        "clear_link": "?" + urlencode({"q": params.q}),
        "previous_link": link(page=result.page - 1) if result.has_previous else "",
        "next_link": link(page=result.page + 1) if result.has_next else "",
    }
    return TemplateResponse(request, "search/search.html", context)

