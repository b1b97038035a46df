"""网上调查: a questionnaire page (the builder is a StreamField of questions)
and the responses, one per confirmed phone and one per account."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from cluster.models import ClusterPageMixin


class _Question(blocks.StructBlock):
    question = blocks.CharBlock(label=_("题目"), max_length=200)
    required = blocks.BooleanBlock(label=_("必答"), required=False, default=True)


class ChoiceQuestionBlock(_Question):
    choices = blocks.ListBlock(blocks.CharBlock(label=_("选项"), max_length=100), label=_("选项"), min_num=2)

    class Meta:
        icon = "list-ul"


class SingleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        label = _("单选题")


class MultipleChoiceBlock(ChoiceQuestionBlock):
    class Meta:
        label = _("多选题")


class RatingBlock(_Question):
    low_label = blocks.CharBlock(label=_("1 分的含义"), max_length=30, required=False, default="很不满意")
    high_label = blocks.CharBlock(label=_("5 分的含义"), max_length=30, required=False, default="非常满意")

    class Meta:
        icon = "pick"
        label = _("评分题（1–5 分）")


class FreeTextBlock(_Question):
    class Meta:
        icon = "edit"
        label = _("填空题")


QUESTION_BLOCKS = [
    ("single_choice", SingleChoiceBlock()),
    ("multiple_choice", MultipleChoiceBlock()),
    ("rating", RatingBlock()),
    ("free_text", FreeTextBlock()),
]


class SurveyIndexPage(ClusterPageMixin, Page):
    intro = models.TextField(_("说明"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cluster.HomePage"]
    subpage_types = ["surveys.SurveyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("网上调查栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["surveys"] = SurveyPage.objects.child_of(self).live().public().order_by("-opens_on", "-pk")
        return context


class SurveyPage(ClusterPageMixin, RoutablePageMixin, Page):
    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("发起单位"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("调查说明"), blank=True, max_length=2000)
    questions = StreamField(QUESTION_BLOCKS, verbose_name=_("问卷题目"), blank=True)
    opens_on = models.DateField(_("开始日期"), default=timezone.localdate)
    closes_on = models.DateField(_("截止日期"))
    results_live = models.BooleanField(
        _("调查期间公开实时结果"), default=False, help_text=_("不勾选时，调查结束后才公开结果。"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]), FieldPanel("results_live")],
                        heading=_("调查期限")),
        FieldPanel("questions"),
    ]
    parent_page_types = ["surveys.SurveyIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("网上调查")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("截止日期不能早于开始日期。")})

    def state(self) -> str:
        today = timezone.localdate()
        if today < self.opens_on:
            return "upcoming"
        return "closed" if today > self.closes_on else "open"

    @property
    def is_open(self) -> bool:
        return self.state() == "open"

    @property
    def results_public(self) -> bool:
        return self.state() == "closed" or (self.results_live and self.state() == "open")

    @path("")
    def form_view(self, request):
        from .views import survey_page

        return survey_page(request, self)

    @path("results/")
    def results_view(self, request):
        from .views import results_page

        return results_page(request, self)


class Response(models.Model):
    """One person's answers: the confirmed phone kept only as a keyed hash, the
    account (when signed in) as a link; each unique per survey, so a second
    answer, even sent at the same moment, fails on the index. The results and
    the export never show who answered."""

    survey = models.ForeignKey(SurveyPage, verbose_name=_("网上调查"), on_delete=models.CASCADE, related_name="responses")
    phone_hash = models.CharField(max_length=64, editable=False)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("账户"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    answers = models.JSONField(_("答案"), default=dict)
    language = models.CharField(_("语言"), max_length=10, default="zh-hans")
    created = models.DateTimeField(_("提交时间"), default=timezone.now)

    class Meta:
        verbose_name = _("问卷答卷")
        verbose_name_plural = _("问卷答卷")
        constraints = [
            models.UniqueConstraint(fields=["survey", "phone_hash"], name="surveys_one_response_per_phone"),
            models.UniqueConstraint(fields=["survey", "account"], name="surveys_one_response_per_account"),
        ]

    def __str__(self) -> str:
        return f"{self.survey.title} · {self.created:%Y-%m-%d %H:%M}"
