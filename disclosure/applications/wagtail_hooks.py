from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import OrganisationSettings


class RequestMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views._may_view(request.user)


class DisclosureRequestViewSet(ViewSet):
    """依申请公开 in the admin: each officer sees the requests of the
    organisation(s) whose sites their groups work on; superusers see all."""

    name = "disclosure_applications"
    url_prefix = "yisqgk"
    icon = "doc-full-inverse"
    menu_label = _("依申请公开")

    def get_urlpatterns(self):
        return [
            path("", admin_views.index, name="index"),
            path("<int:pk>/", admin_views.detail, name="detail"),
            path("<int:pk>/<str:action>/", admin_views.act, name="act"),
        ]


@hooks.register("register_admin_viewset")
def register_viewset():
    return DisclosureRequestViewSet()


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return RequestMenuItem(_("依申请公开"), reverse("disclosure_applications:index"), icon_name="doc-full-inverse", order=250)


class OrganisationSettingsViewSet(SnippetViewSet):
    """Each organisation's choices for 依申请公开 (e.g. counting from the confirmation of receipt)."""

    model = OrganisationSettings
    icon = "cog"
    menu_label = _("依申请公开设置")
    menu_name = "yisqgk-settings"
    add_to_settings_menu = True
    list_display = ["organisation", "count_from_confirmation"]


register_snippet(OrganisationSettingsViewSet)
