"""意见征集: a draft put out for comment (a Wagtail page, so it is published
through the site's review workflow) and the comments citizens send on it."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cluster.models import ClusterPageMixin

from .constants import MIN_PERIOD_DAYS, TEXT_MAX, Adoption, CommentStatus


class SectionBlock(blocks.StructBlock):
    """One part of the draft (an article or chapter) that can be commented on;
    the block's id is the section's key, so edits to its text keep the comments."""

    number = blocks.CharBlock(label=_("编号"), max_length=30, help_text=_("如：第一条、第二章"))
    heading = blocks.CharBlock(label=_("标题"), max_length=120, required=False)
    text = blocks.TextBlock(label=_("条文"))

    class Meta:
        icon = "doc-full"
        label = _("条款")


class ConsultationIndexPage(ClusterPageMixin, Page):
    """The site's 意见征集 column (``/yjzj/``): open drafts first, then closed ones."""

    intro = models.TextField(_("说明"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cluster.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("意见征集栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        pages = ConsultationPage.objects.child_of(self).live().public().order_by("-opens_on", "-pk")
        context["open_items"] = [p for p in pages if p.state(today) == "open"]
        context["closed_items"] = [p for p in pages if p.state(today) == "closed"]
        context["upcoming_items"] = [p for p in pages if p.state(today) == "upcoming"]
        return context


class ConsultationPage(ClusterPageMixin, Page):
    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("征集单位"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("起草说明"), blank=True, max_length=2000)
    sections = StreamField([("section", SectionBlock())], verbose_name=_("草案条款"), blank=True)
    attachment = models.ForeignKey(
        "cluster.ClusterDocument", verbose_name=_("草案全文"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    opens_on = models.DateField(_("征集开始日期"), default=timezone.localdate)
    closes_on = models.DateField(_("征集截止日期"))
    short_period_reason = models.TextField(
        _("征集期限少于30日的理由"), blank=True,
        help_text=_("征求意见期限一般不少于30日；期限更短的须说明理由，理由将向社会公开（《重大行政决策程序暂行条例》第十五条）。"),
    )
    contact = models.TextField(_("联系方式"), blank=True, help_text=_("如：联系电话、电子邮箱、通信地址"))
    feedback = RichTextField(
        _("采纳情况说明"), blank=True, features=["bold", "ol", "ul", "link"],
        help_text=_("征集结束后公布：收到意见的总体情况、采纳情况及未采纳的理由（第三十二条）。每条意见的采纳情况在“意见征集 → 意见审核”中填写。"),
    )
    feedback_date = models.DateField(_("采纳情况公布日期"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("summary"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
            FieldPanel("short_period_reason"),
        ], heading=_("征集期限")),
        FieldPanel("sections"),
        FieldPanel("attachment"),
        FieldPanel("contact"),
        MultiFieldPanel([FieldPanel("feedback"), FieldPanel("feedback_date")], heading=_("采纳情况")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("closes_on")]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("意见征集")

    # -- the period ---------------------------------------------------------

    @property
    def period_days(self) -> int:
        """Calendar days the draft is open, the first and the last day included."""
        if not (self.opens_on and self.closes_on):
            return 0
        return (self.closes_on - self.opens_on).days + 1

    def clean(self):
        super().clean()
        errors = {}
        self.short_period_reason = (self.short_period_reason or "").strip()
        if self.opens_on and self.closes_on:
            if self.closes_on < self.opens_on:
                errors["closes_on"] = _("截止日期不能早于开始日期。")
            elif self.period_days < MIN_PERIOD_DAYS and not self.short_period_reason:
                errors["short_period_reason"] = _(
                    "征集期限为 %(days)d 日，少于 30 日，请填写理由（将向社会公开）。"
                ) % {"days": self.period_days}
        if errors:
            raise ValidationError(errors)

    def state(self, today: dt.date | None = None) -> str:
        today = today or timezone.localdate()
        if today < self.opens_on:
            return "upcoming"
        if today > self.closes_on:
            return "closed"
        return "open"

    @property
    def is_open(self) -> bool:
        return self.state() == "open"

    @property
    def is_closed(self) -> bool:
        return self.state() == "closed"

    @property
    def short_period(self) -> bool:
        return self.period_days < MIN_PERIOD_DAYS

    @property
    def publish_date(self):  # the search's date field
        return self.opens_on

    def section_choices(self) -> list[tuple[str, str]]:
        return [(block.id, section_label(block.value)) for block in self.sections]

    def attachments_text(self) -> str:
        doc = self.attachment
        return doc.extracted_text if doc is not None else ""

    def serve(self, request, *args, **kwargs):
        from .views import consultation_page

        return consultation_page(request, self)


def section_label(value) -> str:
    heading = value.get("heading") or ""
    return f"{value.get('number', '')} {heading}".strip()


class Comment(models.Model):
    """One citizen's comment on a draft or on one of its sections. Only approved
    comments are shown (masked); a sensitive-word hit marks it for a reviewer,
    it is never refused or dropped."""

    consultation = models.ForeignKey(
        ConsultationPage, verbose_name=_("意见征集"), on_delete=models.CASCADE, related_name="comments"
    )
    section_key = models.CharField(_("条款"), max_length=64, blank=True, help_text=_("空：对草案整体的意见"))
    section_label = models.CharField(_("针对条款"), max_length=160, blank=True)
    text = models.TextField(_("意见内容"), max_length=TEXT_MAX)
    name = models.CharField(_("姓名"), max_length=50, blank=True)
    show_name = models.BooleanField(_("同意公开姓名"), default=False)
    phone = models.CharField(_("手机号码"), max_length=20, blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("账户"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("语言"), max_length=10, default="zh-hans")
    status = models.CharField(
        _("审核状态"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    sensitive_words = models.CharField(_("命中敏感词"), max_length=300, blank=True)
    adoption = models.CharField(_("采纳情况"), max_length=20, choices=Adoption.choices, blank=True, default="")
    adoption_note = models.TextField(_("采纳说明"), blank=True, help_text=_("采纳或未采纳的理由，随采纳情况公开。"))
    created = models.DateTimeField(_("提交时间"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("意见")
        verbose_name_plural = _("意见")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["consultation", "status", "created"])]

    def __str__(self) -> str:
        return f"{self.consultation.title} · {self.section_label or _('整体意见')} · {self.created:%Y-%m-%d}"

    @property
    def on_section(self) -> str:
        return self.section_label or str(_("草案整体"))
