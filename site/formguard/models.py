from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionToken(models.Model):
    """A one-time form token that has been used, with what its submission
    produced (e.g. a receipt number). The unique constraint is the lock: a
    second or concurrent POST with the same token cannot create a second case."""

    scope = models.CharField(_("表单"), max_length=40)
    token = models.CharField(_("令牌"), max_length=120)
    result = models.CharField(_("结果"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "token"], name="formguard_token_once")]
        verbose_name = _("表单提交令牌")
        verbose_name_plural = _("表单提交令牌")

    def __str__(self) -> str:
        return f"{self.scope}: {self.result}"
