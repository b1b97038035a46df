from django.db import models

from casefile.models import Case
from casefile.registry import CaseLimits, CaseType, register
from casefile.workflow import Transition, Workflow
from workdays.service import ExtensionRule, Limit, Unit


class Letter(Case):
    """A letter or visit (信访事项): 60 days to handle it, once extended by at most 30 (calendar days)."""

    class Status(models.TextChoices):
        RECEIVED = "received", "已登记"
        HANDLING = "handling", "办理中"
        DONE = "done", "已办结"

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    subject = models.CharField(max_length=200)


class Permit(Case):
    """An application for an administrative licence: 20 working days, once
    extended by 10; special procedures do not count (行政许可法 第四十二、四十五条)."""

    class Status(models.TextChoices):
        FILED = "filed", "已申请"
        REVIEW = "review", "审查中"
        SUPPLEMENT = "supplement", "补正中"
        SPECIAL = "special", "特别程序"
        GRANTED = "granted", "准予许可"
        WITHDRAWN = "withdrawn", "视为撤回"

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.FILED)
    item = models.CharField(max_length=200)


L, P = Letter.Status, Permit.Status
LETTER_WORKFLOW = Workflow([
    Transition(L.RECEIVED, "accept", L.HANDLING, permission="casekernel_app.change_letter", label="受理"),
    Transition(L.HANDLING, "extend", L.HANDLING, permission="casekernel_app.change_letter", label="延期"),
    Transition(L.HANDLING, "finish", L.DONE, permission="casekernel_app.change_letter", label="办结"),
], status_labels=dict(L.choices))
PERMIT_WORKFLOW = Workflow([
    Transition(P.FILED, "review", P.REVIEW, label="受理"),
    Transition(P.REVIEW, "ask_supplement", P.SUPPLEMENT, label="告知补正"),
    Transition(P.SUPPLEMENT, "supplied", P.REVIEW, label="补正到达"),
    Transition(P.SUPPLEMENT, "lapse", P.WITHDRAWN, label="视为撤回", system=True, assigns=False),
    Transition(P.REVIEW, "special", P.SPECIAL, label="特别程序"),
    Transition(P.SPECIAL, "special_done", P.REVIEW, label="特别程序结束"),
    Transition(P.REVIEW, "extend", P.REVIEW, label="延期"),
    Transition(P.REVIEW, "grant", P.GRANTED, label="准予"),
], status_labels=dict(P.choices))

LETTER_LIMITS = CaseLimits(
    main=Limit(60, Unit.CALENDAR, "《信访工作条例》第三十二条"),
    extension=ExtensionRule(max_count=1, max_days=30, basis="《信访工作条例》第三十二条"),
)
PERMIT_LIMITS = CaseLimits(
    main=Limit(20, Unit.WORKING, "《行政许可法》第四十二条、第八十二条"),
    extension=ExtensionRule(max_count=1, max_days=10, basis="《行政许可法》第四十二条"),
    stops={"expert_review": Limit(10, Unit.WORKING, "《行政许可法》第四十五条（专家评审）")},
)
LAPSED = []


def _permit_lapse(case):
    LAPSED.append(case.pk)
    PERMIT_WORKFLOW.transition(case, "lapse", actor_kind="system", reason="补正期限届满")


def register_types():
    register(CaseType(model=Letter, workflow=LETTER_WORKFLOW, label="信访事项", limits=LETTER_LIMITS,
                      view_permission="casekernel_app.view_letter"))
    register(CaseType(model=Permit, workflow=PERMIT_WORKFLOW, label="行政许可申请", limits=PERMIT_LIMITS,
                      view_permission="casekernel_app.view_permit",
                      on_applicant_lapse=_permit_lapse, stop_labels={"expert_review": "专家评审"}))


class PublicNote(models.Model):
    """A model that is not a page, in the public search through search.indexes.ModelIndex (tests/search)."""

    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    keywords = models.CharField(max_length=200, blank=True)
    published = models.BooleanField(default=False)
    published_on = models.DateField(null=True, blank=True)

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/notes/{self.pk}/"
