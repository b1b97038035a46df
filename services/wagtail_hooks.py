"""The item catalogue's admin: the themes (办事主题) as a snippet. Items are
pages, edited in the page tree and sent through the site's review workflow."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ServiceTheme


class ServiceThemeViewSet(SnippetViewSet):
    model = ServiceTheme
    icon = "tag"
    menu_label = _("办事主题")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "name_en", "audience", "slug", "order"]
    list_filter = ["audience"]
    search_fields = ["name", "name_en", "slug"]


register_snippet(ServiceThemeViewSet)
