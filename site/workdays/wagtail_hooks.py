from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CalendarYear


class CalendarYearViewSet(SnippetViewSet):
    model = CalendarYear
    icon = "date"
    menu_label = _("工作日历")
    menu_name = "workdays"
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["year", "complete", "source"]
    list_filter = ["complete"]
    search_fields = ["source", "notes"]
    ordering = ["-year"]


register_snippet(CalendarYearViewSet)
