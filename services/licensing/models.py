"""Online licensing applications (行政许可) on the case kernel, their
materials, drafts and the documents issued at 办结.

Dates on the clock (受理, 补正, special procedures, extension) are stored by
the kernel (``Case.clock_*``); the fields here say what the applicant and the
supervisors read: what was missing, when it was asked, whether the notice was
late, the decision and its ground."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from casefile.models import Case

from .constants import OPEN_STATUSES, Decision, DocumentKind, MaterialKind, Status
from .storage import private_storage


def _material_path(instance, filename: str) -> str:
    # never the applicant's own name on disk: a random name in a dated folder
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"materials/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}.{ext}"


def _document_path(instance, filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"issued/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}.{ext}"


def refused_without_ground() -> models.Q:
    """不予受理 without a reason, 不予许可 without a ground (第三十八条 requires one): the
    condition of the partial index licence_no_ground, so a query with this very Q uses it."""
    return (models.Q(status=Status.REJECTED, rejection_reason="")
            | models.Q(decision=Decision.REFUSED, decision_ground=""))


class LicenceApplication(Case):
    """One application for a catalogue item (ServiceItemPage), a case of the
    kernel: the reference, the applicant, the assignee and the clock come from
    ``casefile.models.Case``."""

    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED,
                              db_index=True)
    item = models.ForeignKey("services.ServiceItemPage", verbose_name=_("办理事项"), on_delete=models.PROTECT,
                             related_name="licence_applications")
    # the item as it stood when applied for (its page may be edited later)
    item_code = models.CharField(_("事项编码"), max_length=60, blank=True)
    item_title = models.CharField(_("事项名称"), max_length=255, blank=True)
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("提交网站"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    form_data = models.JSONField(_("申请表内容"), default=dict, blank=True)
    # 受理 (第三十二条): the acceptance deadline fixed at receipt, the day acceptance counts from
    acceptance_due_on = models.DateField(_("受理期限"), null=True, blank=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True, db_index=True)
    rejection_reason = models.TextField(_("不予受理理由"), blank=True)
    # 补正: everything missing at once (一次告知), when it was sent, whether late
    correction_items = models.JSONField(_("需补正的材料"), default=list, blank=True)
    correction_note = models.TextField(_("补正说明"), blank=True)
    correction_sent_on = models.DateField(_("告知补正日期"), null=True, blank=True, db_index=True)
    correction_late = models.BooleanField(_("逾期告知补正"), default=False, db_index=True)
    corrected_on = models.DateField(_("补正完成日期"), null=True, blank=True)
    # 决定 (第三十八条, 第四十二条)
    decision = models.CharField(_("许可决定"), max_length=20, choices=Decision.choices, blank=True, db_index=True)
    decision_ground = models.TextField(_("决定理由和依据"), blank=True)
    remedies = models.TextField(_("救济途径"), blank=True)
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("决定人"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decision_due_on = models.DateField(_("决定期限"), null=True, blank=True)
    decided_on_time = models.BooleanField(_("按期决定"), null=True, blank=True)
    completed_at = models.DateTimeField(_("办结时间"), null=True, blank=True, db_index=True)
    withdrawn_reason = models.TextField(_("撤回理由"), blank=True)
    closed_reason = models.TextField(_("终止理由"), blank=True)

    class Meta(Case.Meta):
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("行政许可申请")
        verbose_name_plural = _("行政许可申请")
        permissions = [("approve_extension", _("批准延长行政许可决定期限（行政机关负责人）"))]
        indexes = [
            *Case.Meta.indexes, models.Index(fields=["account", "submitted_at"]),
            # 电子监察 (services.feedback.supervision) at 100,000 cases: each count read from an index
            # of its own (only the open cases, the finished ones by month), each list an index scan
            models.Index(fields=["organisation", "colour", "due_on", "stage_due_on"],
                         condition=models.Q(status__in=OPEN_STATUSES), name="licence_open_counts"),
            models.Index(fields=["due_on", "id"], condition=models.Q(status__in=OPEN_STATUSES),
                         name="licence_open_due"),
            models.Index(fields=["received_on", "organisation"], name="licence_received_org"),
            models.Index(fields=["completed_at", "organisation", "decided_on_time"],
                         condition=models.Q(status=Status.COMPLETED), name="licence_completed_org"),
            models.Index(fields=["-id"], condition=refused_without_ground(), name="licence_no_ground"),
            models.Index(fields=["-correction_sent_on", "-id"], condition=models.Q(correction_late=True),
                         name="licence_late_correction"),
        ]

    # -- what the pages show -----------------------------------------------------------
    @property
    def extension(self):
        return self.extensions[0] if self.extensions else None

    @property
    def special_stops(self):
        return [s for s in self.stops if s.reason != "correction"]

    def account_url(self) -> str:
        """The status page, for the owner signed in ("my applications")."""
        from django.urls import reverse

        return reverse("licensing:case", kwargs={"number": self.receipt_number})

    @property
    def current_materials(self):
        return self.materials.filter(superseded=False).order_by("round", "pk")


class ApplicationMaterial(models.Model):
    """One file the applicant sent: in the first submission (round 0) or in a
    补正 round (1, 2, …). A file replaced in a later round is kept, superseded."""

    application = models.ForeignKey(LicenceApplication, on_delete=models.CASCADE, related_name="materials")
    material = models.ForeignKey("services.ServiceMaterial", verbose_name=_("材料"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    material_name = models.CharField(_("材料名称"), max_length=255)
    kind = models.CharField(_("类别"), max_length=10, choices=MaterialKind.choices, default=MaterialKind.LISTED)
    file = models.FileField(_("文件"), upload_to=_material_path, storage=private_storage, max_length=200)
    original_name = models.CharField(_("文件名"), max_length=255)
    file_type = models.CharField(_("文件类型"), max_length=20, blank=True)
    size = models.PositiveBigIntegerField(_("大小"), default=0)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    round = models.PositiveSmallIntegerField(_("提交轮次"), default=0)
    superseded = models.BooleanField(_("已被替换"), default=False)

    class Meta:
        ordering = ["round", "pk"]
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")

    def __str__(self) -> str:
        return f"{self.material_name}: {self.original_name}"


class ApplicationDraft(models.Model):
    """A form saved before submitting, resumed from the account on any device.
    It belongs to its account only (every lookup filters by it); submitting
    consumes it once (``submitted_receipt``, set by a conditional UPDATE)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="licence_drafts")
    item = models.ForeignKey("services.ServiceItemPage", on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    submitted_receipt = models.CharField(max_length=40, blank=True, db_index=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("办件草稿")
        verbose_name_plural = _("办件草稿")

    def __str__(self) -> str:
        return f"{self.item_id}: {self.public_id}"


class DraftMaterial(models.Model):
    """A file accepted on a draft (kept while the rest of the form is fixed)."""

    draft = models.ForeignKey(ApplicationDraft, on_delete=models.CASCADE, related_name="files")
    material = models.ForeignKey("services.ServiceMaterial", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    material_name = models.CharField(max_length=255)
    file = models.FileField(upload_to=_material_path, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=255)
    file_type = models.CharField(max_length=20, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.material_name}: {self.original_name}"


class IssuedDocument(models.Model):
    """What the applicant receives at 办结: the licence (uploaded, or
    generated as PDF) or the written decision."""

    application = models.ForeignKey(LicenceApplication, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("类别"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.LICENCE)
    title = models.CharField(_("名称"), max_length=200)
    file = models.FileField(_("文件"), upload_to=_document_path, storage=private_storage, max_length=200)
    generated = models.BooleanField(_("系统生成"), default=False)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["pk"]
        verbose_name = _("送达文书")
        verbose_name_plural = _("送达文书")

    def __str__(self) -> str:
        return self.title
