"""行政许可 applications as a case type of the kernel (registered in the AppConfig).

The main limit is the decision's 20 working days (第四十二条); before acceptance
the clock runs the 5 working days of 第三十二条 instead and after the decision
the 10 working days of 第四十四条 (service.py starts each)."""

from django.utils.translation import gettext_lazy as _

from casefile.registry import CaseLimits, CaseType, register

from .constants import DECISION_LIMIT, EXTENSION_RULE, STOP_LIMITS, StopReason


def _lapse(case):
    from .service import lapse

    lapse(case)


def register_case_type() -> CaseType:
    from .models import LicenceApplication
    from .workflow import WORKFLOW

    return register(CaseType(
        model=LicenceApplication, workflow=WORKFLOW, label=_("行政许可"),
        limits=CaseLimits(main=DECISION_LIMIT, extension=EXTENSION_RULE, stops=STOP_LIMITS),
        detail_url_name="licensing_admin:detail",
        view_permission="licensing.view_licenceapplication",
        on_applicant_lapse=_lapse,
        stop_labels=dict(StopReason.choices),
    ))
