from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from casefile.scope import is_supervisor

from . import admin_views


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("banshi/jiancha/", admin_views.supervision_view, name="service_feedback_supervision"),
        path("banshi/jiancha/xlsx/", admin_views.supervision_view, {"xlsx": True},
             name="service_feedback_supervision_xlsx"),
        path("banshi/zhenggai/", admin_views.followups, name="service_feedback_followups"),
        path("banshi/zhenggai/<int:pk>/", admin_views.followup, name="service_feedback_followup"),
    ]


class SupervisionMenuItem(MenuItem):
    def is_shown(self, request):
        return is_supervisor(request.user)


class FollowUpMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views._may_see_followups(request.user)


@hooks.register("register_admin_menu_item")
def register_supervision_menu_item():
    return SupervisionMenuItem(_("网上办事监察"), reverse("service_feedback_supervision"), icon_name="time",
                               order=257)


@hooks.register("register_admin_menu_item")
def register_followup_menu_item():
    return FollowUpMenuItem(_("差评整改"), reverse("service_feedback_followups"), icon_name="warning", order=258)
