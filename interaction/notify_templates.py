"""The messages letters send to their writers (registered in Config.ready)."""

from django.utils.translation import gettext_lazy as _

from notify.registry import register

RECEIVED = "hudong.received"
PROGRESS = "hudong.progress"
ANSWERED = "hudong.answered"


def register_templates() -> None:
    register(
        RECEIVED,
        subject=_("来信已收到"),
        body=_("【%(mailbox)s】您的来信已收到，编号 %(number)s，查询码 %(code)s。"
               "请凭编号和查询码在网站“政民互动”栏目查询办理情况。"),
        secret={"code"},
    )
    register(
        PROGRESS,
        subject=_("来信办理进展"),
        body=_("【%(mailbox)s】您的来信（编号 %(number)s）：%(note)s"),
    )
    register(
        ANSWERED,
        subject=_("来信已答复"),
        body=_("【%(mailbox)s】您的来信（编号 %(number)s）已答复，请凭查询码在网站查看答复并评价。"),
    )
