from __future__ import annotations

import re

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cluster.models import Organisation
from formguard.guard import GuardedFormMixin, clean_text
from formguard.uploads import check_upload

from .constants import CLOSING_OUTCOMES, MAX_EXTENSION_DAYS, ApplicantKind, Delivery, IdType, Outcome
from .models import DisclosureRequest

REPLY_TYPES = {"pdf", "ofd", "doc", "docx", "wps", "xls", "xlsx", "zip", "jpg", "jpeg", "png"}
REPLY_MAX_SIZE = 20 * 1024 * 1024

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")


def resident_id_ok(number: str) -> bool:
    """GB 11643: 17 digits + check character."""
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == number[-1]


def credit_code_ok(code: str) -> bool:
    """GB 32100 unified social credit code with its check character."""
    if len(code) != 18 or any(c not in _CREDIT_CHARS for c in code):
        return False
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31] == code[-1]


class OrganisationChoiceField(forms.ModelChoiceField):
    """Organisations named in the reader's language."""

    def label_from_instance(self, obj) -> str:
        return obj.localized_name


class RequestForm(GuardedFormMixin, forms.ModelForm):
    """The public application form. The organisation is fixed to the site's own
    unless the site is the portal (``choose_organisation``)."""

    organisation = OrganisationChoiceField(
        label=gettext_lazy("受理机关"), queryset=Organisation.objects.all(), empty_label=gettext_lazy("请选择"),
    )

    class Meta:
        model = DisclosureRequest
        fields = [
            "organisation", "applicant_kind", "name", "id_type", "id_number", "org_name", "credit_code",
            "legal_representative", "contact_person", "phone", "email", "address",
            "description", "purpose", "preferred_form", "delivery",
        ]
        widgets = {
            "applicant_kind": forms.RadioSelect,
            "preferred_form": forms.RadioSelect,
            "delivery": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
            "purpose": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, organisation: Organisation | None = None, choose_organisation: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed_organisation = None if choose_organisation else organisation
        if self.fixed_organisation is not None:
            del self.fields["organisation"]
        elif organisation is not None:
            self.fields["organisation"].initial = organisation.pk
        self.fields["id_type"].choices = [("", _("请选择"))] + list(IdType.choices)
        for name in ("applicant_kind", "preferred_form", "delivery"):
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0]]
        self.fields["description"].max_length = 2000
        self.fields["purpose"].max_length = 1000

    def clean(self):
        data = super().clean()
        kind = data.get("applicant_kind")
        required = []
        if kind == ApplicantKind.NATURAL:
            required = ["name", "id_type", "id_number"]
        elif kind:
            required = ["org_name", "credit_code", "legal_representative", "contact_person"]
        for field in required:
            if not data.get(field):
                self.add_error(field, _("请填写此项。"))
        number = (data.get("id_number") or "").strip().upper()
        if kind == ApplicantKind.NATURAL and number:
            data["id_number"] = number
            if data.get("id_type") == IdType.RESIDENT_ID and not resident_id_ok(number):
                self.add_error("id_number", _("身份证号码有误，请核对 18 位号码（含末位校验码）。"))
        code = (data.get("credit_code") or "").strip().upper()
        if kind and kind != ApplicantKind.NATURAL and code:
            data["credit_code"] = code
            if not credit_code_ok(code):
                self.add_error("credit_code", _("统一社会信用代码有误，请核对 18 位代码。"))
        phone = re.sub(r"[\s]", "", data.get("phone") or "")
        if phone:
            data["phone"] = phone
            if not PHONE_RE.match(phone):
                self.add_error("phone", _("请填写有效的手机号码或固定电话（如 0471-1234567）。"))
        if data.get("delivery") == Delivery.EMAIL and not data.get("email"):
            self.add_error("email", _("选择通过电子邮件获取时，请填写电子邮箱。"))
        if data.get("delivery") == Delivery.POST and not data.get("address"):
            self.add_error("address", _("选择邮寄时，请填写通信地址。"))
        # fields of the other applicant kind are not kept
        if kind == ApplicantKind.NATURAL:
            for field in ("org_name", "credit_code", "legal_representative", "contact_person"):
                data[field] = ""
        elif kind:
            for field in ("name", "id_type", "id_number"):
                data[field] = ""
        return data

    def request_data(self) -> dict:
        """What the service needs to create the request."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "organisation"}

    def chosen_organisation(self) -> Organisation:
        return self.fixed_organisation or self.cleaned_data["organisation"]


class StatusForm(forms.Form):
    receipt_number = forms.CharField(label=gettext_lazy("受理编号"), max_length=40)
    query_code = forms.CharField(
        label=gettext_lazy("查询码"), max_length=6, min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_query_code(self):
        code = self.cleaned_data["query_code"].strip()
        if not code.isdigit():
            raise forms.ValidationError(_("查询码为 6 位数字。"))
        return code


# -- officer actions -----------------------------------------------------------


class _ActionForm(forms.Form):
    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str):
                data[name] = clean_text(value).text
        return data


class AcceptForm(_ActionForm):
    note = forms.CharField(label=gettext_lazy("备注"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CorrectionForm(_ActionForm):
    missing = forms.CharField(
        label=gettext_lazy("需要补正的内容"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("将告知申请人；补正期间答复期限中止计算。"),
    )
    on = forms.DateField(label=gettext_lazy("告知补正日期"), widget=forms.DateInput(attrs={"type": "date"}))


class SupplementForm(_ActionForm):
    supplement = forms.CharField(label=gettext_lazy("补正内容"), widget=forms.Textarea(attrs={"rows": 4}))
    on = forms.DateField(label=gettext_lazy("收到补正日期"), widget=forms.DateInput(attrs={"type": "date"}))


class ExtendForm(_ActionForm):
    approver = forms.ModelChoiceField(label=gettext_lazy("批准人"), queryset=get_user_model().objects.none())
    days = forms.IntegerField(label=gettext_lazy("延长工作日"), min_value=1, max_value=MAX_EXTENSION_DAYS, initial=20)
    reason = forms.CharField(label=gettext_lazy("延期理由"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        User = get_user_model()
        perm = Q(groups__permissions__codename="extend_disclosurerequest") | Q(
            user_permissions__codename="extend_disclosurerequest"
        )
        self.fields["approver"].queryset = User.objects.filter(perm | Q(is_superuser=True), is_active=True).distinct()


class AnswerForm(_ActionForm):
    outcome = forms.ChoiceField(label=gettext_lazy("处理结果"))
    reply_text = forms.CharField(label=gettext_lazy("答复内容"), widget=forms.Textarea(attrs={"rows": 6}))
    reply_document = forms.FileField(label=gettext_lazy("答复文书"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [("", _("请选择"))] + [
            (o.value, o.label) for o in Outcome if o not in CLOSING_OUTCOMES
        ]

    def clean_reply_document(self):
        upload = self.cleaned_data.get("reply_document")
        if upload:
            check_upload(upload, allowed=REPLY_TYPES, max_size=REPLY_MAX_SIZE)
        return upload


class CloseForm(_ActionForm):
    outcome = forms.ChoiceField(label=gettext_lazy("终止原因"))
    reason = forms.CharField(label=gettext_lazy("说明"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [(o.value, o.label) for o in Outcome if o in CLOSING_OUTCOMES]
