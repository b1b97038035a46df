"""The one intake form (一表式诉求), the status lookup, the writer's steps
after the answer and the officers' action forms."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casefile import identity
from cluster.models import Organisation
from formguard.abuse import CaptchaFormMixin
from formguard.guard import GuardedFormMixin, clean_text
from formguard.uploads import check_upload

from .constants import (
    ATTACHMENT_MAX_COUNT,
    ATTACHMENT_MAX_SIZE,
    ATTACHMENT_TYPES,
    CONTENT_MAX,
    EXTENSION_RULE,
    SUBJECT_MAX,
    Kind,
    Rating,
)
from .models import Mailbox

REPLACEMENT = "\ufffd"  # what undecodable bytes became


class LocalizedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.localized_name


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


def _text_checks(value: str, *, label: str, limit: int) -> None:
    if REPLACEMENT in value:
        raise forms.ValidationError(
            _("“%(field)s”中有无法识别的字符（可能是文字编码不正确），请检查标出的位置后重新提交：%(snippet)s")
            % {"field": label, "snippet": value[max(0, value.index(REPLACEMENT) - 10):value.index(REPLACEMENT) + 10]},
            code="encoding")
    if len(value) > limit:
        raise forms.ValidationError(
            _("“%(field)s”最多 %(max)s 字，您输入了 %(count)s 字，请删减后再提交（已填写的内容已保留）。")
            % {"field": label, "max": limit, "count": len(value)}, code="too_long")


class DescribedMixin:
    """Each input points at its help text and its errors (aria-describedby,
    aria-invalid), with the ids interaction/_field.html gives them."""

    def _describe(self) -> None:
        errors = self._errors or {}
        for name, field in self.fields.items():
            if name == "captcha":
                continue
            auto_id = self[name].auto_id
            ids = [f"{auto_id}-help"] if field.help_text else []
            if name in errors:
                ids.append(f"{auto_id}-errors")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def full_clean(self):
        super().full_clean()
        self._describe()

    def add_error(self, field, error):
        super().add_error(field, error)
        self._describe()


class LetterForm(DescribedMixin, CaptchaFormMixin, GuardedFormMixin, forms.Form):
    """Kind, addressee, subject, content, attachments, publication consent and
    contact details; the phone is confirmed by SMS code (the view) unless the
    writer is signed in or writes anonymously where the mailbox allows it."""

    kind = forms.ChoiceField(label=gettext_lazy("来信类别"), choices=Kind.choices, widget=forms.RadioSelect)
    mailbox = LocalizedChoiceField(
        label=gettext_lazy("写信给"), queryset=Mailbox.objects.none(), empty_label=gettext_lazy("请选择"),
        help_text=gettext_lazy("不清楚应由哪个部门办理的，请选择“平台统一受理”，由工作人员分办。"),
    )
    subject = forms.CharField(label=gettext_lazy("标题"), widget=forms.TextInput(attrs={"maxlength": SUBJECT_MAX}))
    content = forms.CharField(
        label=gettext_lazy("来信内容"), widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy("请写明事情经过、诉求和相关时间地点，最多 5000 字。"),
    )
    attachments = MultipleFileField(
        label=gettext_lazy("附件"), required=False,
        help_text=gettext_lazy("最多 5 个文件，每个不超过 10 MB；支持 PDF、Word、WPS、OFD、TXT、JPG、PNG。"),
    )
    accused_organisation = LocalizedChoiceField(
        label=gettext_lazy("被检举控告的单位"), queryset=Organisation.objects.all(), required=False,
        empty_label=gettext_lazy("不涉及或不清楚"),
        help_text=gettext_lazy("检举控告类来信填写。依照《信访工作条例》第三十条，检举控告材料不转交被检举控告的单位和人员。"),
    )
    accused_person = forms.CharField(label=gettext_lazy("被检举控告人"), required=False, max_length=100)
    anonymous = forms.BooleanField(
        label=gettext_lazy("匿名来信（不留姓名和联系方式）"), required=False,
        help_text=gettext_lazy("匿名来信无法收到短信通知，请牢记编号和查询码。是否受理匿名来信由各信箱规定。"),
    )
    applicant_kind = forms.ChoiceField(
        label=gettext_lazy("来信人类型"), widget=forms.RadioSelect, initial="natural",
        choices=[("natural", gettext_lazy("个人")), ("legal", gettext_lazy("单位"))],
    )
    name = forms.CharField(label=gettext_lazy("姓名"), required=False, max_length=100,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    org_name = forms.CharField(label=gettext_lazy("单位名称"), required=False, max_length=200)
    phone = forms.CharField(label=gettext_lazy("手机号码"), required=False, max_length=30, widget=forms.TextInput(
        attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}))
    phone_code = forms.CharField(
        label=gettext_lazy("短信验证码"), required=False, max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        help_text=gettext_lazy("未登录的来信人须验证手机号码：先点“获取验证码”，再填写收到的验证码。"),
    )
    email = forms.EmailField(label=gettext_lazy("电子邮箱"), required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    address = forms.CharField(label=gettext_lazy("通信地址"), required=False, max_length=300,
                              widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    publish_allowed = forms.BooleanField(
        label=gettext_lazy("同意在“来信选登”中公开（公开时隐去个人信息，不公开联系方式）"), required=False,
    )

    def __init__(self, *args, mailbox: Mailbox | None = None, signed_in: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_mailbox = mailbox
        self.signed_in = signed_in
        self.fields["mailbox"].queryset = Mailbox.objects.filter(active=True).select_related("organisation")
        if mailbox is not None:
            del self.fields["mailbox"]
        if signed_in:
            del self.fields["phone_code"]
        self.fields["content"].max_length = None  # our own message, which keeps the text

    def chosen_mailbox(self) -> Mailbox | None:
        return self.fixed_mailbox or self.cleaned_data.get("mailbox")

    def clean_subject(self):
        value = self.cleaned_data["subject"]
        _text_checks(value, label=_("标题"), limit=SUBJECT_MAX)
        return value

    def clean_content(self):
        value = self.cleaned_data["content"]
        _text_checks(value, label=_("来信内容"), limit=CONTENT_MAX)
        return value

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > ATTACHMENT_MAX_COUNT:
            raise forms.ValidationError(_("最多上传 %(max)s 个附件。") % {"max": ATTACHMENT_MAX_COUNT})
        errors = []
        for upload in files:
            try:
                check_upload(upload, allowed=ATTACHMENT_TYPES, max_size=ATTACHMENT_MAX_SIZE)
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise forms.ValidationError(errors)
        return files

    def clean(self):
        data = super().clean()
        for name in ("name", "org_name", "address", "accused_person"):
            value = data.get(name) or ""
            if REPLACEMENT in value:
                self.add_error(name, _("有无法识别的字符（可能是文字编码不正确），请检查后重新填写。"))
        mailbox, kind = self.chosen_mailbox(), data.get("kind")
        if data.get("anonymous"):
            if mailbox and kind and not mailbox.accepts_anonymous(kind):
                self.add_error("anonymous", _("“%(mailbox)s”不受理匿名的“%(kind)s”来信，请填写姓名和联系方式。")
                               % {"mailbox": mailbox.localized_name, "kind": Kind(kind).label})
            return data
        if data.get("applicant_kind") == "legal":
            if not data.get("org_name"):
                self.add_error("org_name", _("请填写单位名称。"))
        elif not data.get("name"):
            self.add_error("name", _("请填写姓名。"))
        phone = identity.normalize_phone(data.get("phone") or "")
        data["phone"] = phone
        if not phone:
            self.add_error("phone", _("请填写手机号码，以便接收办理情况。"))
        elif not _mobile(phone):
            self.add_error("phone", _("请填写 11 位手机号码：短信验证码和办理情况发到这个号码。"))
        if kind != Kind.REPORT:
            data["accused_organisation"], data["accused_person"] = None, ""
        return data

    def writer(self) -> dict:
        d = self.cleaned_data
        return {k: d.get(k) or "" for k in ("applicant_kind", "name", "org_name", "phone", "email", "address")}


def _mobile(phone: str) -> bool:
    return len(phone) == 11 and phone.isdigit() and phone.startswith("1")


class StatusForm(DescribedMixin, CaptchaFormMixin, forms.Form):
    receipt_number = forms.CharField(label=gettext_lazy("来信编号"), max_length=40)
    query_code = forms.CharField(
        label=gettext_lazy("查询码"), max_length=6, min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_query_code(self):
        code = self.cleaned_data["query_code"].strip()
        if not code.isdigit():
            raise forms.ValidationError(_("查询码为 6 位数字。"))
        return code


class RateForm(DescribedMixin, forms.Form):
    rating = forms.ChoiceField(label=gettext_lazy("您对答复的评价"), choices=Rating.choices, widget=forms.RadioSelect)


class _TextForm(DescribedMixin, forms.Form):
    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str):
                data[name] = clean_text(value).text
        return data


class RehandleForm(_TextForm):
    reason = forms.CharField(label=gettext_lazy("要求重新办理的理由"), widget=forms.Textarea(attrs={"rows": 4}),
                             max_length=2000)


class ReviewRequestForm(_TextForm):
    reason = forms.CharField(label=gettext_lazy("请求复查（复核）的理由"), widget=forms.Textarea(attrs={"rows": 4}),
                             max_length=CONTENT_MAX)


class SearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("搜索来信"), required=False, max_length=50)


# -- officer actions -------------------------------------------------------------------------


class NoteForm(_TextForm):
    note = forms.CharField(label=gettext_lazy("备注"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RouteForm(_TextForm):
    departments = forms.ModelMultipleChoiceField(
        label=gettext_lazy("承办单位"), queryset=Organisation.objects.all(), widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("选择多个单位即为联合办理，第一个（或下面指定的）为主办单位。"),
    )
    lead = forms.ModelChoiceField(label=gettext_lazy("主办单位"), queryset=Organisation.objects.all(), required=False)
    note = forms.CharField(label=gettext_lazy("分办意见"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class TransferForm(RouteForm):
    reason = forms.CharField(label=gettext_lazy("转办理由"), widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(_TextForm):
    reason = forms.CharField(label=gettext_lazy("理由"), widget=forms.Textarea(attrs={"rows": 3}))


class ExtendForm(_TextForm):
    days = forms.IntegerField(label=gettext_lazy("延长日数"), min_value=1, max_value=EXTENSION_RULE.max_days,
                              initial=EXTENSION_RULE.max_days)
    reason = forms.CharField(label=gettext_lazy("延期理由"), widget=forms.Textarea(attrs={"rows": 3}))


class ReplyForm(_TextForm):
    text = forms.CharField(label=gettext_lazy("答复内容"), widget=forms.Textarea(attrs={"rows": 8}))


class ApproveForm(_TextForm):
    text = forms.CharField(label=gettext_lazy("答复内容（可修改）"), widget=forms.Textarea(attrs={"rows": 8}))
    publish = forms.BooleanField(label=gettext_lazy("选登到“来信选登”（来信人同意公开的）"), required=False)
    note = forms.CharField(label=gettext_lazy("审核意见"), required=False)


class ReturnForm(_TextForm):
    note = forms.CharField(label=gettext_lazy("退回意见"), widget=forms.Textarea(attrs={"rows": 3}))


class PublicationForm(_TextForm):
    subject = forms.CharField(label=gettext_lazy("公开标题"), max_length=200)
    content = forms.CharField(label=gettext_lazy("公开来信内容"), widget=forms.Textarea(attrs={"rows": 8}))
    reply = forms.CharField(label=gettext_lazy("公开答复内容"), widget=forms.Textarea(attrs={"rows": 8}))
