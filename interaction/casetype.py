"""Letters as a case type of the kernel (registered in Config.ready).

The main limit is the petition's 60 days; a mailbox letter runs on its
mailbox's own limit in working days and a petition first on the 15 days of
the acceptance decision (service.py starts each clock with its limit)."""

from django.utils.translation import gettext_lazy as _

from casefile.registry import CaseLimits, CaseType, register

from .constants import CONCLUDE_LIMIT, EXTENSION_RULE


def register_case_type() -> CaseType:
    from .models import Letter
    from .workflow import WORKFLOW

    return register(CaseType(
        model=Letter, workflow=WORKFLOW, label=_("来信"),
        limits=CaseLimits(main=CONCLUDE_LIMIT, extension=EXTENSION_RULE),
        detail_url_name="interaction_admin:detail",
        view_permission="interaction.view_letter",
    ))
