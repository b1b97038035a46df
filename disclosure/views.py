"""The one search box of the cluster: every site searches every site's published content."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from haystack.query import SearchQuerySet

from cluster.models import SiteProfile

MAX_QUERY = 200
CONTENT_TYPES = {"article": _("文章"), "disclosure": _("政府信息公开")}


def _site_names() -> dict[str, str]:
    return {p.site.hostname: p.display_name for p in SiteProfile.objects.select_related("site")}


def search(request):
    """A view over haystack: query, facets by site / content type / year, sort, pages."""
    raw = request.GET.get("q") or ""
    query = " ".join(raw.split())[:MAX_QUERY]
    site_names = _site_names()
    selected = {
        "site": request.GET.get("site") if request.GET.get("site") in site_names else "",
        "type": request.GET.get("type") if request.GET.get("type") in CONTENT_TYPES else "",
        "year": request.GET.get("year") if (request.GET.get("year") or "").isdigit() else "",
    }
    sort = "date" if request.GET.get("sort") == "date" else "relevance"
    context = {"query": query, "selected": selected, "sort": sort, "too_long": len(raw) > MAX_QUERY}
    if query:
        sqs = SearchQuerySet().auto_query(query)
        if selected["site"]:
            sqs = sqs.narrow('site_exact:"%s"' % selected["site"])
        if selected["type"]:
            sqs = sqs.narrow('content_type_exact:"%s"' % selected["type"])
        if selected["year"]:
            sqs = sqs.filter(year=int(selected["year"]))
        if sort == "date":
            sqs = sqs.order_by("-date")
        counts = sqs.facet("site").facet("content_type").facet("year").facet_counts().get("fields", {})
        page_obj = Paginator(sqs.highlight(), 20).get_page(request.GET.get("page"))
        params = {k: v for k, v in selected.items() if v}
        context.update(
            {
                "page_obj": page_obj,
                "facets": {
                    "site": [(v, site_names.get(v, v), n) for v, n in counts.get("site", []) if n],
                    "type": [(v, CONTENT_TYPES.get(v, v), n) for v, n in counts.get("content_type", []) if n],
                    "year": sorted(((str(v), str(v), n) for v, n in counts.get("year", []) if n), reverse=True),
                },
                "site_names": site_names,
                "extra_query": "&".join(
                    [f"q={query}", f"sort={sort}"] + [f"{k}={v}" for k, v in params.items()]
                ),
            }
        )
    return TemplateResponse(request, "disclosure/search.html", context)
