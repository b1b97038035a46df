"""The synonym table in the Wagtail admin (a snippet with the admin's search)."""
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("同义词")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["term", "official", "active", "note", "updated_at"]
    list_filter = ["active"]
    search_fields = ["term", "official", "note"]
    search_backend_name = None  # plain substring matching: Chinese terms without word breaks
    ordering = ["term"]


register_snippet(SynonymViewSet)
