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

from . import pinyin

_TAG_RE = re.compile(r"<[^>]+>")
_SPACE_RE = re.compile(r"\s+")


def html_to_text(markup: str) -> str:
    text = _TAG_RE.sub(" ", markup or "")
    return _SPACE_RE.sub(" ", unescape(text)).strip()


class BaseIndex(indexes.SearchIndex):
    """The fields every index of the public search has (one schema for every
    engine). :class:`PageIndex` fills them from a Wagtail page,
    :class:`ModelIndex` from any other model."""

    text = indexes.CharField(document=True, use_template=False)
    title = indexes.CharField(boost=2.0)
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
    # what names the thing (title, keywords) as pinyin, initials and single
    # characters (search.pinyin); not stored, only searched
    title_chars = indexes.CharField(default="", stored=False)
    pinyin = indexes.CharField(default="", stored=False)
    pinyin_fuzzy = indexes.CharField(default="", stored=False)
    initials = indexes.CharField(default="", stored=False)

    content_type_name = ""  # the registered SearchType's name

    def name_text(self, obj) -> str:
        """What names ``obj``: its title and keywords (an index may add item names, aliases)."""
        title = self.prepared_data.get("title") if getattr(self, "prepared_data", None) else None
        parts = [title or getattr(obj, "title", "") or "", getattr(obj, "keywords", "") or ""]
        return " ".join(str(p) for p in parts if p)

    def _names(self, obj) -> str:
        # read once per object for the four fields below
        memo = getattr(self, "_names_memo", None)
        if memo is None or memo[0] is not obj:
            memo = self._names_memo = (obj, self.name_text(obj))
        return memo[1]

    def prepare_title_chars(self, obj):
        return pinyin.chars_field(self._names(obj))

    def prepare_pinyin(self, obj):
        return pinyin.pinyin_field(self._names(obj))

    def prepare_pinyin_fuzzy(self, obj):
        return pinyin.fuzzy_field(self._names(obj))

    def prepare_initials(self, obj):
        return pinyin.initials_field(self._names(obj))

    def prepare_content_type(self, obj):
        return self.content_type_name


class PageIndex(BaseIndex):
    """Not itself an index (no ``Indexable``): subclasses add it and ``get_model``."""

    title = indexes.CharField(model_attr="title", boost=2.0)

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


class ModelIndex(BaseIndex):
    """The index of a registered model that is not a page (a published letter,
    a consultation, a licensing item kept as a snippet): the same fields as
    :class:`PageIndex`, indexed on commit through Celery like pages
    (search.signals: every save queues an update, a delete a removal).

    Subclasses add ``indexes.Indexable``, ``get_model`` and
    :meth:`is_searchable` (what is public: published, not withdrawn); an
    object that stops being searchable leaves the index on its next save.
    They say where the object lives with :meth:`get_site` and :meth:`get_url`
    (``get_absolute_url`` on that site by default) and may name the attributes
    read for the text (``title_attr``, ``summary_attr``, ``body_attrs``,
    ``date_attr``) or override the ``prepare_*`` methods.
    """

    title_attr = "title"
    summary_attr = "summary"
    body_attrs: tuple[str, ...] = ("body",)
    date_attr = ""  # a date or datetime attribute: the hit's date and year

    summary = indexes.CharField(default="", indexed=False)
    date = indexes.DateField(null=True)

    def is_searchable(self, obj) -> bool:
        """Whether ``obj`` may be shown to anyone (it is removed otherwise)."""
        return True

    def index_queryset(self, using=None):
        return self.get_model()._default_manager.all()

    def read_queryset(self, using=None):
        return self.index_queryset(using)

    def full_prepare(self, obj, with_string_facet=True):
        # a rebuild reads index_queryset(): what is not public is skipped, never indexed
        if not self.is_searchable(obj):
            from haystack.exceptions import SkipDocument

            raise SkipDocument()
        return super().full_prepare(obj, with_string_facet=with_string_facet)

    def searchable_object(self, pk):
        """The object with ``pk`` if it exists and is searchable, else None (the task's check)."""
        obj = self.index_queryset().filter(pk=pk).first()
        return obj if obj is not None and self.is_searchable(obj) else None

    @staticmethod
    def _value(obj, attr: str):
        value = getattr(obj, attr, "") if attr else ""
        return value() if callable(value) else value

    def prepare_title(self, obj):
        return str(self._value(obj, self.title_attr) or "")

    def prepare_summary(self, obj):
        return html_to_text(str(self._value(obj, self.summary_attr) or ""))

    def prepare_text(self, obj):
        parts = [self.prepare_title(obj), self.prepare_summary(obj)]
        parts += [html_to_text(str(self._value(obj, a) or "")) for a in self.body_attrs]
        return "\n".join(p for p in parts if p)

    def _date(self, obj):
        value = self._value(obj, self.date_attr)
        return value.date() if hasattr(value, "date") and callable(value.date) else value or None

    def prepare_date(self, obj):
        return self._date(obj)

    def prepare_year(self, obj):
        value = self._date(obj)
        return value.year if value else None

    def get_site(self, obj):
        """The Wagtail Site the object is shown on: its ``site`` if it has one, else the default site."""
        from wagtail.models import Site

        site = getattr(obj, "site", None)
        if isinstance(site, Site):
            return site
        return Site.objects.filter(is_default_site=True).first()

    def get_url(self, obj) -> str:
        path = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
        if not path or path.startswith(("http://", "https://")):
            return path or ""
        from cluster.sites import public_root_url

        site = self.get_site(obj)
        return (public_root_url(site) + path) if site else path

    def prepare_url(self, obj):
        return self.get_url(obj)

    def prepare_site(self, obj):
        site = self.get_site(obj)
        return site.hostname if site else ""

    def _organisation(self, obj):
        org = getattr(obj, "organisation", None)
        if org is not None:
            return org
        from cluster.models import SiteProfile

        site = self.get_site(obj)
        profile = SiteProfile.objects.filter(site=site).select_related("organisation").first() if site else None
        return profile.organisation if profile else None

    def prepare_organisation(self, obj):
        org = self._organisation(obj)
        return org.code if org else ""

    def prepare_organisation_name(self, obj):
        org = self._organisation(obj)
        return org.name if org else ""
