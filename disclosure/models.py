"""The disclosure library's catalogue (政府信息公开目录).

Every published item carries the catalogue's metadata; its 索引号 is generated
once, from the publishing organisation's code, the year and a per-organisation
sequence, and never changes afterwards.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cluster.blocks import BodyBlock
from cluster.feeds import feed_links
from cluster.models import ClusterPageMixin
from cluster.models.pages import AttachmentBase
from multilingual.content import MongolianTextMixin


class Topic(MongolianTextMixin, models.Model):
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

    RULES = "rules", _("规章")
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

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last}"


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


# Newest first; undated documents (NULL) last on every database (PostgreSQL
# would put NULLs first in a descending sort).
NEWEST_FIRST = (models.F("publish_date").desc(nulls_last=True), "-pk")


class DisclosureIndexPage(ClusterPageMixin, RoutablePageMixin, Page):
    """The 政府信息公开 section of one organisation's site at ``/zfxxgk/``.

    It is both the hub (its children are the guide, the rules and the annual
    reports; the section menu also links 依申请公开) and 法定主动公开内容: the
    catalogue of one organisation (or, on the portal, of all of them) browsable
    by topic, type and year, with RSS/Atom feeds. The catalogue stays the page
    itself so that ``/zfxxgk/<document>/`` URLs never change.
    """

    intro = models.TextField(_("说明"), blank=True)
    all_organisations = models.BooleanField(
        _("显示全部机构"), default=False, help_text=_("门户网站的政府信息公开目录显示全市所有机构的信息")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("all_organisations")]
    parent_page_types = ["cluster.HomePage"]
    subpage_types = [
        "disclosure.DisclosureDocumentPage",
        "disclosure.DisclosureTextPage",
        "disclosure.AnnualReportIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("政府信息公开目录")

    def section_links(self, request=None) -> list[dict]:
        """The hub's menu: guide, rules, the catalogue, annual reports, 依申请公开."""
        children = {p.slug: p for p in self.get_children().live().public().not_type(DisclosureDocumentPage).specific()}
        links = []
        for page in children.values():
            if isinstance(page, DisclosureTextPage) and page.kind == DisclosureTextPage.Kind.GUIDE:
                links.append({"order": 1, "title": page.title, "url": page.get_url(request)})
            elif isinstance(page, DisclosureTextPage):
                links.append({"order": 2, "title": page.title, "url": page.get_url(request)})
            elif isinstance(page, AnnualReportIndexPage):
                links.append({"order": 4, "title": page.title, "url": page.get_url(request)})
        links.append({"order": 3, "title": _("法定主动公开内容"), "url": self.get_url(request) + "#catalogue"})
        links.append({"order": 5, "title": _("依申请公开"), "url": "/yisqgk/"})
        return sorted(links, key=lambda link: link["order"])

    @path("")
    def catalogue(self, request):
        return self.render(request)

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from .feeds import CatalogueRssFeed

        return CatalogueRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from .feeds import CatalogueAtomFeed

        return CatalogueAtomFeed(self)(request)

    def documents(self):
        qs = DisclosureDocumentPage.objects.live().public().select_related("organisation", "topic")
        if not self.all_organisations:
            qs = qs.descendant_of(self)
        return qs.order_by(*NEWEST_FIRST)

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
        context["sections"] = self.section_links(request)
        feed_query = f"?topic={filters['topic']}" if "topic" in filters else ""
        context["feeds"] = feed_links(self, request, feed_query)
        return context


