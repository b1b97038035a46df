from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Outbox


class OutboxViewSet(SnippetViewSet):
    """Read-mostly view of the outbox so staff can see what was (not) sent."""

    model = Outbox
    icon = "mail"
    menu_label = _("消息发件箱")
    add_to_settings_menu = True
    list_display = ["recipient", "channel", "status", "attempts", "reference", "created_at", "sent_at"]
    list_filter = ["status", "channel"]
    search_fields = ["recipient", "reference"]


register_snippet(OutboxViewSet)
