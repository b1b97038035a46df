"""Haystack indexes of the public search (engine chosen in HAYSTACK_CONNECTIONS).

Both indexes declare the same fields, so every engine gets one schema and the
search page can facet across content types: site, content type, organisation
(code), topic (code), type, validity and year.
"""
from __future__ import annotations

import re
from html import unescape

from haystack import indexes

from cluster.models import ArticlePage
from disclosure.search.numbers import lookup_key

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
    organisation = indexes.CharField(faceted=True, default="")  # the organisation's code
    organisation_name = indexes.CharField(default="", indexed=False)
    topic = indexes.CharField(faceted=True, default="")  # the topic's code
    topic_name = indexes.CharField(default="", indexed=False)
    kind = indexes.CharField(model_attr="kind", faceted=True, default="")
    validity = indexes.CharField(faceted=True, default="")
    year = indexes.IntegerField(faceted=True, null=True)
    date = indexes.DateField(model_attr="publish_date", null=True)
    written_date = indexes.DateField(null=True, indexed=False)
    url = indexes.CharField(indexed=False, default="")
    doc_number = indexes.CharField(default="", boost=1.5)
    index_number = indexes.CharField(default="")
    # exact look-up keys (numbers.lookup_key) of 索引号 and 发文字号
    index_key = indexes.FacetCharField(default="")
    doc_key = indexes.FacetCharField(default="")

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
                except Exception:  # noqa: S112 (a block that cannot render is left out of the index, not the page)
                    continue
            return " ".join(parts)

    @staticmethod
    def attachments_text(page) -> str:
        # Another module extracts text from attached files; use it when present.
        method = getattr(page, "attachments_text", None)
        if not callable(method):
            return ""
        try:
            return method() or ""
        except Exception:
            return ""

    def prepare_text(self, page):
        parts = (page.title, page.summary or "", self.body_text(page), self.attachments_text(page))
        return "\n".join(p for p in parts if p)

    def prepare_site(self, page):
        site = page.get_site()
        return site.hostname if site else ""

    def prepare_content_type(self, page):
        return "article"

    def _organisation(self, page):
        org = page.source_organisation
        if org is None:
            from cluster.models import SiteProfile

            site = page.get_site()
            profile = SiteProfile.objects.filter(site=site).select_related("organisation").first() if site else None
            org = profile.organisation if profile else None
        return org

    def prepare_organisation(self, page):
        org = self._organisation(page)
        return org.code if org else ""

    def prepare_organisation_name(self, page):
        org = self._organisation(page)
        return org.name if org else ""

    def prepare_year(self, page):
        return page.publish_date.year if page.publish_date else None

    def prepare_url(self, page):
        return page.full_url or ""


class DisclosureDocumentIndex(ArticlePageIndex):
    """Disclosure documents: the same fields, filled from the catalogue's
    metadata; 发文字号 ranks above the body, and either number finds its document."""

    kind = indexes.CharField(model_attr="doc_type", faceted=True, default="")

    def get_model(self):
        from .models import DisclosureDocumentPage

        return DisclosureDocumentPage

    def index_queryset(self, using=None):
        return self.get_model().objects.live().public().select_related("organisation", "topic")

    def read_queryset(self, using=None):
        return self.get_model().objects.live().public()

    def prepare_text(self, page):
        head = [page.title, page.doc_number, page.index_number, page.keywords, page.summary]
        return "\n".join(p for p in [*head, self.body_text(page), self.attachments_text(page)] if p)

    def prepare_content_type(self, page):
        return "disclosure"

    def _organisation(self, page):
        return page.organisation

    def prepare_topic(self, page):
        return page.topic.code if page.topic_id else ""

    def prepare_topic_name(self, page):
        return page.topic.name if page.topic_id else ""

    def prepare_validity(self, page):
        return page.validity or ""

    def prepare_written_date(self, page):
        return page.written_date

    def prepare_doc_number(self, page):
        return page.doc_number or ""

    def prepare_index_number(self, page):
        return page.index_number or ""

    def prepare_index_key(self, page):
        return lookup_key(page.index_number)

    def prepare_doc_key(self, page):
        return lookup_key(page.doc_number)


class DisclosureTextIndex(ArticlePageIndex):
    """信息公开指南 and 信息公开制度: found by the same search box, as a content type of their own."""

    summary = indexes.CharField(default="", indexed=False)
    kind = indexes.CharField(faceted=True, default="")  # not a document type
    date = indexes.DateField(model_attr="updated_on", null=True)

    def get_model(self):
        from .models import DisclosureTextPage

        return DisclosureTextPage

    def index_queryset(self, using=None):
        return self.get_model().objects.live().public()

    def read_queryset(self, using=None):
        return self.get_model().objects.live().public()

    def prepare_text(self, page):
        return "\n".join(p for p in (page.title, self.body_text(page)) if p)

    def prepare_content_type(self, page):
        return "section"

    def _organisation(self, page):
        from cluster.models import SiteProfile

        site = page.get_site()
        profile = SiteProfile.objects.filter(site=site).select_related("organisation").first() if site else None
        return profile.organisation if profile else None

    def prepare_year(self, page):
        return page.updated_on.year if page.updated_on else None


class AnnualReportIndex(DisclosureTextIndex):
    """信息公开年报: its title and written sections."""

    date = indexes.DateField(null=True)

    def get_model(self):
        from .models import AnnualReportPage

        return AnnualReportPage

    def index_queryset(self, using=None):
        return self.get_model().objects.live().public().select_related("organisation")

    def prepare_text(self, page):
        parts = (page.title, page.overview, page.problems, page.other_matters)
        return "\n".join(html_to_text(p) for p in parts if p)

    def _organisation(self, page):
        return page.organisation

    def prepare_date(self, page):
        return page.last_published_at.date() if page.last_published_at else None

    def prepare_year(self, page):
        return page.year
