from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedFile(models.Model):
    """The manifest: every file publishing wrote, with its hash. Anything on disk
    that differs from it was changed outside publishing (网页防篡改)."""

    host = models.CharField(_("网站"), max_length=255)
    path = models.CharField(_("地址"), max_length=1000)  # the URL path, e.g. /news/a/
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(default=0)
    content_type = models.CharField(max_length=40, default="text/html")
    written_at = models.DateTimeField(_("写入时间"), auto_now=True)

    class Meta:
        verbose_name = _("已发布文件")
        verbose_name_plural = _("已发布文件")
        constraints = [models.UniqueConstraint(fields=["host", "path"], name="one_file_per_address")]

    def __str__(self) -> str:
        return f"{self.host}{self.path}"


class TamperEvent(models.Model):
    """One file found changed, added or removed outside publishing, and what was done."""

    class Kind(models.TextChoices):
        CHANGED = "changed", _("内容被改动")
        REMOVED = "removed", _("文件被删除")
        ADDED = "added", _("文件被添加")

    host = models.CharField(_("网站"), max_length=255)
    path = models.CharField(_("文件"), max_length=1000)
    kind = models.CharField(_("情况"), max_length=10, choices=Kind.choices)
    found_at = models.DateTimeField(_("发现时间"), auto_now_add=True)
    restored = models.BooleanField(_("已恢复"), default=False)
    quarantined_as = models.CharField(_("留存副本"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("篡改记录")
        verbose_name_plural = _("篡改记录")
        ordering = ["-found_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.host}{self.path}"


class PendingChange(models.Model):
    """A change still to be written, saved in the editor's own transaction: a burst
    of publishes (an import, the demo) is written once by whichever task runs first,
    and a change made while the broker was down is written by the beat task."""

    page_id = models.IntegerField(null=True, blank=True)  # write this page and what shows it
    host = models.CharField(max_length=255, blank=True)
    path = models.CharField(max_length=1000, blank=True)  # write (or remove) this address
    prefix = models.BooleanField(default=False)  # ...and everything published under it
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"page {self.page_id}" if self.page_id else f"{self.host}{self.path}"
