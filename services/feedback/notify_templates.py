"""The messages 好差评 sends to applicants (registered in the AppConfig)."""

from django.utils.translation import gettext_lazy as _

from notify.registry import register

INVITATION = "banshi.rating_invitation"
FOLLOWUP_ANSWERED = "banshi.followup_answered"


def register_templates() -> None:
    register(
        INVITATION,
        subject=_("请对办事服务作出评价"),
        body=_(
            "【%(org)s】您申请的“%(item)s”（办件编号 %(number)s）已办结。"
            "欢迎凭办件编号和查询码在网站“网上办事”栏目对本次服务作出评价：%(url)s"
        ),
    )
    register(
        FOLLOWUP_ANSWERED,
        subject=_("您的服务评价已得到答复"),
        body=_("【%(org)s】关于您对办件 %(number)s 的评价，我们的整改答复：%(answer)s"),
    )
