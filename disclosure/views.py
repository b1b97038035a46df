from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page


def search(request):
    """Cluster-wide search (first version: Wagtail's database search over pages)."""
    query = (request.GET.get("q") or "").strip()[:200]
    results = Page.objects.live().public().specific().search(query) if query else Page.objects.none()
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "disclosure/search.html", {"query": query, "page_obj": page_obj})
