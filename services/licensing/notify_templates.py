"""The messages licensing sends to applicants (SMS and e-mail), registered with
notify at start-up. Parameters that are callables or lazy strings are rendered
in the applicant's language when the message is queued; the query code is
secret (encrypted until sent, then masked)."""

from django.utils.translation import gettext_lazy as _

from notify.registry import register

RECEIVED = "banshi.received"
ACCEPTED = "banshi.accepted"
REJECTED = "banshi.rejected"
CORRECTION = "banshi.correction"
SUPPLEMENTED = "banshi.supplemented"
SPECIAL = "banshi.special"
SPECIAL_ENDED = "banshi.special_ended"
EXTENDED = "banshi.extended"
DECIDED = "banshi.decided"
COMPLETED = "banshi.completed"
WITHDRAWN = "banshi.withdrawn"
TERMINATED = "banshi.terminated"
REVIEWING = "banshi.reviewing"


def register_templates() -> None:
    register(
        RECEIVED, subject=_("办件申请已收到"),
        body=_("【%(org)s】您申请的“%(item)s”已收到，办件编号 %(number)s，查询码 %(code)s。"
               "我们将在 %(due)s 前告知是否受理。"),
        secret={"code"},
    )
    register(
        ACCEPTED, subject=_("办件已受理"),
        body=_("【%(org)s】您的办件 %(number)s 已受理，将于 %(due)s 前作出决定。"),
    )
    register(
        REJECTED, subject=_("办件不予受理"),
        body=_("【%(org)s】您的办件 %(number)s 不予受理：%(reason)s %(remedies)s"),
    )
    register(
        CORRECTION, subject=_("办件需要补正材料"),
        body=_("【%(org)s】您的办件 %(number)s 需要补正：%(missing)s。请于 %(until)s 前在网上补正。"),
    )
    register(
        SUPPLEMENTED, subject=_("补正材料已收到"),
        body=_("【%(org)s】您的办件 %(number)s 的补正材料已收到，继续办理。"),
    )
    register(
        REVIEWING, subject=_("办件审查中"),
        body=_("【%(org)s】您的办件 %(number)s 已进入审查，办理期限 %(due)s。"),
    )
    register(
        SPECIAL, subject=_("办件进入特别程序"),
        body=_("【%(org)s】您的办件 %(number)s 需要%(procedure)s，预计需要 %(length)s，"
               "所需时间不计入办理期限。"),
    )
    register(
        SPECIAL_ENDED, subject=_("特别程序已结束"),
        body=_("【%(org)s】您的办件 %(number)s 的%(procedure)s已结束，继续办理，办理期限 %(due)s。"),
    )
    register(
        EXTENDED, subject=_("办理期限延长"),
        body=_("【%(org)s】经本机关负责人批准，您的办件 %(number)s 的决定期限延长 %(days)s 个工作日，"
               "至 %(due)s。理由：%(reason)s"),
    )
    register(
        DECIDED, subject=_("办件已作出决定"),
        body=_("【%(org)s】您的办件 %(number)s 已作出决定：%(decision)s。请凭查询码在网站查看。"),
    )
    register(
        COMPLETED, subject=_("办件已办结"),
        body=_("【%(org)s】您的办件 %(number)s 已办结，可在网站下载送达的文书。欢迎对本次服务作出评价。"),
    )
    register(
        WITHDRAWN, subject=_("办件已撤回"),
        body=_("【%(org)s】您的办件 %(number)s 已按您的要求撤回。"),
    )
    register(
        TERMINATED, subject=_("办件已终止"),
        body=_("【%(org)s】您的办件 %(number)s 已终止办理：%(reason)s"),
    )
