"""Haystack indexes of the public search (engine chosen in HAYSTACK_CONNECTIONS)."""
from __future__ import annotations

import re
from html import unescape

from haystack import indexes

from cluster.models import ArticlePage

_TAG_RE = re.compile(r"<[^>]+>")
_SPACE_RE = re.compile(r"\s+")


def html_to_text(markup: str) -> str:
    text = _TAG_RE.sub(" ", markup or "")
    return _SPACE_RE.sub(" ", unescape(text)).strip()


class ArticlePageIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=False)
    title = indexes.CharField(model_attr="title", boost=2.0)
    summary = indexes.CharField(model_attr="summary", default="", indexed=False)
    site = indexes.CharField(faceted=True, default="")
    content_type = indexes.CharField(faceted=True)
    organisation = indexes.CharField(faceted=True, default="")
    kind = indexes.CharField(model_attr="kind", faceted=True, default="")
    year = indexes.IntegerField(faceted=True, null=True)
    date = indexes.DateField(model_attr="publish_date", null=True)
    url = indexes.CharField(indexed=False, default="")

    def get_model(self):
        return ArticlePage

    def index_queryset(self, using=None):
        return ArticlePage.objects.live().public().select_related("source_organisation")

    def read_queryset(self, using=None):
        return ArticlePage.objects.live().public()

    @staticmethod
    def body_text(page) -> str:
        try:
            return html_to_text(str(page.body.render_as_block()))
        except Exception:
            parts = []
            for block in page.body:
                try:
                    parts.append(html_to_text(str(block.render())))
                except Exception:
                    continue
            return " ".join(parts)

    def prepare_text(self, page):
        return "\n".join(p for p in (page.title, page.summary or "", self.body_text(page)) if p)

    def prepare_site(self, page):
        site = page.get_site()
        return site.hostname if site else ""

    def prepare_content_type(self, page):
        return "article"

    def prepare_organisation(self, page):
        org = page.source_organisation
        return org.name if org else ""

    def prepare_year(self, page):
        return page.publish_date.year if page.publish_date else None

    def prepare_url(self, page):
        return page.full_url or ""


class DisclosureDocumentIndex(ArticlePageIndex):
    """Disclosure documents: the same fields, plus 发文字号 (ranked above the body)
    and 索引号, so that either finds its document."""

    doc_number = indexes.CharField(model_attr="doc_number", default="", boost=1.5)
    index_number = indexes.CharField(model_attr="index_number", default="")
    kind = indexes.CharField(model_attr="doc_type", faceted=True, default="")
    validity = indexes.CharField(model_attr="validity", faceted=True, default="")

    def get_model(self):
        from .models import DisclosureDocumentPage

        return DisclosureDocumentPage

    def index_queryset(self, using=None):
        return self.get_model().objects.live().public().select_related("organisation", "topic")

    def read_queryset(self, using=None):
        return self.get_model().objects.live().public()

    def prepare_text(self, page):
        head = [page.title, page.doc_number, page.index_number, page.keywords, page.summary]
        return "\n".join(p for p in [*head, self.body_text(page)] if p)

    def prepare_content_type(self, page):
        return "disclosure"

    def prepare_organisation(self, page):
        return page.organisation.name
