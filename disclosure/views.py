"""The one search box of the cluster: every site searches every site's published content."""
from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from disclosure.search.service import parse_params, run_search

FACET_TITLES = [
    ("content_type", _("类型")),
    ("site", _("网站")),
    ("organisation", _("发布机构")),
    ("topic", _("主题分类")),
    ("type", _("体裁")),
    ("validity", _("有效性")),
    ("year", _("年份")),
]


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
    for name, label in FACET_TITLES:
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
    return TemplateResponse(request, "disclosure/search.html", context)

