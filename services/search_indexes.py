"""The item catalogue in the public search: content type ``service`` (办事服务).

An item is found by its name, its code (事项编码, also typed without dashes),
the everyday words editors put in ``keywords`` (驾照, 开饭店, 摆摊), its themes,
its conditions and its materials. It is a ``lead`` type: the search shows a
matching item above documents, with its apply link. Facets: the item kind (the
shared ``type`` facet) and the theme (办事主题, its first theme).
"""
from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _
from haystack import indexes

from search import registry
from search.indexes import PageIndex, html_to_text

from .models import ServiceItemPage

_CODE = re.compile(r"^[0-9A-Za-z]{6,}([-_ ]?[0-9A-Za-z]+)*$")


def code_key(value: str) -> str:
    """An item code however it was typed: upper case, without dashes or spaces."""
    return re.sub(r"[-_\s]", "", value or "").upper()


def looks_like_code(value: str) -> bool:
    return bool(value) and len(value) <= 64 and bool(_CODE.match(value.strip())) and any(c.isdigit() for c in value)


class ServiceItemIndex(PageIndex, indexes.Indexable):
    """Items of every site's catalogue, in every language."""

    kind = indexes.CharField(model_attr="kind", faceted=True, default="")
    date = indexes.DateField(null=True)
    theme = indexes.CharField(faceted=True, default="")
    theme_name = indexes.CharField(default="", indexed=False)
    item_code = indexes.CharField(model_attr="item_code", default="", boost=1.5)
    item_key = indexes.FacetCharField(default="")
    apply_url = indexes.CharField(default="", indexed=False)
    content_type_name = "service"

    def get_model(self):
        return ServiceItemPage

    def index_queryset(self, using=None):
        return (
            self.get_model().objects.live().public()
            .select_related("organisation").prefetch_related("themes", "materials")
        )

    def name_text(self, page) -> str:
        # pinyin and initials of the name and the everyday words (kaifandian, jz)
        return " ".join(p for p in (page.title, page.keywords) if p)

    def prepare_text(self, page):
        parts = [
            page.title, page.item_code, page.keywords, page.summary, page.result,
            " ".join(t.name for t in page.themes.all()),
            " ".join(n for t in page.themes.all() for n in (t.name_en, t.name_mn) if n),
            html_to_text(page.conditions),
            " ".join(m.name for m in page.materials.all()),
            page.organisation.name,
        ]
        return "\n".join(p for p in parts if p)

    def _organisation(self, page):
        return page.organisation

    def prepare_date(self, page):
        return page.last_published_at.date() if page.last_published_at else None

    def prepare_year(self, page):
        return page.last_published_at.year if page.last_published_at else None

    def _first_theme(self, page):
        themes = list(page.themes.all())
        return min(themes, key=lambda t: (t.audience, t.order)) if themes else None

    def prepare_theme(self, page):
        theme = self._first_theme(page)
        return theme.slug if theme else ""

    def prepare_theme_name(self, page):
        theme = self._first_theme(page)
        return theme.name if theme else ""

    def prepare_item_key(self, page):
        return code_key(page.item_code)

    def prepare_apply_url(self, page):
        return page.apply_url()


def _kinds() -> dict[str, str]:
    from .models import ItemKind

    return {str(k): str(v) for k, v in ItemKind.choices}


def _themes() -> dict[str, str]:
    from .models import ServiceTheme

    return {t.slug: t.localized_name for t in ServiceTheme.objects.all()}


registry.register(registry.SearchType(
    name="service", label=_("办事服务"), models=(ServiceItemPage,), order=10, lead=True,
    facets=(
        registry.Facet("type", _("事项类型"), field="kind", choices=_kinds, order=50,
                       description="item kind (事项类型), e.g. licence, public_service"),
        registry.Facet("theme", _("办事主题"), choices=_themes, order=45,
                       description="theme of the item catalogue (办事主题), e.g. jiaotong"),
    ),
    hit_fields=("item_code", "theme", "theme_name", "apply_url"),
    hit_template="services/_search_hit.html",
    exact=registry.ExactLookup(applies=looks_like_code, key=code_key, fields=("item_key",)),
))
