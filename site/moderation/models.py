"""The sensitive-word list (敏感词) editors keep in the admin.

A hit never rejects or drops what a citizen wrote: it only sends the text to
manual review (``service.screen``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    ADVERTISING = "advertising", _("广告推销")
    GAMBLING = "gambling", _("赌博")
    FRAUD = "fraud", _("诈骗")
    PORNOGRAPHY = "pornography", _("色情")
    ABUSE = "abuse", _("辱骂")
    OTHER = "other", _("其他")


class SensitiveWord(models.Model):
    word = models.CharField(_("敏感词"), max_length=100, unique=True)
    category = models.CharField(_("类别"), max_length=20, choices=Category.choices, default=Category.OTHER)
    note = models.CharField(_("备注"), max_length=300, blank=True)
    active = models.BooleanField(_("启用"), default=True)
    created = models.DateTimeField(_("添加时间"), auto_now_add=True)
    updated = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("敏感词")
        verbose_name_plural = _("敏感词")
        ordering = ["category", "word"]

    def __str__(self) -> str:
        return self.word

    def clean(self):
        from django.core.exceptions import ValidationError

        from .service import normalise

        self.word = (self.word or "").strip()
        if self.word and not normalise(self.word):
            raise ValidationError({"word": _("敏感词不能只由空格或标点组成。")})
