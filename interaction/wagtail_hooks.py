from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from casefile.scope import is_supervisor

from . import admin_views
from .models import Mailbox


class LetterViewSet(ViewSet):
    """Letters in the admin: each officer sees the letters of their
    organisations (answering, handling jointly, or keeping the mailbox)."""

    name = "interaction_admin"
    url_prefix = "hudong"
    icon = "mail"
    menu_label = _("来信办理")

    def get_urlpatterns(self):
        return [
            path("", admin_views.index, name="index"),
            path("survey/", admin_views.survey, name="survey"),
            path("<int:pk>/", admin_views.detail, name="detail"),
            path("<int:pk>/attachment/<int:attachment_id>/", admin_views.attachment, name="attachment"),
            path("<int:pk>/<str:action>/", admin_views.act, name="act"),
        ]


@hooks.register("register_admin_viewset")
def register_viewset():
    return LetterViewSet()


class LetterMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view(request.user)


class SurveyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_supervisor(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return LetterMenuItem(_("来信办理"), reverse("interaction_admin:index"), icon_name="mail", order=252)


@hooks.register("register_admin_menu_item")
def register_survey_item():
    return SurveyMenuItem(_("超三个月未答复"), reverse("interaction_admin:survey"), icon_name="warning", order=257)


class MailboxViewSet(SnippetViewSet):
    """The city's mailboxes: kind, organisation, reply limit, anonymous kinds."""

    model = Mailbox
    icon = "mail"
    menu_label = _("信箱")
    menu_name = "hudong-mailboxes"
    add_to_settings_menu = True
    list_display = ["name", "kind", "organisation", "reply_limit", "active", "public_listing"]


register_snippet(MailboxViewSet)
