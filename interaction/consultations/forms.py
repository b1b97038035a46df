from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from formguard.abuse import CaptchaFormMixin
from formguard.guard import GuardedFormMixin

from .citizen import PhoneConfirmationFields
from .constants import TEXT_MAX


class CommentForm(PhoneConfirmationFields, CaptchaFormMixin, GuardedFormMixin, forms.Form):
    section = forms.ChoiceField(label=gettext_lazy("针对条款"), required=False)
    text = forms.CharField(
        label=gettext_lazy("意见内容"), max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": TEXT_MAX}),
        help_text=gettext_lazy("请围绕草案内容提出意见建议，不超过 2000 字。意见经审核后公开，其中的个人信息会做脱敏处理。"),
        error_messages={"required": gettext_lazy("请填写意见内容。")},
    )
    name = forms.CharField(
        label=gettext_lazy("姓名（选填）"), max_length=50, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    show_name = forms.BooleanField(label=gettext_lazy("同意公开我的姓名（脱敏显示）"), required=False)

    def __init__(self, *args, sections: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("对草案整体提出意见"))] + list(sections)
        self.fields["text"].max_length = TEXT_MAX
