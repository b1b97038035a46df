"""A registered model that is not a page (tests of search.indexes.ModelIndex)."""
from haystack import indexes

from search import registry
from search.indexes import ModelIndex

from .models import PublicNote


class PublicNoteIndex(ModelIndex, indexes.Indexable):
    content_type_name = "testnote"
    date_attr = "published_on"

    def get_model(self):
        return PublicNote

    def is_searchable(self, obj):
        return obj.published


registry.register(registry.SearchType(name="testnote", label="测试公告", models=(PublicNote,), order=900))
