"""The disclosure library's catalogue (政府信息公开目录).

Every published item carries the catalogue's metadata; its 索引号 is generated
once, from the publishing organisation's code, the year and a per-organisation
sequence, and never changes afterwards.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cluster.blocks import BodyBlock
from cluster.models import ClusterPageMixin
from cluster.models.pages import AttachmentBase


class Topic(models.Model):
    """主题分类: a tree that editors manage (e.g. 国民经济管理 › 发展规划)."""

    name = models.CharField(_("名称"), max_length=80)
    name_en = models.CharField(_("英文名称"), max_length=120, blank=True)
    name_mn = models.CharField(_("蒙古文名称"), max_length=200, blank=True)
    code = models.SlugField(_("代码"), max_length=40, unique=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级分类"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("主题分类")
        verbose_name_plural = _("主题分类")

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name


class DocumentType(models.TextChoices):
    """体裁/公文种类."""

    REGULATION = "regulation", _("规范性文件")
    DECISION = "decision", _("决定")
    NOTICE = "notice", _("通知")
    ANNOUNCEMENT = "announcement", _("公告")
    CIRCULAR = "circular", _("通告")
    OPINION = "opinion", _("意见")
    MEASURES = "measures", _("办法")
    PLAN = "plan", _("规划")
    REPORT = "report", _("报告")
    INTERPRETATION = "interpretation", _("政策解读")
    OTHER = "other", _("其他")


class Validity(models.TextChoices):
    VALID = "valid", _("有效")
    EXPIRED = "expired", _("失效")
    REPEALED = "repealed", _("废止")


class IndexNumberSequence(models.Model):
    """The last sequence number an organisation used in a year for 索引号."""

    organisation = models.ForeignKey("cluster.Organisation", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="one_sequence_per_org_year")]


def next_index_number(*, organisation, year: int) -> str:
    """Allocate the next 索引号, e.g. ``11150100MB0000102B/2026-00012``.

    The row lock makes concurrent publishers get distinct numbers.
    """
    with transaction.atomic():
        IndexNumberSequence.objects.get_or_create(organisation=organisation, year=year)
        seq = IndexNumberSequence.objects.select_for_update().get(organisation=organisation, year=year)
        seq.last += 1
        seq.save(update_fields=["last"])
    return f"{organisation.code}/{year}-{seq.last:05d}"


class DisclosureIndexPage(ClusterPageMixin, Page):
    """法定主动公开内容 of one organisation's site (or, on the portal, of all of
    them): the catalogue browsable by topic, by type and by year."""

    intro = models.TextField(_("说明"), blank=True)
    all_organisations = models.BooleanField(
        _("显示全部机构"), default=False, help_text=_("门户网站的政府信息公开目录显示全市所有机构的信息")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("all_organisations")]
    parent_page_types = ["cluster.HomePage"]
    subpage_types = ["disclosure.DisclosureDocumentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("政府信息公开目录")

    def documents(self):
        qs = DisclosureDocumentPage.objects.live().public().select_related("organisation", "topic")
        if not self.all_organisations:
            qs = qs.descendant_of(self)
        return qs.order_by("-publish_date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        docs = self.documents()
        filters = {}
        topic = request.GET.get("topic", "")
        if topic:
            docs = docs.filter(models.Q(topic__code=topic) | models.Q(topic__parent__code=topic))
            filters["topic"] = topic
        doc_type = request.GET.get("type", "")
        if doc_type in DocumentType.values:
            docs = docs.filter(doc_type=doc_type)
            filters["type"] = doc_type
        year = request.GET.get("year", "")
        if year.isdigit():
            docs = docs.filter(publish_date__year=int(year))
            filters["year"] = year
        context["page_obj"] = Paginator(docs, 20).get_page(request.GET.get("page"))
        context["filters"] = filters
        context["topics"] = Topic.objects.filter(parent__isnull=True).prefetch_related("children")
        context["doc_types"] = DocumentType.choices
        context["years"] = self.documents().dates("publish_date", "year", order="DESC")
        context["extra_query"] = "&".join(f"{k}={v}" for k, v in filters.items())
        return context


class DisclosureDocumentPage(ClusterPageMixin, Page):
    """One item of the disclosure catalogue, with the catalogue's metadata."""

    index_number = models.CharField(_("索引号"), max_length=64, unique=True, blank=True, editable=False)
    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("发布机构"), on_delete=models.PROTECT, related_name="disclosure_documents"
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("主题分类"), null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    doc_type = models.CharField(_("体裁"), max_length=20, choices=DocumentType.choices, default=DocumentType.NOTICE)
    doc_number = models.CharField(_("发文字号"), max_length=80, blank=True, db_index=True)
    written_date = models.DateField(_("成文日期"), null=True, blank=True)
    publish_date = models.DateField(_("发布日期"), default=timezone.localdate)
    validity = models.CharField(_("有效性"), max_length=10, choices=Validity.choices, default=Validity.VALID)
    validity_date = models.DateField(_("失效/废止日期"), null=True, blank=True)
    keywords = models.CharField(_("关键词"), max_length=200, blank=True)
    summary = models.TextField(_("内容概述"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)
    interprets = models.ForeignKey(
        "self",
        verbose_name=_("解读的政策"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpretations",
        help_text=_("政策解读：选择被解读的政策文件"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("organisation"), FieldPanel("topic")]),
                FieldRowPanel([FieldPanel("doc_type"), FieldPanel("doc_number")]),
                FieldRowPanel([FieldPanel("written_date"), FieldPanel("publish_date")]),
                FieldRowPanel([FieldPanel("validity"), FieldPanel("validity_date")]),
                FieldPanel("keywords"),
                FieldPanel("interprets"),
            ],
            heading=_("目录信息"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("附件")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("doc_number"),
        index.SearchField("index_number"),
        index.SearchField("body"),
        index.FilterField("publish_date"),
    ]
    parent_page_types = ["disclosure.DisclosureIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("公开信息")
        verbose_name_plural = _("公开信息")

    def save(self, *args, **kwargs):
        if not self.index_number and self.organisation_id:
            year = (self.publish_date or timezone.localdate()).year
            self.index_number = next_index_number(organisation=self.organisation, year=year)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = self.attachments.select_related("document")
        context["interpretations"] = self.interpretations.live().public()
        return context


class DisclosureAttachment(AttachmentBase):
    page = ParentalKey(DisclosureDocumentPage, related_name="attachments", on_delete=models.CASCADE)
