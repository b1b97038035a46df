"""The disclosure library in the public search: documents of the catalogue
(content type ``disclosure``, with 主题分类, 体裁 and 有效性 facets and an exact
look-up by 索引号 or 发文字号) and the sections (``section``: 信息公开指南,
制度 and 年报). Registered into the cluster-wide search (:mod:`search.registry`).
"""
from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from haystack import indexes

from search import registry
from search.indexes import PageIndex, html_to_text

from .models import AnnualReportPage, DisclosureDocumentPage, DisclosureTextPage
from .numbers import looks_like_number, lookup_key


class DisclosureDocumentIndex(PageIndex, indexes.Indexable):
    """Disclosure documents: the same fields, filled from the catalogue's
    metadata; 发文字号 ranks above the body, and either number finds its document."""

    kind = indexes.CharField(model_attr="doc_type", faceted=True, default="")
    content_type_name = "disclosure"

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


class DisclosureTextIndex(PageIndex, indexes.Indexable):
    """信息公开指南 and 信息公开制度: found by the same search box, as a content type of their own."""

    summary = indexes.CharField(default="", indexed=False)
    kind = indexes.CharField(faceted=True, default="")  # not a document type
    date = indexes.DateField(model_attr="updated_on", null=True)
    content_type_name = "section"

    def get_model(self):
        from .models import DisclosureTextPage

        return DisclosureTextPage

    def prepare_text(self, page):
        return "\n".join(p for p in (page.title, self.body_text(page)) if p)

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


def _document_types() -> dict[str, str]:
    from .models import DocumentType

    return {str(k): str(v) for k, v in DocumentType.choices}


def _topics() -> dict[str, str]:
    from .models import Topic

    return dict(Topic.objects.values_list("code", "name"))


def _validities() -> dict[str, str]:
    from .models import Validity

    return {str(k): str(v) for k, v in Validity.choices}


registry.register(registry.SearchType(
    name="disclosure", label=_("政府信息公开"), models=(DisclosureDocumentPage,), order=20,
    facets=(
        registry.Facet("topic", _("主题分类"), choices=_topics, order=40, description="topic code"),
        registry.Facet("type", _("体裁"), field="kind", choices=_document_types, order=50,
                       description="document type (体裁), e.g. notice, regulation"),
        registry.Facet("validity", _("有效性"), choices=_validities, order=60, description="valid, expired or repealed"),
    ),
    hit_fields=("index_number", "doc_number", "topic", "topic_name", "validity", "written_date"),
    hit_template="disclosure/_search_hit.html",
    exact=registry.ExactLookup(applies=looks_like_number, key=lookup_key, fields=("index_key", "doc_key")),
))
registry.register(registry.SearchType(
    name="section", label=_("公开指南与年报"), models=(DisclosureTextPage, AnnualReportPage), order=30,
))
