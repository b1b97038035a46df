from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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


@hooks.register("register_log_actions")
def register_import_action(actions):
    from .importer import IMPORT_ACTION

    actions.register_action(IMPORT_ACTION, _("导入"), _("由批量导入创建"))
