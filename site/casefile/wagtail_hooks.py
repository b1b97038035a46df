from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

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
