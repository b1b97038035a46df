"""The base of every haystack index of the public search.

Every index declares the same fields (this class's), so every engine gets one
schema and the search can facet across content types; a field a type does not
use (a 索引号 on an article) stays empty. Indexes live in each app's
``search_indexes.py``, which also registers the type (:mod:`search.registry`).
"""
from __future__ import annotations

import re
from html import unescape

from haystack import indexes

_TAG_RE = re.compile(r"<[^>]+>")
_SPACE_RE = re.compile(r"\s+")


def html_to_text(markup: str) -> str:
    text = _TAG_RE.sub(" ", markup or "")
    return _SPACE_RE.sub(" ", unescape(text)).strip()


class PageIndex(indexes.SearchIndex):
    """Not itself an index (no ``Indexable``): subclasses add it and ``get_model``."""

    text = indexes.CharField(document=True, use_template=False)
    title = indexes.CharField(model_attr="title", boost=2.0)
    summary = indexes.CharField(model_attr="summary", default="", indexed=False)
    site = indexes.CharField(faceted=True, default="")
    content_type = indexes.CharField(faceted=True)
    organisation = indexes.CharField(faceted=True, default="")  # the organisation's code
    organisation_name = indexes.CharField(default="", indexed=False)
    topic = indexes.CharField(faceted=True, default="")  # the topic's code
    topic_name = indexes.CharField(default="", indexed=False)
    kind = indexes.CharField(faceted=True, default="")
    validity = indexes.CharField(faceted=True, default="")
    year = indexes.IntegerField(faceted=True, null=True)
    date = indexes.DateField(model_attr="publish_date", null=True)
    written_date = indexes.DateField(null=True, indexed=False)
    url = indexes.CharField(indexed=False, default="")
    doc_number = indexes.CharField(default="", boost=1.5)
    index_number = indexes.CharField(default="")
    # exact look-up keys of the registered ExactLookups (索引号, 发文字号)
    index_key = indexes.FacetCharField(default="")
    doc_key = indexes.FacetCharField(default="")

    content_type_name = ""  # the registered SearchType's name

    def index_queryset(self, using=None):
        return self.get_model().objects.live().public()

    def read_queryset(self, using=None):
        return self.get_model().objects.live().public()

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
        # the text of attached files, extracted once on upload (search.extract)
        method = getattr(page, "attachments_text", None)
        if not callable(method):
            return ""
        try:
            return method() or ""
        except Exception:
            return ""

    def prepare_text(self, page):
        parts = (page.title, getattr(page, "summary", "") or "", self.body_text(page), self.attachments_text(page))
        return "\n".join(p for p in parts if p)

    def prepare_site(self, page):
        site = page.get_site()
        return site.hostname if site else ""

    def prepare_content_type(self, page):
        return self.content_type_name

    def _organisation(self, page):
        """The organisation that owns the page's site."""
        from cluster.models import SiteProfile

        site = page.get_site()
        profile = SiteProfile.objects.filter(site=site).select_related("organisation").first() if site else None
        return profile.organisation if profile else None

    def prepare_organisation(self, page):
        org = self._organisation(page)
        return org.code if org else ""

    def prepare_organisation_name(self, page):
        org = self._organisation(page)
        return org.name if org else ""

    def prepare_year(self, page):
        return page.publish_date.year if getattr(page, "publish_date", None) else None

    def prepare_url(self, page):
        return page.full_url or ""
