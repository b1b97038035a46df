from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from . import admin_views


class ApplicationMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view(request.user)


class LicenceApplicationViewSet(ViewSet):
    """行政许可办件 in the admin: each officer sees the applications of the
    organisation(s) whose sites their groups work on; supervisors see all."""

    name = "licensing_admin"
    url_prefix = "banjian"
    icon = "tasks"

    def get_urlpatterns(self):
        return [
            path("", admin_views.index, name="index"),
            path("<int:pk>/", admin_views.detail, name="detail"),
            path("<int:pk>/material/<int:material_id>/", admin_views.material, name="material"),
            path("<int:pk>/<str:action>/", admin_views.act, name="act"),
        ]


@hooks.register("register_admin_viewset")
def register_viewset():
    return LicenceApplicationViewSet()


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ApplicationMenuItem(_("行政许可办件"), reverse("licensing_admin:index"), icon_name="tasks", order=260)
