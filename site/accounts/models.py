"""Citizens' and enterprises' accounts, and the one-time codes sent to phones.

An account is an ordinary Django user (never staff) with an ``Account``
profile: who the person or organisation is (the real-name fields a case's
applicant has) and the phone it is reached at. How one signs in is kept apart:
``backends.PhoneSignIn`` signs in with the phone and an SMS code; the
province's identity service (OpenID Connect, next wave) will be one more
backend on the same user, not another user model.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casefile.models import ApplicantKind, IdType


class Account(models.Model):
    """The profile of a citizen's (自然人) or a legal person's (法人) account.

    ``kind`` uses the case kernel's applicant kinds, so an application form is
    prefilled field for field (service.applicant_initial)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="account",
    )
    kind = models.CharField(_("账户类型"), max_length=20, choices=ApplicantKind.choices)
    phone = models.CharField(_("手机号码"), max_length=20, unique=True)
    # natural persons
    name = models.CharField(_("姓名"), max_length=100, blank=True)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=40, blank=True)
    # legal persons and other organisations
    org_name = models.CharField(_("单位名称"), max_length=200, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=100, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    language = models.CharField(_("常用语言"), max_length=10, choices=settings.LANGUAGES, default="zh-hans")
    created_at = models.DateTimeField(_("注册时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("账户")
        verbose_name_plural = _("账户")

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_natural(self) -> bool:
        return self.kind == ApplicantKind.NATURAL

    @property
    def display_name(self) -> str:
        return (self.name if self.is_natural else self.org_name) or self.phone


class PhoneCode(models.Model):
    """A one-time code sent to a phone. Only its keyed hash is stored (the SMS
    itself goes through notify's outbox, where the code is sealed and then
    masked), so neither the database nor the outbox ever holds it in clear."""

    class Purpose(models.TextChoices):
        REGISTER = "register", _("注册")
        LOGIN = "login", _("登录")
        CONFIRM = "confirm", _("验证手机号码")

    phone = models.CharField(_("手机号码"), max_length=20)
    purpose = models.CharField(_("用途"), max_length=10, choices=Purpose.choices)
    code_hash = models.CharField(max_length=128, editable=False)
    created_at = models.DateTimeField(_("发送时间"), default=timezone.now)
    expires_at = models.DateTimeField(_("失效时间"), db_index=True)
    attempts = models.PositiveSmallIntegerField(_("错误次数"), default=0)
    used_at = models.DateTimeField(_("使用时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("短信验证码")
        verbose_name_plural = _("短信验证码")
        indexes = [models.Index(fields=["phone", "purpose", "created_at"])]

    def __str__(self) -> str:
        return f"{self.phone} · {self.get_purpose_display()}"
