"""The public rating form and the department's follow-up forms."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from formguard.abuse import CaptchaFormMixin
from formguard.guard import GuardedFormMixin

from .constants import COMMENT_MAX_LENGTH, LEVELS, CallbackOutcome


class DescribedErrorsMixin:
    """Each field with an error points at its messages (aria-describedby, the
    ids the shared _field.html template gives them) and is marked invalid."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                field = self[name]
                attrs = self.fields[name].widget.attrs
                described = [v for v in attrs.get("aria-describedby", "").split() if v]
                described.append(f"{field.auto_id}-errors")
                attrs["aria-describedby"] = " ".join(dict.fromkeys(described))
                attrs["aria-invalid"] = "true"


class RatingForm(DescribedErrorsMixin, CaptchaFormMixin, GuardedFormMixin, forms.Form):
    """Level (five national grades) and an optional comment; the receipt
    number and query code only when the visitor is not already known to hold
    the case (a signed link from the status page, or the owner's account)."""

    guarded_text_fields = ("comment", "receipt_number", "query_code")

    receipt_number = forms.CharField(label=_("办件编号"), max_length=40, required=False,
                                     widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    query_code = forms.CharField(label=_("查询码"), max_length=20, required=False,
                                 widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}))
    level = forms.TypedChoiceField(
        label=_("您对本次服务的评价"), coerce=int, widget=forms.RadioSelect,
        choices=[(int(level), level.label) for level in LEVELS],
        error_messages={"required": _("请选择评价等级。"), "invalid_choice": _("请选择评价等级。")},
    )
    comment = forms.CharField(
        label=_("意见和建议（选填）"), required=False, max_length=COMMENT_MAX_LENGTH,
        help_text=_("请勿填写身份证号码、电话等个人信息。评价内容仅供承办部门改进工作，不会公开。"),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH}),
    )
    t = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, needs_code: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_code = needs_code
        if needs_code:
            self.fields["receipt_number"].required = True
            self.fields["query_code"].required = True
            self.fields["receipt_number"].error_messages["required"] = _("请填写办件编号。")
            self.fields["query_code"].error_messages["required"] = _("请填写查询码。")
        else:
            del self.fields["receipt_number"]
            del self.fields["query_code"]
        if "comment" in self.fields:
            self.fields["comment"].widget.attrs["aria-describedby"] = "id_comment-help"


class AnswerForm(DescribedErrorsMixin, forms.Form):
    answer = forms.CharField(
        label=_("整改情况（将告知申请人）"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("请填写整改情况。")},
    )


class CallbackForm(DescribedErrorsMixin, forms.Form):
    callback_at = forms.DateTimeField(
        label=_("回访时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        error_messages={"required": _("请填写回访时间。"), "invalid": _("请按“年-月-日 时:分”填写回访时间。")},
    )
    callback_caller = forms.CharField(label=_("回访人"), max_length=100,
                                      error_messages={"required": _("请填写回访人。")})
    callback_outcome = forms.ChoiceField(label=_("回访结果"), choices=CallbackOutcome.choices,
                                         error_messages={"required": _("请选择回访结果。")})
    callback_note = forms.CharField(label=_("回访记录"), required=False, max_length=2000,
                                    widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and "callback_at" not in self.initial:
            self.initial["callback_at"] = timezone.localtime().replace(second=0, microsecond=0)
