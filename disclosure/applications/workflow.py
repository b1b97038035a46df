"""The lifecycle of a request: every allowed (status, action) → status, with
the permission it needs and its label."""

from django.utils.translation import gettext_lazy as _

from casefile.workflow import Transition, Workflow

from .constants import Status

S = Status
WORK = "disclosure_applications.change_disclosurerequest"


def _t(source, action, target, label, **kwargs) -> Transition:
    return Transition(str(source), action, str(target), permission=WORK, label=label, **kwargs)


STEPS = [
    _t(S.SUBMITTED, "confirm_receipt", S.SUBMITTED, _("确认收到申请")),
    _t(S.SUBMITTED, "accept", S.ACCEPTED, _("受理")),
    _t(S.SUBMITTED, "ask_correction", S.CORRECTION, _("告知补正")),
    _t(S.ACCEPTED, "ask_correction", S.CORRECTION, _("告知补正")),
    _t(S.CORRECTION, "supplement", S.ACCEPTED, _("登记补正")),
    _t(S.CORRECTION, "lapse", S.CLOSED, _("逾期未补正"), system=True, assigns=False),
    _t(S.ACCEPTED, "extend", S.ACCEPTED, _("延长答复期限")),
    _t(S.ACCEPTED, "consult", S.CONSULTING, _("征求意见")),
    _t(S.CONSULTING, "end_consultation", S.ACCEPTED, _("意见已回复")),
    _t(S.ACCEPTED, "answer", S.ANSWERED, _("答复")),
    _t(S.CONSULTING, "answer", S.ANSWERED, _("答复")),
    _t(S.SUBMITTED, "close", S.CLOSED, _("终止办理")),
    _t(S.ACCEPTED, "close", S.CLOSED, _("终止办理")),
    _t(S.CORRECTION, "close", S.CLOSED, _("终止办理")),
    _t(S.CONSULTING, "close", S.CLOSED, _("终止办理")),
]
TRANSITIONS = {(t.source, t.action): t.target for t in STEPS}
WORKFLOW = Workflow(STEPS, status_labels=dict(Status.choices))
