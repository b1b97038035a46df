"""The messages 依申请公开 sends to applicants, registered with notify at start-up
(ApplicationsConfig.ready). The outbox keeps only the name and the parameters;
the query code is secret: stored encrypted until sent, then masked."""

from django.utils.translation import gettext_lazy as _

from notify.registry import register

RECEIVED = "yisqgk.received"
CORRECTION = "yisqgk.correction"
EXTENDED = "yisqgk.extended"
DECIDED = "yisqgk.decided"


def register_templates() -> None:
    register(
        RECEIVED,
        subject=_("政府信息公开申请已收到"),
        body=_(
            "【%(org)s】您的政府信息公开申请已收到，受理编号 %(number)s，查询码 %(code)s。"
            "请凭受理编号和查询码在网站“依申请公开”栏目查询办理进度。"
        ),
        secret={"code"},
    )
    register(
        CORRECTION,
        subject=_("政府信息公开申请需要补正"),
        body=_("【%(org)s】您的申请（受理编号 %(number)s）需要补正：%(missing)s 补正期间答复期限中止计算。"),
    )
    register(
        EXTENDED,
        subject=_("政府信息公开申请答复期限延长"),
        body=_("【%(org)s】您的申请（受理编号 %(number)s）答复期限延长 %(days)s 个工作日，至 %(due)s。"),
    )
    register(
        DECIDED,
        subject=_("政府信息公开申请已答复"),
        body=_("【%(org)s】您的申请（受理编号 %(number)s）已办结：%(outcome)s。请凭查询码在网站查看答复。"),
    )
