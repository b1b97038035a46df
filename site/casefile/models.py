from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseEvent(models.Model):
    """One step in a case's history: who moved it from which status to which,
    when and why. ``public_note`` is what the applicant may read on the status
    page; ``reason`` stays internal."""

    class Actor(models.TextChoices):
        STAFF = "staff", _("工作人员")
        APPLICANT = "applicant", _("申请人")
        SYSTEM = "system", _("系统")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("操作"), max_length=40)
    from_status = models.CharField(_("原状态"), max_length=40, blank=True)
    to_status = models.CharField(_("新状态"), max_length=40, blank=True)
    actor_kind = models.CharField(_("操作方"), max_length=20, choices=Actor.choices, default=Actor.STAFF)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("时间"), db_index=True)
    reason = models.TextField(_("理由"), blank=True)
    public_note = models.TextField(_("告知申请人"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status} → {self.to_status}"

    @property
    def actor_label(self) -> str:
        if self.actor_kind == self.Actor.STAFF and self.user:
            return self.user.get_full_name() or self.user.get_username()
        return str(self.get_actor_kind_display())
