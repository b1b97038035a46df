from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "list-ul"
    menu_label = _("主题分类")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "code", "parent", "sort_order"]
    search_fields = ["name", "code"]


register_snippet(TopicViewSet)
