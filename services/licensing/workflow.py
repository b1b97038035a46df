"""The lifecycle of a licensing application on the kernel's transition table:
every allowed (status, action) → status, the permission it needs, its label.

Actions the applicant takes (补正, 撤回) and the kernel's lapse are marked
``system`` so they never appear as an officer's button; they run with no
user and ``actor_kind="applicant"`` (or "system")."""

from django.utils.translation import gettext_lazy as _

from casefile.workflow import Transition, Workflow

from .constants import EXTENSION_PERMISSION, Status

S = Status
WORK = "licensing.change_licenceapplication"


def _t(source, action, target, label, permission=WORK, **kwargs) -> Transition:
    return Transition(str(source), action, str(target), permission=permission, label=label, **kwargs)


def _applicant(source, action, target, label) -> Transition:
    return Transition(str(source), action, str(target), label=label, system=True, assigns=False)


WITHDRAWABLE = (S.SUBMITTED, S.CORRECTION, S.ACCEPTED, S.REVIEWING, S.SPECIAL)

STEPS = [
    # 受理 / 不予受理 / 补正 (第三十二条)
    _t(S.SUBMITTED, "accept", S.ACCEPTED, _("受理")),
    _t(S.SUBMITTED, "reject", S.REJECTED, _("不予受理")),
    _t(S.SUBMITTED, "ask_correction", S.CORRECTION, _("一次告知补正")),
    # the applicant completes the materials online: back to acceptance, or (a late
    # notice: already accepted on arrival) on to review
    _applicant(S.CORRECTION, "supplement", S.SUBMITTED, _("提交补正材料")),
    _applicant(S.CORRECTION, "supplement_accepted", S.ACCEPTED, _("提交补正材料")),
    Transition(str(S.CORRECTION), "lapse", str(S.TERMINATED), label=_("逾期未补正"), system=True, assigns=False),
    # 审查 and the special procedures that stop the clock (第四十五条)
    _t(S.ACCEPTED, "review", S.REVIEWING, _("开始审查")),
    _t(S.ACCEPTED, "start_special", S.SPECIAL, _("启动特别程序")),
    _t(S.REVIEWING, "start_special", S.SPECIAL, _("启动特别程序")),
    _t(S.SPECIAL, "end_special", S.REVIEWING, _("特别程序结束")),
    # one extension of 10 working days, by the head of the body (第四十二条)
    _t(S.ACCEPTED, "extend", S.ACCEPTED, _("延长决定期限"), permission=EXTENSION_PERMISSION),
    _t(S.REVIEWING, "extend", S.REVIEWING, _("延长决定期限"), permission=EXTENSION_PERMISSION),
    # 决定 准予 / 不予许可 (第三十八条), then 办结 with the documents (第四十四条)
    _t(S.ACCEPTED, "decide", S.DECIDED, _("作出决定")),
    _t(S.REVIEWING, "decide", S.DECIDED, _("作出决定")),
    _t(S.DECIDED, "complete", S.COMPLETED, _("办结送达")),
    # the applicant withdraws (撤回申请)
    *[_applicant(s, "withdraw", S.WITHDRAWN, _("撤回申请")) for s in WITHDRAWABLE],
]
APPLICANT_ACTIONS = {"supplement", "supplement_accepted", "withdraw"}
TRANSITIONS = {(t.source, t.action): t.target for t in STEPS}
WORKFLOW = Workflow(STEPS, status_labels=dict(Status.choices))
