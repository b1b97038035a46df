from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, withdraw_views, withdrawal
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


# 撤稿: the site's 签发 group takes a live page down without Wagtail's publish permission.
@hooks.register("register_admin_urls")
def withdraw_urls():
    return [path("withdraw/<int:page_id>/", withdraw_views.WithdrawView.as_view(), name="cluster_withdraw_page")]


class WithdrawButton(PageMenuItem):
    label = _("撤稿")
    icon_name = "download"
    url_name = "cluster_withdraw_page"

    def is_shown(self, user):
        return withdrawal.can_withdraw(user, self.page)


@hooks.register("register_page_header_buttons")
def withdraw_header_button(page, user, view_name=None, next_url=None):
    yield WithdrawButton(page=page, next_url=next_url, priority=61)


@hooks.register("register_page_listing_more_buttons")
def withdraw_listing_button(page, user, next_url=None):
    yield WithdrawButton(page=page, next_url=next_url, priority=41)


class WithdrawMenuItem(ActionMenuItem):
    label = _("撤稿")
    name = "action-withdraw"
    icon_name = "download"

    def is_shown(self, context):
        return (
            context["view"] == "edit"
            and not context["locked_for_user"]
            and withdrawal.can_withdraw(context["request"].user, context["page"])
        )

    def get_url(self, context):
        return reverse("cluster_withdraw_page", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def withdraw_menu_item():
    return WithdrawMenuItem(order=25)


@hooks.register("register_log_actions")
def withdraw_log_action(actions):
    @actions.register_action(withdrawal.LOG_ACTION)
    class WithdrawFormatter(LogFormatter):
        label = _("撤稿")

        def format_message(self, log_entry):
            parent = (log_entry.data or {}).get("withdrawn_with")
            if parent:
                return _("随上级页面“%(title)s”撤稿") % {"title": parent.get("title", "")}
            return _("撤稿")

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("reason", "")
