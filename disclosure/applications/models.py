from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from casefile.models import Case

from .constants import (
    ApplicantKind,
    Delivery,
    Outcome,
    PreferredForm,
    Status,
)


class DisclosureRequest(Case):
    """One application for government information (政府信息公开申请), a case
    of the kernel (``casefile.models.Case``): the reference, the applicant,
    the assignee and the clock come from there."""

    REQUIRED_LEGAL = ("org_name", "credit_code", "legal_representative", "contact_person")

    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("受理机关"), on_delete=models.PROTECT, related_name="disclosure_requests"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("提交网站"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # the six kinds of table 三 (natural persons and five kinds of legal persons)
    applicant_kind = models.CharField(_("申请人类型"), max_length=20, choices=ApplicantKind.choices)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    # what is asked
    description = models.TextField(_("所需政府信息的名称、文号或者便于查询的其他特征性描述"))
    purpose = models.TextField(_("用途"), blank=True)
    preferred_form = models.CharField(_("获取信息的载体形式"), max_length=20, choices=PreferredForm.choices)
    delivery = models.CharField(_("获取信息的方式"), max_length=20, choices=Delivery.choices)
    # 补正 and consultations (their dates are on the clock)
    correction_request = models.TextField(_("需补正的内容"), blank=True)
    supplement = models.TextField(_("补正内容"), blank=True)
    consultation = models.TextField(_("征求意见情况"), blank=True)
    # the answer
    outcome = models.CharField(_("处理结果"), max_length=30, choices=Outcome.choices, blank=True, db_index=True)
    reply_text = models.TextField(_("答复内容"), blank=True)
    reply_document = models.FileField(_("答复文书"), upload_to="yisqgk/%Y/", blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True, db_index=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("答复人"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta(Case.Meta):
        ordering = ["-received_on", "-pk"]
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        permissions = [("extend_disclosurerequest", _("批准延长答复期限"))]

    # -- the extension, as the pages show it ----------------------------------------
    @property
    def extension_days(self) -> int:
        return sum(e.days for e in self.extensions)

    @property
    def extension_reason(self) -> str:
        return "；".join(e.reason for e in self.extensions)

    @property
    def extension_approved_by(self):
        ids = [e.approver_id for e in self.extensions if e.approver_id]
        return get_user_model().objects.filter(pk=ids[-1]).first() if ids else None

    @property
    def received_confirmed(self) -> bool:
        return self.received_on is not None


class OrganisationSettings(models.Model):
    """How one organisation runs 依申请公开."""

    organisation = models.OneToOneField(
        "cluster.Organisation", verbose_name=_("机关"), on_delete=models.CASCADE, related_name="disclosure_settings",
    )
    count_from_confirmation = models.BooleanField(
        _("网上申请以双方确认之日为收到申请之日"), default=False,
        help_text=_("《政府信息公开条例》第三十一条第三项：勾选后，网上提交的申请须由工作人员“确认收到”，"
                    "答复期限自确认之日起计算；不勾选则以提交之日为收到申请之日。"),
    )

    class Meta:
        verbose_name = _("依申请公开设置")
        verbose_name_plural = _("依申请公开设置")

    def __str__(self) -> str:
        return str(self.organisation)
