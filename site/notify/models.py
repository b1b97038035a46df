from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.service import mask_email, mask_phone

from . import registry


class Outbox(models.Model):
    """Every SMS and e-mail the platform sends, written in the same transaction
    as the change it reports, so a message is never lost: a worker or the
    minute beat delivers it, and failed attempts stay here with their error.

    A row holds the template's name and its parameters, never a secret in
    clear: parameters the template marks secret are kept masked in ``params``
    and encrypted in ``sealed`` until the message is sent (see crypto.py)."""

    class Channel(models.TextChoices):
        SMS = "sms", _("短信")
        EMAIL = "email", _("电子邮件")

    class Status(models.TextChoices):
        PENDING = "pending", _("待发送")
        SENDING = "sending", _("发送中")
        SENT = "sent", _("已发送")
        FAILED = "failed", _("发送失败")

    channel = models.CharField(_("渠道"), max_length=10, choices=Channel.choices)
    recipient = models.CharField(_("收件人"), max_length=254)
    template = models.CharField(_("消息模板"), max_length=100)
    params = models.JSONField(_("参数"), default=dict, blank=True)
    sealed = models.TextField(_("加密参数"), blank=True, editable=False)
    language = models.CharField(_("语言"), max_length=10, default="zh-hans")
    reference = models.CharField(_("关联编号"), max_length=64, blank=True, db_index=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    last_error = models.TextField(_("最近错误"), blank=True)
    next_attempt_at = models.DateTimeField(_("下次尝试"), default=timezone.now, db_index=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    provider_id = models.CharField(_("网关消息编号"), max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("消息发件箱")
        verbose_name_plural = _("消息发件箱")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.get_recipient_display()} ({self.get_status_display()})"

    def get_recipient_display(self) -> str:
        """Staff see 139****5678 / x***@example.com (the admin uses this for the column)."""
        return mask_phone(self.recipient) if self.channel == self.Channel.SMS else mask_email(self.recipient)

    def preview(self) -> str:
        """The text as sent, with secret parameters masked."""
        try:
            subject, text = registry.get(self.template).render(self.params, self.language)
        except (KeyError, TypeError, ValueError):
            return ""
        return f"{subject}\n{text}" if subject else text

    preview.short_description = _("内容（已隐去查询码等）")
