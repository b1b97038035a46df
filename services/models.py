"""The item catalogue (事项清单) and its guides (办事指南).

One ``ServiceIndexPage`` (网上办事, ``/wsbs/``) per site lists the items; each
``ServiceItemPage`` is one item of administrative power or public service with
the fields of the national guide (国务院办公厅《政务服务事项办事指南》要素) in
their order, its required materials and the extra fields editors configure for
its online form. Items are pages so that they go through each site's review
workflow and are translated with wagtail-localize like every other page.
``services.licensing`` builds the online application on these models.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cluster.models import ClusterPageMixin, Organisation
from multilingual.content import MongolianTextMixin

GUIDE_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class Audience(models.TextChoices):
    PERSON = "person", _("个人办事")
    LEGAL = "legal", _("法人办事")


class ItemAudience(models.TextChoices):
    PERSON = "person", _("自然人")
    LEGAL = "legal", _("法人")
    BOTH = "both", _("自然人、法人")


class ItemKind(models.TextChoices):
    """The kinds of administrative power of the national lists, and public services."""

    LICENCE = "licence", _("行政许可")
    PAYMENT = "payment", _("行政给付")
    CONFIRMATION = "confirmation", _("行政确认")
    RULING = "ruling", _("行政裁决")
    REWARD = "reward", _("行政奖励")
    FILING = "filing", _("行政备案")
    OTHER_POWER = "other_power", _("其他行政权力")
    PUBLIC_SERVICE = "public_service", _("公共服务")


def _localized(obj, field: str = "name") -> str:
    lang = translation.get_language() or ""
    if lang.startswith("mn") and getattr(obj, f"{field}_mn", ""):
        return getattr(obj, f"{field}_mn")
    if lang.startswith("en") and getattr(obj, f"{field}_en", ""):
        return getattr(obj, f"{field}_en")
    return getattr(obj, field)


class ServiceTheme(MongolianTextMixin, models.Model):
    """A theme of the national catalogue (生育收养, 设立变更 …) for persons or
    legal persons. Like the disclosure ``Topic`` it carries its English and
    Mongolian names itself: a theme is a word of the catalogue, not content."""

    name = models.CharField(_("名称"), max_length=40)
    name_en = models.CharField(_("英文名称"), max_length=80, blank=True)
    name_mn = models.CharField(_("蒙古文名称"), max_length=200, blank=True)
    slug = models.SlugField(_("代码"), max_length=40, unique=True)
    audience = models.CharField(_("服务对象"), max_length=10, choices=Audience.choices, default=Audience.PERSON)
    order = models.PositiveSmallIntegerField(_("排序"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("name_mn"),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("audience"), FieldPanel("order")]),
    ]

    class Meta:
        ordering = ["audience", "order", "slug"]
        verbose_name = _("办事主题")
        verbose_name_plural = _("办事主题")

    def __str__(self) -> str:
        return f"{self.get_audience_display()} › {self.name}"

    @property
    def localized_name(self) -> str:
        return _localized(self)


class ServiceIndexPage(ClusterPageMixin, RoutablePageMixin, Page):
    """网上办事 (``/wsbs/``): the items of one site, browsable by department, by
    theme and by audience (个人办事 / 法人办事). On the portal it lists every
    live item of its language in the cluster."""

    intro = models.TextField(_("说明"), blank=True)
    all_organisations = models.BooleanField(
        _("显示全部机构"), default=False, help_text=_("门户网站的网上办事栏目列出全市所有机构的办事事项")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("all_organisations")]
    parent_page_types = ["cluster.HomePage"]
    subpage_types = ["services.ServiceItemPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("网上办事")

    def items(self):
        qs = (
            ServiceItemPage.objects.live().public().filter(locale_id=self.locale_id)
            .select_related("organisation").prefetch_related("themes")
        )
        if not self.all_organisations:
            qs = qs.descendant_of(self)
        return qs.order_by("organisation__sort_order", "item_code")

    def _listing(self, request, *, items, heading: str = "", audience: str = "", theme=None, organisation=None):
        query = request.GET.get("kind", "")
        if query in ItemKind.values:
            items = items.filter(kind=query)
        context = {
            "page_obj": Paginator(items, 30).get_page(request.GET.get("page")),
            "heading": heading,
            "audience": audience,
            "current_theme": theme,
            "current_organisation": organisation,
            "current_kind": query,
        }
        return self.render(request, context_overrides=context)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        all_items = self.items()
        themes = ServiceTheme.objects.filter(items__in=all_items).distinct()
        context["person_themes"] = [t for t in themes if t.audience == Audience.PERSON]
        context["legal_themes"] = [t for t in themes if t.audience == Audience.LEGAL]
        context["organisations"] = Organisation.objects.filter(service_items__in=all_items).distinct()
        context["kinds"] = ItemKind.choices
        return context

    def route_url(self, name: str, *args, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage(name, args=args)

    @path("")
    def catalogue(self, request):
        return self._listing(request, items=self.items())

    @path("geren/", name="persons")
    def persons(self, request):
        items = self.items().filter(audience__in=[ItemAudience.PERSON, ItemAudience.BOTH])
        return self._listing(request, items=items, heading=Audience.PERSON.label, audience=Audience.PERSON)

    @path("faren/", name="legal")
    def legal(self, request):
        items = self.items().filter(audience__in=[ItemAudience.LEGAL, ItemAudience.BOTH])
        return self._listing(request, items=items, heading=Audience.LEGAL.label, audience=Audience.LEGAL)

    @path("bumen/<int:org_id>/", name="department")
    def department(self, request, org_id: int):
        organisation = get_object_or_404(Organisation, pk=org_id)
        items = self.items().filter(organisation=organisation)
        return self._listing(request, items=items, heading=organisation.localized_name, organisation=organisation)

    @path("zhuti/<slug:slug>/", name="theme")
    def theme(self, request, slug: str):
        theme = get_object_or_404(ServiceTheme, slug=slug)
        items = self.items().filter(themes=theme)
        return self._listing(request, items=items, heading=theme.localized_name, audience=theme.audience, theme=theme)


class ServiceItemPage(ClusterPageMixin, RoutablePageMixin, Page):
    """One item of the catalogue and its guide (办事指南), printable and as a PDF.

    The fields follow the national guide's order. Time limits are in working
    days (``workdays``); ``promised_limit`` (承诺时限) may be shorter than the
    statutory one (法定时限) but never longer.
    """

    item_code = models.CharField(
        _("事项编码"), max_length=64, db_index=True,
        help_text=_("实施清单编码，如 11150100MB0000708H-XK-001；同一语言内唯一，译本与原文相同"),
    )
    kind = models.CharField(_("事项类型"), max_length=20, choices=ItemKind.choices, default=ItemKind.LICENCE)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("实施主体"), on_delete=models.PROTECT, related_name="service_items"
    )
    audience = models.CharField(_("服务对象"), max_length=10, choices=ItemAudience.choices, default=ItemAudience.BOTH)
    themes = ParentalManyToManyField(ServiceTheme, verbose_name=_("主题分类"), blank=True, related_name="items")
    summary = models.TextField(_("事项简介"), blank=True, max_length=500)
    legal_basis = RichTextField(_("设定依据"), features=GUIDE_FEATURES)
    conditions = RichTextField(_("受理条件"), features=GUIDE_FEATURES)
    procedure = RichTextField(_("办理流程"), features=GUIDE_FEATURES)
    result = models.CharField(_("办理结果"), max_length=200, blank=True, help_text=_("如：食品经营许可证"))
    statutory_limit = models.PositiveSmallIntegerField(_("法定办结时限（工作日）"), default=20)
    promised_limit = models.PositiveSmallIntegerField(
        _("承诺办结时限（工作日）"), null=True, blank=True, help_text=_("不得超过法定时限；为空时按法定时限")
    )
    free = models.BooleanField(_("不收费"), default=True)
    fee = models.TextField(_("收费标准"), blank=True)
    fee_basis = models.TextField(_("收费依据"), blank=True)
    place = models.CharField(_("办理地点"), max_length=300, blank=True)
    hours = models.CharField(_("办理时间"), max_length=200, blank=True)
    visits = models.PositiveSmallIntegerField(_("到办事现场次数"), default=0, help_text=_("0 表示零跑动"))
    fully_online = models.BooleanField(_("全程网办"), default=False)
    online_apply = models.BooleanField(_("可在线申请"), default=False, help_text=_("在办事指南上显示“在线办理”按钮"))
    enquiry_phone = models.CharField(_("咨询电话"), max_length=60, blank=True)
    complaint_phone = models.CharField(_("监督投诉电话"), max_length=60, blank=True)
    keywords = models.CharField(
        _("搜索关键词"), max_length=300, blank=True,
        help_text=_("群众常用说法，用空格或逗号分隔，如：驾照 换驾照 驾驶证到期"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("item_code"), FieldPanel("kind")]),
                FieldRowPanel([FieldPanel("organisation"), FieldPanel("audience")]),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("summary"),
                FieldPanel("keywords"),
            ],
            heading=_("基本信息"),
        ),
        FieldPanel("legal_basis"),
        FieldPanel("conditions"),
        InlinePanel("materials", label=_("申请材料"), heading=_("申请材料")),
        FieldPanel("procedure"),
        FieldPanel("result"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("statutory_limit"), FieldPanel("promised_limit")]),
                FieldRowPanel([FieldPanel("free"), FieldPanel("fee")]),
                FieldPanel("fee_basis"),
                FieldRowPanel([FieldPanel("place"), FieldPanel("hours")]),
                FieldRowPanel([FieldPanel("visits"), FieldPanel("fully_online"), FieldPanel("online_apply")]),
                FieldRowPanel([FieldPanel("enquiry_phone"), FieldPanel("complaint_phone")]),
            ],
            heading=_("时限、收费与办理方式"),
        ),
        InlinePanel("form_fields", label=_("在线申请表字段"), heading=_("在线申请表字段")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("item_code"),
        index.SearchField("keywords"),
        index.SearchField("summary"),
        index.SearchField("conditions"),
        index.FilterField("kind"),
    ]
    # A translation is the same item: its code, body, limits and phones stay the source's.
    override_translatable_fields = [
        SynchronizedField("item_code"),
        SynchronizedField("enquiry_phone"),
        SynchronizedField("complaint_phone"),
    ]
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("办事事项")
        verbose_name_plural = _("办事事项")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(promised_limit__isnull=True)
                | models.Q(promised_limit__lte=models.F("statutory_limit")),
                name="services_promised_within_statutory",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.promised_limit is not None and self.statutory_limit is not None:
            if self.promised_limit > self.statutory_limit:
                errors["promised_limit"] = _("承诺时限（%(promised)d个工作日）不得超过法定时限（%(statutory)d个工作日）。") % {
                    "promised": self.promised_limit, "statutory": self.statutory_limit,
                }
        if self.item_code and self.locale_id and self._code_taken_in_language():
            errors["item_code"] = _("本语言的事项清单中已有事项编码“%(code)s”。") % {"code": self.item_code}
        if not self.free and not (self.fee or "").strip():
            errors["fee"] = _("收费事项请填写收费标准，或勾选“不收费”。")
        if errors:
            raise ValidationError(errors)

    def _code_taken_in_language(self) -> bool:
        others = ServiceItemPage.objects.filter(item_code=self.item_code, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.translation_key:
            others = others.exclude(translation_key=self.translation_key)
        return others.exists()

    # -- what other apps use ------------------------------------------------

    def limit_days(self) -> int:
        """The limit the department promises, in working days (承诺时限, else 法定时限)."""
        return self.promised_limit if self.promised_limit is not None else self.statutory_limit

    def apply_url(self) -> str:
        """The online application form (``services.licensing``); "" while it does not exist."""
        if not self.online_apply or not self.pk:
            return ""
        try:
            return reverse("licensing:apply", kwargs={"item_id": self.pk})
        except NoReverseMatch:
            return ""

    def guide_pdf_url(self, request=None) -> str:
        url = self.get_url(request)
        return url + self.reverse_subpage("pdf") if url else ""

    @property
    def theme_names(self) -> list[str]:
        return [t.localized_name for t in self.themes.all()]

    def keyword_list(self) -> list[str]:
        return [w for w in self.keywords.replace("，", " ").replace(",", " ").replace("、", " ").split() if w]

    # -- public pages -------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["materials"] = self.materials.select_related("template", "sample")
        context["pdf_url"] = self.guide_pdf_url(request)
        context["apply_link"] = self.apply_url()
        parent = self.get_parent()
        context["catalogue"] = parent.specific if parent else None
        return context

    @path("")
    def guide(self, request):
        return self.render(request)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from pdffonts import FontMissing

        from .pdf import guide_filename, guide_pdf

        if getattr(request, "is_preview", False):
            raise Http404
        try:
            data = guide_pdf(self)
        except FontMissing as exc:
            return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
        response = HttpResponse(data, content_type="application/pdf")
        response["Content-Disposition"] = f"inline; filename*=UTF-8''{guide_filename(self)}"
        return response


class MaterialForm(models.TextChoices):
    ORIGINAL = "original", _("原件")
    COPY = "copy", _("复印件")
    ORIGINAL_AND_COPY = "original_and_copy", _("原件和复印件")
    ELECTRONIC = "electronic", _("电子材料")


class MaterialSource(models.TextChoices):
    APPLICANT = "applicant", _("申请人自备")
    GOVERNMENT = "government", _("政府部门核发")
    INTERMEDIARY = "intermediary", _("中介机构出具")
    OTHER = "other", _("其他")


class ServiceMaterial(TranslatableMixin, MongolianTextMixin, Orderable):
    """A required material (申请材料) of an item, with a blank template and a
    filled-in sample to download. ``accept`` lists the file kinds the online
    form takes for it (``formguard.uploads`` checks them by content)."""

    page = ParentalKey(ServiceItemPage, related_name="materials", on_delete=models.CASCADE)
    name = models.CharField(_("材料名称"), max_length=200)
    form = models.CharField(_("材料形式"), max_length=20, choices=MaterialForm.choices, default=MaterialForm.ORIGINAL)
    copies = models.PositiveSmallIntegerField(_("份数"), default=1)
    required = models.BooleanField(_("必要"), default=True)
    source = models.CharField(_("来源渠道"), max_length=20, choices=MaterialSource.choices, default=MaterialSource.APPLICANT)
    note = models.TextField(_("填报须知"), blank=True)
    template = models.ForeignKey(
        get_document_model_string(), verbose_name=_("空白表格"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    sample = models.ForeignKey(
        get_document_model_string(), verbose_name=_("示例样表"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    accept = models.CharField(
        _("可上传的文件类型"), max_length=100, default="pdf,jpg,png", help_text=_("扩展名，用逗号分隔")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("required")]),
        FieldRowPanel([FieldPanel("form"), FieldPanel("copies"), FieldPanel("source")]),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("template"), FieldPanel("sample")]),
        FieldPanel("accept"),
    ]
    override_translatable_fields = [SynchronizedField("accept")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")

    def __str__(self) -> str:
        return self.name

    def accepted_kinds(self) -> list[str]:
        return [k.strip().lower().lstrip(".") for k in self.accept.split(",") if k.strip()]


class FieldType(models.TextChoices):
    TEXT = "text", _("单行文本")
    TEXTAREA = "textarea", _("多行文本")
    DATE = "date", _("日期")
    NUMBER = "number", _("数字")
    CHOICE = "choice", _("单项选择")
    CHECKBOX = "checkbox", _("勾选")


class ServiceFormField(TranslatableMixin, MongolianTextMixin, Orderable):
    """A field editors add to an item's online form (e.g. 经营场所面积)."""

    page = ParentalKey(ServiceItemPage, related_name="form_fields", on_delete=models.CASCADE)
    key = models.SlugField(_("字段代码"), max_length=40, help_text=_("英文字母、数字和下划线，同一事项内唯一"))
    label = models.CharField(_("字段名称"), max_length=120)
    field_type = models.CharField(_("类型"), max_length=10, choices=FieldType.choices, default=FieldType.TEXT)
    choices = models.TextField(_("选项"), blank=True, help_text=_("单项选择的选项，每行一个"))
    required = models.BooleanField(_("必填"), default=True)
    help_text = models.CharField(_("填写说明"), max_length=250, blank=True)
    max_length = models.PositiveSmallIntegerField(_("最大长度"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("label"), FieldPanel("field_type")]),
        FieldPanel("choices"),
        FieldRowPanel([FieldPanel("required"), FieldPanel("max_length")]),
        FieldPanel("help_text"),
    ]
    override_translatable_fields = [SynchronizedField("key")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("申请表字段")
        verbose_name_plural = _("申请表字段")

    def __str__(self) -> str:
        return self.label

    def clean(self):
        super().clean()
        if self.field_type == FieldType.CHOICE and not self.choice_list():
            raise ValidationError({"choices": _("单项选择字段至少需要一个选项（每行一个）。")})

    def choice_list(self) -> list[str]:
        return [line.strip() for line in (self.choices or "").splitlines() if line.strip()]
