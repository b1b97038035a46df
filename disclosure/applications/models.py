from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workdays.service import Clock, Deadline

from .constants import (
    LIMIT_DAYS,
    ApplicantKind,
    Delivery,
    IdType,
    Outcome,
    PreferredForm,
    Status,
)


class DisclosureRequest(models.Model):
    """One application for government information (政府信息公开申请).

    The statutory clock is kept as plain dates (received_on, pauses,
    extension_days) and rebuilt as ``workdays.Clock`` when asked."""

    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("受理机关"), on_delete=models.PROTECT, related_name="disclosure_requests"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("提交网站"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    applicant_kind = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantKind.choices)
    # natural persons
    name = models.CharField(_("姓名"), max_length=100, blank=True)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=40, blank=True)
    # legal persons and other organisations
    org_name = models.CharField(_("单位名称"), max_length=200, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=100, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=100, blank=True)
    # contact
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=300, blank=True)
    # what is asked
    description = models.TextField(_("所需政府信息的名称、文号或者便于查询的其他特征性描述"))
    purpose = models.TextField(_("用途"), blank=True)
    preferred_form = models.CharField(_("获取信息的载体形式"), max_length=20, choices=PreferredForm.choices)
    delivery = models.CharField(_("获取信息的方式"), max_length=20, choices=Delivery.choices)
    language = models.CharField(_("申请人语言"), max_length=10, default="zh-hans")
    # case reference
    receipt_number = models.CharField(_("受理编号"), max_length=40, unique=True)
    query_code_hash = models.CharField(max_length=128, editable=False)
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    received_on = models.DateField(_("收到申请日期"), db_index=True)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    # the clock
    pauses = models.JSONField(_("中止计时"), default=list, blank=True, help_text="[[from, to|null], ...]")
    correction_request = models.TextField(_("需补正的内容"), blank=True)
    supplement = models.TextField(_("补正内容"), blank=True)
    extension_days = models.PositiveSmallIntegerField(_("延长工作日"), default=0)
    extension_reason = models.TextField(_("延期理由"), blank=True)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("延期批准人"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    # the answer
    outcome = models.CharField(_("处理结果"), max_length=30, choices=Outcome.choices, blank=True, db_index=True)
    reply_text = models.TextField(_("答复内容"), blank=True)
    reply_document = models.FileField(_("答复文书"), upload_to="yisqgk/%Y/", blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True, db_index=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("答复人"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        permissions = [("extend_disclosurerequest", _("批准延长答复期限"))]

    def __str__(self) -> str:
        return self.receipt_number

    # -- who ------------------------------------------------------------------
    @property
    def is_natural(self) -> bool:
        return self.applicant_kind == ApplicantKind.NATURAL

    @property
    def applicant_name(self) -> str:
        return self.name if self.is_natural else self.org_name

    # -- the clock -------------------------------------------------------------
    def clock(self) -> Clock:
        pauses = [
            (date.fromisoformat(start), date.fromisoformat(end) if end else None) for start, end in self.pauses or []
        ]
        # 《条例》第三十条: the clock stops while the applicant is asked for 补正, and
        # the 20 working days then run afresh from the day the supplement arrives.
        supplied = [end for _start, end in pauses if end]
        return Clock(
            started=max(supplied) if supplied else self.received_on, limit=LIMIT_DAYS,
            pauses=[(start, end) for start, end in pauses if end is None],
            extensions=[self.extension_days] if self.extension_days else [],
        )

    def deadline(self) -> Deadline:
        return self.clock().due()

    @property
    def is_open(self) -> bool:
        return self.status in (Status.SUBMITTED, Status.ACCEPTED, Status.CORRECTION)

    def clock_status(self, today: date | None = None) -> str:
        """green / yellow / red / unknown for open requests; "" once decided."""
        if not self.is_open:
            return ""
        return self.clock().status(today or timezone.localdate())
