from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import admin_views
from .models import SensitiveWord


class WordIndexView(IndexView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm("moderation.add_sensitiveword"):
            buttons.append(HeaderButton(_("批量导入"), reverse("moderation_import"), icon_name="upload"))
        return buttons


class SensitiveWordViewSet(SnippetViewSet):
    model = SensitiveWord
    index_view_class = WordIndexView
    icon = "warning"
    menu_label = _("敏感词")
    menu_name = "sensitive_words"
    menu_order = 295
    add_to_admin_menu = True
    list_display = ["word", "category", "active", "note", "updated"]
    list_filter = ["category", "active"]
    search_fields = ["word", "note"]
    ordering = ["category", "word"]


register_snippet(SensitiveWordViewSet)


@hooks.register("register_admin_urls")
def moderation_urls():
    return [path("moderation/import/", admin_views.import_words, name="moderation_import")]