class DisclosureDocumentPage(ClusterPageMixin, Page):
    """One item of the disclosure catalogue, with the catalogue's metadata."""

    # One 索引号 per item of government information: its translations share it.
    # Unique per language (locale lives on Page's table, so no DB constraint can
    # say that): numbers come from the locked sequence, and save() renumbers copies.
    index_number = models.CharField(_("索引号"), max_length=64, blank=True, editable=False, db_index=True)
    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("发布机构"), on_delete=models.PROTECT, related_name="disclosure_documents"
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("主题分类"), null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    doc_type = models.CharField(_("体裁"), max_length=20, choices=DocumentType.choices, default=DocumentType.NOTICE)
    doc_number = models.CharField(_("发文字号"), max_length=80, blank=True, db_index=True)
    written_date = models.DateField(_("成文日期"), null=True, blank=True)
    # Empty when an imported source had no date: such a document is shown as
    # undated and listed after the dated ones, never given the import's day.
    publish_date = models.DateField(_("发布日期"), null=True, blank=True, default=timezone.localdate)
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
    # Set by ``import_documents``: the source record's id, so a second run skips it.
    import_source = models.CharField(_("导入来源"), max_length=255, blank=True, db_index=True, editable=False)

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

    exclude_fields_in_copy = ["import_source"]

    class Meta:
        verbose_name = _("公开信息")
        verbose_name_plural = _("公开信息")

    def save(self, *args, **kwargs):
        if self.index_number and self._index_number_taken_in_language():
            # A plain copy of a document is a new item and needs its own number.
            self.index_number = ""
        if not self.index_number and self.translation_key:
            self.index_number = (
                DisclosureDocumentPage.objects.filter(translation_key=self.translation_key)
                .exclude(index_number="").exclude(pk=self.pk).values_list("index_number", flat=True).first() or ""
            )
        if not self.index_number and self.organisation_id:
            year = (self.publish_date or timezone.localdate()).year
            self.index_number = next_index_number(organisation=self.organisation, year=year)
        super().save(*args, **kwargs)

    def _index_number_taken_in_language(self) -> bool:
        return (
            DisclosureDocumentPage.objects.filter(index_number=self.index_number, locale_id=self.locale_id)
            .exclude(pk=self.pk).exclude(translation_key=self.translation_key).exists()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = self.attachments.select_related("document")
        context["interpretations"] = self.interpretations.live().public()
        return context

    def attachments_text(self) -> str:
        """The text of the attachments (extracted once, on upload), for the search index."""
        return "\n".join(a.document.extracted_text for a in self.attachments.select_related("document") if a.document.extracted_text)


class DisclosureAttachment(AttachmentBase):
    page = ParentalKey(DisclosureDocumentPage, related_name="attachments", on_delete=models.CASCADE)


class DisclosureTextPage(ClusterPageMixin, Page):
    """信息公开指南 or 信息公开制度: a plain text page of the disclosure section."""

    class Kind(models.TextChoices):
        GUIDE = "guide", _("信息公开指南")
        RULES = "rules", _("信息公开制度")

    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices, default=Kind.GUIDE)
    body = StreamField(BodyBlock(), verbose_name=_("正文"), blank=True)
    updated_on = models.DateField(_("更新日期"), default=timezone.localdate)

    content_panels = Page.content_panels + [FieldPanel("kind"), FieldPanel("updated_on"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["disclosure.DisclosureIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("信息公开指南/制度")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_parent().specific.section_links(request)
        return context


class AnnualReportIndexPage(ClusterPageMixin, Page):
    """信息公开年报: the list of one site's annual reports, newest year first."""

    intro = models.TextField(_("说明"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["disclosure.DisclosureIndexPage"]
    subpage_types = ["disclosure.AnnualReportPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("信息公开年报栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_parent().specific.section_links(request)
        context["reports"] = (
            AnnualReportPage.objects.child_of(self).live().public().select_related("organisation").order_by("-year")
        )
        return context


def _count(label):
    return models.PositiveIntegerField(label, default=0)


# Table 四 of the report: one row of five figures per kind of case.
REVIEW_GROUPS = (
    ("review", _("行政复议")),
    ("suit_direct", _("行政诉讼（未经复议直接起诉）")),
    ("suit_after", _("行政诉讼（复议后起诉）")),
)
REVIEW_OUTCOMES = (
    ("upheld", _("结果维持")),
    ("corrected", _("结果纠正")),
    ("other", _("其他结果")),
    ("pending", _("尚未审结")),
    ("total", _("总计")),
)


class AnnualReportPage(ClusterPageMixin, RoutablePageMixin, Page):
    """政府信息公开工作年度报告 of one organisation for one year, in the form of the
    State Council's 2021 template. Table 二's document counts and table 三 are
    computed; the other figures are entered by staff and checked for consistency.
    The same figures are offered as a spreadsheet and a PDF."""

    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("机构"), on_delete=models.PROTECT, related_name="disclosure_reports"
    )
    year = models.PositiveIntegerField(_("年度"))
    overview = RichTextField(_("一、总体情况"), blank=True)
    problems = RichTextField(_("五、存在的主要问题及改进情况"), blank=True)
    other_matters = RichTextField(_("六、其他需要报告的事项"), blank=True)
    # 二: figures the catalogue does not know
    licences = _count(_("行政许可本年处理决定数量"))
    penalties = _count(_("行政处罚本年处理决定数量"))
    enforcements = _count(_("行政强制本年处理决定数量"))
    fees = models.DecimalField(
        _("行政事业性收费本年收费金额（万元）"), max_digits=14, decimal_places=2, default=0,
        validators=[MinValueValidator(0)],
    )
    # 四
    review_upheld = _count(_("行政复议：结果维持"))
    review_corrected = _count(_("行政复议：结果纠正"))
    review_other = _count(_("行政复议：其他结果"))
    review_pending = _count(_("行政复议：尚未审结"))
    review_total = _count(_("行政复议：总计"))
    suit_direct_upheld = _count(_("未经复议直接起诉：结果维持"))
    suit_direct_corrected = _count(_("未经复议直接起诉：结果纠正"))
    suit_direct_other = _count(_("未经复议直接起诉：其他结果"))
    suit_direct_pending = _count(_("未经复议直接起诉：尚未审结"))
    suit_direct_total = _count(_("未经复议直接起诉：总计"))
    suit_after_upheld = _count(_("复议后起诉：结果维持"))
    suit_after_corrected = _count(_("复议后起诉：结果纠正"))
    suit_after_other = _count(_("复议后起诉：其他结果"))
    suit_after_pending = _count(_("复议后起诉：尚未审结"))
    suit_after_total = _count(_("复议后起诉：总计"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("year")]),
        FieldPanel("overview"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("licences"), FieldPanel("penalties"), FieldPanel("enforcements")]),
                FieldPanel("fees"),
            ],
            heading=_("二、主动公开政府信息情况"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(f"{group}_{outcome}") for outcome, _label in REVIEW_OUTCOMES])
                for group, _glabel in REVIEW_GROUPS
            ],
            heading=_("四、政府信息公开行政复议、行政诉讼情况"),
        ),
        FieldPanel("problems"),
        FieldPanel("other_matters"),
    ]
    parent_page_types = ["disclosure.AnnualReportIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("信息公开年报")
        verbose_name_plural = _("信息公开年报")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="one_annual_report_per_org_year"),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.year and not 2008 <= self.year <= timezone.localdate().year + 1:
            errors["year"] = _("年度应在2008年（《政府信息公开条例》施行）至明年之间。")
        for group, label in REVIEW_GROUPS:
            parts = sum(getattr(self, f"{group}_{o}") or 0 for o, _l in REVIEW_OUTCOMES if o != "total")
            total = getattr(self, f"{group}_total") or 0
            if parts != total:
                errors[f"{group}_total"] = _("%(label)s的总计应为%(parts)d（维持、纠正、其他结果、尚未审结之和），现填%(total)d。") % {
                    "label": label, "parts": parts, "total": total,
                }
        if errors:
            raise ValidationError(errors)

    def report(self):
        from .annual_report import build_report

        return build_report(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["report"] = self.report()
        context["downloads"] = {
            "xlsx": self.get_url(request) + self.reverse_subpage("xlsx"),
            "pdf": self.get_url(request) + self.reverse_subpage("pdf"),
        }
        return context

    @path("")
    def show(self, request):
        return self.render(request)

    @path("xlsx/", name="xlsx")
    def xlsx(self, request):
        from .exports import report_filename, report_xlsx

        response = HttpResponse(
            report_xlsx(self.report()),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{report_filename(self, 'xlsx')}"
        return response

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from pdffonts import FontMissing

        from .exports import report_filename, report_pdf

        try:
            data = report_pdf(self.report())
        except FontMissing as exc:
            return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
        response = HttpResponse(data, content_type="application/pdf")
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{report_filename(self, 'pdf')}"
        return response
