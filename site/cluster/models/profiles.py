from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from multilingual.content import MongolianTextMixin

from ..themes import theme_choices


@register_setting(icon="site")
class SiteProfile(MongolianTextMixin, BaseSiteSetting):
    """What a government site must show about itself (national guidelines for
    government websites): its owner, 网站标识码, ICP and public-security record
    numbers, the 党政机关 开办者标识's registry id, contacts; and which theme it is drawn with."""

    organisation = models.ForeignKey(
        "cluster.Organisation",
        verbose_name=_("主办单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="site_profiles",
    )
    site_name = models.CharField(_("网站名称"), max_length=120, blank=True)
    site_code = models.CharField(_("网站标识码"), max_length=20, blank=True)
    icp_record = models.CharField(_("ICP备案号"), max_length=60, blank=True)
    police_record = models.CharField(_("公安机关备案号"), max_length=60, blank=True)
    police_record_code = models.CharField(
        _("公安备案编号（数字）"), max_length=30, blank=True, help_text=_("用于链接到全国互联网安全管理服务平台")
    )
    conac_id = models.CharField(
        _("党政机关网站标识编号"),
        max_length=64,
        blank=True,
        help_text=_("开办者标识在党政机关网站标识管理系统中的编号（bszs.conac.cn 链接中的 id）；为空时页脚不显示标识"),
    )
    address = models.CharField(_("联系地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)
    phone = models.CharField(_("联系电话"), max_length=60, blank=True)
    email = models.EmailField(_("联系邮箱"), blank=True)
    theme = models.CharField(_("主题"), max_length=40, choices=theme_choices, default="department")

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("organisation"), FieldPanel("theme")], heading=_("网站")
        ),
        MultiFieldPanel(
            [
                FieldPanel("site_code"),
                FieldPanel("icp_record"),
                FieldPanel("police_record"),
                FieldPanel("police_record_code"),
                FieldPanel("conac_id"),
            ],
            heading=_("备案信息"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("postcode"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("联系方式"),
        ),
    ]

    class Meta:
        verbose_name = _("网站信息")
        verbose_name_plural = _("网站信息")

    @property
    def display_name(self) -> str:
        return self.site_name or self.site.site_name or self.site.hostname
