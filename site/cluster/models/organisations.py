from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from multilingual.content import MongolianTextMixin


class Organisation(MongolianTextMixin, models.Model):
    """A government body of the cluster: the city government, its departments and
    the counties/banners. Sites, disclosure documents, licensing items and
    mailboxes hang on it, and staff permissions are scoped to it."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("人民政府")
        DEPARTMENT = "department", _("政府工作部门")
        COUNTY = "county", _("旗县区")
        OTHER = "other", _("其他机构")

    name = models.CharField(_("名称"), max_length=120, unique=True)
    name_en = models.CharField(_("英文名称"), max_length=200, blank=True)
    name_mn = models.CharField(_("蒙古文名称"), max_length=300, blank=True)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    # The organisation part of every 索引号 (index number) it issues.
    code = models.CharField(
        _("机构代码"),
        max_length=32,
        unique=True,
        help_text=_("统一社会信用代码或本平台机构编码，用于生成索引号"),
    )
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级机构"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=120, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("机构")
        verbose_name_plural = _("机构")

    def __str__(self) -> str:
        return self.name

    @property
    def localized_name(self) -> str:
        """The name in the active language, falling back to Chinese."""
        lang = translation.get_language() or ""
        if lang.startswith("mn") and self.name_mn:
            return self.name_mn
        if lang.startswith("en") and self.name_en:
            return self.name_en
        return self.name
