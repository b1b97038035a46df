"""The lifecycle of a request: every allowed (status, action) → status."""

from casefile.workflow import Workflow

from .constants import Status

S = Status
TRANSITIONS = {
    (S.SUBMITTED, "accept"): S.ACCEPTED,
    (S.SUBMITTED, "ask_correction"): S.CORRECTION,
    (S.ACCEPTED, "ask_correction"): S.CORRECTION,
    (S.CORRECTION, "supplement"): S.ACCEPTED,
    (S.ACCEPTED, "extend"): S.ACCEPTED,
    (S.ACCEPTED, "answer"): S.ANSWERED,
    (S.SUBMITTED, "close"): S.CLOSED,
    (S.ACCEPTED, "close"): S.CLOSED,
    (S.CORRECTION, "close"): S.CLOSED,
}
WORKFLOW = Workflow({(str(a), act): str(b) for (a, act), b in TRANSITIONS.items()})
