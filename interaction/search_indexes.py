"""Published letters (来信选登) in the cluster's search, as content type
``letter``: only the masked text a reviewer approved, never the writer's
details; a letter withdrawn from publication leaves the index on its next save."""

from django.utils.translation import gettext_lazy as _
from haystack import indexes

from search import registry
from search.indexes import ModelIndex

from .constants import Publication
from .models import Letter


class LetterIndex(ModelIndex, indexes.Indexable):
    content_type_name = "letter"
    title_attr = "public_subject"
    summary_attr = ""
    body_attrs = ("public_content", "public_reply")
    date_attr = "published_at"

    def get_model(self):
        return Letter

    def index_queryset(self, using=None):
        return Letter.objects.filter(publication=Publication.PUBLISHED).select_related("organisation", "mailbox")

    def is_searchable(self, obj) -> bool:
        return obj.publication == Publication.PUBLISHED and obj.mailbox.public_listing

    def prepare_kind(self, obj):
        return obj.kind


registry.register(registry.SearchType(name="letter", label=_("来信选登"), models=(Letter,), order=60))
