"""The case types of the cluster. Each procedure registers its model here (in
its AppConfig.ready); the queue, supervision, the calendar re-dating and the
reminders iterate the registry, so no kernel code names a domain model.

    register(CaseType(model=DisclosureRequest, workflow=WORKFLOW, label=_("依申请公开"),
                      limits=CaseLimits(main=Limit(20, Unit.WORKING, "…第三十三条"), ...),
                      detail_url_name="disclosure_applications:detail"))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from workdays.service import ExtensionRule, Limit


@dataclass(frozen=True)
class CaseLimits:
    """A case type's statutory limits as data. ``stops``: the own limit of
    each kind of stop by its reason code (e.g. a third party's 15 working
    days), None where the stage has no limit of its own."""

    main: Limit
    extension: ExtensionRule = field(default_factory=ExtensionRule)
    stops: dict[str, Limit | None] = field(default_factory=dict)


@dataclass(frozen=True)
class CaseType:
    model: type
    workflow: object  # casefile.workflow.Workflow
    label: object  # a lazy translation
    limits: CaseLimits
    detail_url_name: str = ""  # reversed with pk=
    view_permission: str = ""  # app_label.codename to see the queue
    # the applicant let their own deadline (e.g. the 补正 period) pass: called
    # in the reminders task with the locked case; the case type decides what follows
    on_applicant_lapse: Callable | None = None
    stop_labels: dict = field(default_factory=dict)  # reason code -> lazy label

    def stop_label(self, reason: str) -> str:
        return str(self.stop_labels.get(reason, reason))

    @property
    def key(self) -> str:
        return self.model._meta.label_lower

    def detail_url(self, case) -> str:
        return reverse(self.detail_url_name, kwargs={"pk": case.pk}) if self.detail_url_name else ""

    def open_cases(self):
        return self.model._default_manager.filter(status__in=self.workflow.open_statuses)


_TYPES: dict[str, CaseType] = {}


def register(case_type: CaseType) -> CaseType:
    _TYPES[case_type.key] = case_type
    return case_type


def case_types() -> list[CaseType]:
    return list(_TYPES.values())


def get(key: str) -> CaseType:
    return _TYPES[key]


def for_model(model) -> CaseType:
    meta = model._meta
    key = (meta.concrete_model or model)._meta.label_lower
    try:
        return _TYPES[key]
    except KeyError:
        raise LookupError(f"{key} is not a registered case type") from None
