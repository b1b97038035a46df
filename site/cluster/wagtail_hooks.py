from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import ArticlePage, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("机构")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "short_name", "code", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "code"]


register_snippet(OrganisationViewSet)


@hooks.register("register_admin_urls")
def syndication_urls():
    return [
        path("syndication/", admin_views.inbox, name="cluster_syndication_inbox"),
        path("syndication/offer/<int:page_id>/", admin_views.offer, name="cluster_syndication_offer"),
        path("syndication/<int:pk>/decide/", admin_views.decide, name="cluster_syndication_decide"),
    ]


@hooks.register("register_admin_menu_item")
def syndication_menu_item():
    return MenuItem(_("信息报送"), reverse("cluster_syndication_inbox"), icon_name="upload", order=220)


@hooks.register("register_page_header_buttons")
def offer_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, ArticlePage) and page.live:
        yield Button(
            _("报送到其他网站"),
            reverse("cluster_syndication_offer", args=[page.pk]),
            icon_name="upload",
            priority=80,
        )


@hooks.register("register_log_actions")
def syndication_log_actions(actions):
    actions.register_action("cluster.syndication.offer", _("报送到其他网站"), _("已报送到其他网站"))
    actions.register_action("cluster.syndication.accept", _("采用报送"), _("报送已被采用"))
    actions.register_action("cluster.syndication.decline", _("退回报送"), _("报送已被退回"))
