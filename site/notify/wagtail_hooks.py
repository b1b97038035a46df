from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Outbox

WRITE_ACTIONS = {"add", "change", "delete", "lock", "unlock", "publish"}


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Messages are written by the system only: staff with the model's view (or
    change) permission may look, nobody, not even a superuser, may edit one, so
    the outbox stays a true record of what was sent."""

    def user_has_permission(self, user, action):
        if action in WRITE_ACTIONS:
            return False
        if action == "view":
            return super().user_has_permission(user, "view") or super().user_has_permission(user, "change")
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = set(actions) - WRITE_ACTIONS
        if "view" in actions:
            actions.add("change")
        return super().users_with_any_permission(actions) if actions else get_user_model().objects.none()


class OutboxViewSet(SnippetViewSet):
    """A read-only view of the outbox so staff can see what was (not) sent."""

    model = Outbox
    icon = "mail"
    menu_label = _("消息发件箱")
    add_to_settings_menu = True
    inspect_view_enabled = True
    # "recipient" shows through Outbox.get_recipient_display, masked; the
    # encrypted secrets ("sealed") are never shown, the text only with them masked.
    list_display = ["recipient", "channel", "template", "status", "attempts", "reference", "created_at", "sent_at"]
    list_filter = ["status", "channel"]
    search_fields = ["recipient", "reference"]
    inspect_view_fields = [
        "channel", "recipient", "template", "preview", "params", "language", "reference", "status", "attempts",
        "last_error", "next_attempt_at", "created_at", "sent_at", "provider_id",
    ]


register_permission_policy(Outbox, ReadOnlyPermissionPolicy(Outbox))
register_snippet(OutboxViewSet)
