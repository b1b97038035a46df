from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


class Syndication(models.Model):
    """Publish once, show on many (信息报送/抄送).

    An editor of the article's site offers it to another site; an editor of that
    site accepts it into one of their columns or declines. Nothing is copied: the
    column lists and serves the original, so an update shows everywhere and an
    unpublished article disappears everywhere.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("待接收")
        ACCEPTED = "accepted", _("已采用")
        DECLINED = "declined", _("已退回")
        WITHDRAWN = "withdrawn", _("已撤回")

    article = models.ForeignKey(
        "cluster.ArticlePage", verbose_name=_("文章"), on_delete=models.CASCADE, related_name="syndications"
    )
    target_site = models.ForeignKey(Site, verbose_name=_("报送网站"), on_delete=models.CASCADE, related_name="+")
    column = models.ForeignKey(
        "cluster.ColumnPage",
        verbose_name=_("采用栏目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="syndications",
    )
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.PENDING)
    note = models.CharField(_("说明"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("报送人")
    )
    requested_at = models.DateTimeField(_("报送时间"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("信息报送")
        verbose_name_plural = _("信息报送")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["article", "target_site"], name="one_syndication_per_site"),
        ]

    def __str__(self) -> str:
        return f"{self.article} → {self.target_site}"
