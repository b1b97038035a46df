from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import admin_views
from .service import LOG_ACTION


@hooks.register("register_log_actions")
def register_case_actions(actions):
    @actions.register_action(LOG_ACTION)
    class CaseEventFormatter(LogFormatter):
        label = _("办件办理")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("办件：%(action)s（%(from)s → %(to)s）%(reason)s") % {
                "action": data.get("action", ""),
                "from": data.get("from", ""),
                "to": data.get("to", ""),
                "reason": data.get("reason", ""),
            }


@hooks.register("register_admin_urls")
def register_case_urls():
    return [
        path("cases/", admin_views.overview, name="casefile_overview"),
        path("cases/notices/", admin_views.notices, name="casefile_notices"),
        path("cases/<str:key>/", admin_views.case_queue, name="casefile_queue"),
    ]


class SupervisionMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(admin_views._visible_types(request.user))


class NoticesMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.unread_count(request.user) > 0


@hooks.register("register_admin_menu_item")
def register_supervision_menu_item():
    return SupervisionMenuItem(_("电子监察"), reverse("casefile_overview"), icon_name="time", order=255)


@hooks.register("register_admin_menu_item")
def register_notices_menu_item():
    return NoticesMenuItem(_("办件提醒"), reverse("casefile_notices"), icon_name="warning", order=256)


def _calendar_saved(request, instance):
    from django.contrib import messages

    from workdays.models import CalendarYear

    if isinstance(instance, CalendarYear):
        messages.info(request, _(
            "%(year)s 年的工作日历已保存：在办案件的办理期限将按新日历重新计算，"
            "期限有变化的案件会记入办理记录并提醒承办人。"
        ) % {"year": instance.year})


hooks.register("after_create_snippet", _calendar_saved)
hooks.register("after_edit_snippet", _calendar_saved)
