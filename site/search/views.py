"""The one search box of the cluster: every site searches every site's published content."""
from urllib.parse import urlencode

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from . import registry
from .service import clean_text, parse_params, run_search
from .suggest import suggest as suggestions

SUGGEST_MAX = 40


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
        "did_you_mean_link": "?" + urlencode({"q": result.did_you_mean, **params.filters()}) if result.did_you_mean else "",
    }
    return TemplateResponse(request, "search/search.html", context)



@require_GET
@cache_control(max_age=60, public=True)
def suggest(request):
    """Suggestions for the search box as the citizen types: JSON
    ``{"q": ..., "suggestions": [{"text", "kind", "url"}]}`` (search.suggest)."""
    q = clean_text(str(request.GET.get("q") or ""))[:SUGGEST_MAX].strip()
    found = suggestions(q) if q else []
    return JsonResponse(
        {"q": q, "suggestions": [{"text": s.text, "kind": s.kind, "url": s.url} for s in found]},
        json_dumps_params={"ensure_ascii": False},
    )
