"""The lifecycle of a letter: every allowed (status, action) → status, the
permission it needs and its label."""

from django.utils.translation import gettext_lazy as _

from casefile.workflow import Transition, Workflow

from .constants import Status

S = Status
ROUTE = "interaction.route_letter"
REPLY = "interaction.reply_letter"
APPROVE = "interaction.approve_letter"


def _t(source, action, target, label, permission=ROUTE, **kwargs) -> Transition:
    return Transition(str(source), action, str(target), permission=permission, label=label, **kwargs)


STEPS = [
    _t(S.SUBMITTED, "clear_review", S.SUBMITTED, _("敏感词审核通过"), assigns=False),
    _t(S.SUBMITTED, "approve_accused", S.SUBMITTED, _("批准转交被检举控告方"), permission="", assigns=False),
    _t(S.HANDLING, "approve_accused", S.HANDLING, _("批准转交被检举控告方"), permission="", assigns=False),
    _t(S.SUBMITTED, "route", S.HANDLING, _("分办")),
    _t(S.SUBMITTED, "not_accept", S.NOT_ACCEPTED, _("不予受理")),
    _t(S.HANDLING, "transfer", S.HANDLING, _("转办")),
    _t(S.HANDLING, "extend", S.HANDLING, _("延长办理期限")),
    _t(S.HANDLING, "draft_reply", S.DRAFTED, _("提交答复"), permission=REPLY),
    _t(S.DRAFTED, "return_reply", S.HANDLING, _("退回修改"), permission=APPROVE),
    _t(S.DRAFTED, "approve_reply", S.ANSWERED, _("审核通过并答复"), permission=APPROVE),
]
# After the answer the letter is finished for the kernel (no action leads out
# of 已答复, so its clock stops); the writer's rating and one request to handle
# it again, and the publication, are steps of service.py on the locked row.
WORKFLOW = Workflow(STEPS, status_labels=dict(Status.choices))
