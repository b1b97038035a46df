"""意见征集 in the public search: content type ``consultation``."""
from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from haystack import indexes

from search import registry
from search.indexes import PageIndex

from .models import ConsultationPage


class ConsultationIndex(PageIndex, indexes.Indexable):
    date = indexes.DateField(model_attr="opens_on", null=True)
    content_type_name = "consultation"

    def get_model(self):
        return ConsultationPage

    def index_queryset(self, using=None):
        return self.get_model().objects.live().public().select_related("organisation")

    def body_text(self, page) -> str:
        return "\n".join(f"{b.value.get('number', '')} {b.value.get('heading', '')} {b.value.get('text', '')}"
                         for b in page.sections)

    def _organisation(self, page):
        return page.organisation or super()._organisation(page)

    def prepare_year(self, page):
        return page.opens_on.year if page.opens_on else None


registry.register(registry.SearchType(
    name="consultation", label=_("意见征集"), models=(ConsultationPage,), order=60,
))
