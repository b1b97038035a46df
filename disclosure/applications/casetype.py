"""依申请公开 as a case type of the kernel (registered in ApplicationsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from casefile.registry import CaseLimits, CaseType, register

from .constants import ANSWER_LIMIT, EXTENSION_RULE, STOP_LIMITS, StopReason


def _lapse(case):
    from .service import lapse

    lapse(case)


def register_case_type() -> CaseType:
    from .models import DisclosureRequest
    from .workflow import WORKFLOW

    return register(CaseType(
        model=DisclosureRequest, workflow=WORKFLOW, label=_("依申请公开"),
        limits=CaseLimits(main=ANSWER_LIMIT, extension=EXTENSION_RULE, stops=STOP_LIMITS),
        detail_url_name="disclosure_applications:detail",
        view_permission="disclosure_applications.view_disclosurerequest",
        on_applicant_lapse=_lapse,
        stop_labels=dict(StopReason.choices),
    ))
