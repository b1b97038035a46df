"""Mailboxes (信箱) and the letters written to them, a case type of the kernel."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from casefile.models import Case

from .constants import (
    DEFAULT_REPLY_DAYS,
    Kind,
    MailboxKind,
    Publication,
    Rating,
    Stage,
    Status,
)


class MailboxForm(WagtailAdminModelForm):
    # the kinds as boxes to tick, stored as a list of codes
    anonymous_kinds = forms.MultipleChoiceField(
        label=_("接受匿名来信的类别"), choices=Kind.choices, required=False, widget=forms.CheckboxSelectMultiple,
    )


class Mailbox(models.Model):
    """A leader's or a department's mailbox, or the platform's one intake
    that the city's staff route. The city sets its reply limit and which kinds
    of letter it accepts without a name."""

    base_form_class = MailboxForm

    name = models.CharField(_("信箱名称"), max_length=100)
    name_en = models.CharField(_("英文名称"), max_length=200, blank=True)
    name_mn = models.CharField(_("蒙古文名称"), max_length=300, blank=True)
    kind = models.CharField(_("类型"), max_length=20, choices=MailboxKind.choices, default=MailboxKind.DEPARTMENT)
    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("所属机构"), on_delete=models.PROTECT, related_name="mailboxes",
    )
    leader_name = models.CharField(_("领导姓名"), max_length=50, blank=True)
    leader_title = models.CharField(_("领导职务"), max_length=100, blank=True)
    description = models.TextField(_("信箱说明"), blank=True)
    reply_limit = models.PositiveSmallIntegerField(
        _("答复时限（工作日）"), default=DEFAULT_REPLY_DAYS,
        help_text=_("信箱来信自收到之日起的答复时限，按工作日计算。信访事项按《信访工作条例》的期限办理。"),
    )
    anonymous_kinds = models.JSONField(_("接受匿名来信的类别"), default=list, blank=True)
    active = models.BooleanField(_("启用"), default=True)
    public_listing = models.BooleanField(_("公开来信选登"), default=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("信箱")
        verbose_name_plural = _("信箱")

    def __str__(self) -> str:
        return self.name

    @property
    def localized_name(self) -> str:
        lang = translation.get_language() or ""
        if lang.startswith("mn") and self.name_mn:
            return self.name_mn
        if lang.startswith("en") and self.name_en:
            return self.name_en
        return self.name

    def accepts_anonymous(self, kind: str) -> bool:
        return kind in (self.anonymous_kinds or [])


class Letter(Case):
    """One letter: a question, a suggestion, a complaint, a call for help, a
    petition (信访事项) or a report (检举控告). The kernel's ``organisation``
    is the body that answers (the mailbox's until it is routed, then the lead
    department); ``departments`` are all who handle it (joint handling)."""

    REQUIRED_NATURAL: tuple[str, ...] = ()  # anonymous letters carry no name
    REQUIRED_LEGAL: tuple[str, ...] = ("org_name",)

    organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("承办机关"), on_delete=models.PROTECT, related_name="letters",
    )
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    mailbox = models.ForeignKey(Mailbox, verbose_name=_("信箱"), on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(_("来信类别"), max_length=20, choices=Kind.choices)
    stage = models.CharField(_("信访程序"), max_length=20, choices=Stage.choices, default=Stage.FIRST)
    original = models.ForeignKey(
        "self", verbose_name=_("原信访事项"), null=True, blank=True, on_delete=models.PROTECT, related_name="reviews",
    )
    subject = models.CharField(_("标题"), max_length=200)
    content = models.TextField(_("来信内容"))
    anonymous = models.BooleanField(_("匿名"), default=False)
    publish_allowed = models.BooleanField(_("同意公开"), default=False)
    # 检举控告: whom it accuses (第三十条: never handed to them without approval)
    accused_organisation = models.ForeignKey(
        "cluster.Organisation", verbose_name=_("被检举控告单位"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    accused_person = models.CharField(_("被检举控告人"), max_length=100, blank=True)
    accused_approval_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("批准转交被检举控告方的负责人"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    accused_approval_reason = models.TextField(_("批准理由"), blank=True)
    accused_approval_at = models.DateTimeField(null=True, blank=True)
    departments = models.ManyToManyField(
        "cluster.Organisation", verbose_name=_("承办单位"), blank=True, related_name="handled_letters",
    )
    # sensitive words: the letter waits for a person, it is never refused
    needs_review = models.BooleanField(_("待人工审核"), default=False, db_index=True)
    review_words = models.JSONField(_("命中敏感词"), default=list, blank=True)
    # petitions: the acceptance decision
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    not_accepted_reason = models.TextField(_("不予受理理由"), blank=True)
    # the answer (the approved reply)
    reply_text = models.TextField(_("答复内容"), blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True, db_index=True)
    answered_on_time = models.BooleanField(null=True, blank=True)
    days_to_answer = models.PositiveIntegerField(null=True, blank=True)
    # after the answer
    rating = models.CharField(_("满意度"), max_length=20, choices=Rating.choices, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    rehandled_once = models.BooleanField(_("已重新办理"), default=False)
    rehandle_reason = models.TextField(_("重新办理理由"), blank=True)
    # 来信选登: the masked version a reviewer approved
    publication = models.CharField(
        _("选登"), max_length=20, choices=Publication.choices, blank=True, default=Publication.NONE,
    )
    public_subject = models.CharField(_("公开标题"), max_length=200, blank=True)
    public_content = models.TextField(_("公开来信内容（已脱敏）"), blank=True)
    public_reply = models.TextField(_("公开答复内容（已脱敏）"), blank=True)
    published_at = models.DateTimeField(_("选登时间"), null=True, blank=True)
    publication_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("脱敏审核人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(Case.Meta):
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("来信")
        verbose_name_plural = _("来信")
        indexes = [
            *Case.Meta.indexes,
            # 来信选登: one mailbox's published letters, newest first
            models.Index(fields=["publication", "mailbox", "published_at"], name="letter_pub_mailbox"),
            models.Index(fields=["publication", "published_at"], name="letter_pub"),
            # statistics by month
            models.Index(fields=["mailbox", "submitted_at"], name="letter_stats_mailbox"),
            models.Index(fields=["organisation", "submitted_at"], name="letter_stats_org"),
            models.Index(fields=["submitted_at"], name="letter_submitted"),
        ]
        permissions = [
            ("route_letter", _("分办、转办来信")),
            ("reply_letter", _("起草来信答复")),
            ("approve_letter", _("审核来信答复")),
            ("approve_accused_routing", _("批准将检举控告转交被检举控告方")),
        ]

    def get_absolute_url(self) -> str:
        """The public page of a published letter (来信选登)."""
        from django.urls import reverse

        return reverse("interaction:published_detail", kwargs={"number": self.receipt_number})

    @property
    def writer_label(self) -> str:
        return str(_("匿名")) if self.anonymous else self.applicant_name

    @property
    def is_petition(self) -> bool:
        return self.kind == Kind.PETITION


class LetterAttachment(models.Model):
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("附件"), upload_to="hudong/%Y/%m/")
    name = models.CharField(_("文件名"), max_length=200)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("来信附件")
        verbose_name_plural = _("来信附件")

    def __str__(self) -> str:
        return self.name


class LetterReply(models.Model):
    """A department's draft answer and what the reviewer decided about it."""

    class State(models.TextChoices):
        DRAFT = "draft", _("待审核")
        APPROVED = "approved", _("已通过")
        RETURNED = "returned", _("已退回")

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="replies")
    organisation = models.ForeignKey("cluster.Organisation", verbose_name=_("答复单位"), on_delete=models.PROTECT,
                                     related_name="+")
    text = models.TextField(_("答复内容"))
    state = models.CharField(_("审核状态"), max_length=20, choices=State.choices, default=State.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drafted_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("审核意见"), blank=True)

    class Meta:
        ordering = ["drafted_at", "pk"]
        verbose_name = _("答复")
        verbose_name_plural = _("答复")

    def __str__(self) -> str:
        return f"{self.letter} · {self.get_state_display()}"
