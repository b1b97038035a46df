"""The cluster's own content in the public search: articles of every site's columns."""
from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from haystack import indexes

from search import registry
from search.indexes import PageIndex

from .models import ArticlePage


class ArticlePageIndex(PageIndex, indexes.Indexable):
    kind = indexes.CharField(model_attr="kind", faceted=True, default="")
    content_type_name = "article"

    def get_model(self):
        return ArticlePage

    def index_queryset(self, using=None):
        return ArticlePage.objects.live().public().select_related("source_organisation")

    def _organisation(self, page):
        # the organisation that wrote it (a pushed article keeps its author), else the site's
        return page.source_organisation or super()._organisation(page)


def _kinds() -> dict[str, str]:
    return {str(k): str(v) for k, v in ArticlePage.Kind.choices}


registry.register(registry.SearchType(
    name="article", label=_("文章"), models=(ArticlePage,), order=10,
    facets=(registry.Facet("type", _("体裁"), field="kind", choices=_kinds, order=50,
                           description="document type (体裁), e.g. notice, regulation"),),
))
