from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casefile import identity
from cluster.models import Organisation
from formguard.abuse import CaptchaFormMixin
from formguard.guard import GuardedFormMixin, clean_text
from formguard.uploads import check_upload

from .constants import CLOSING_OUTCOMES, MAX_EXTENSION_DAYS, ApplicantKind, Delivery, IdType, Outcome, StopReason
from .models import DisclosureRequest

REPLY_TYPES = {"pdf", "ofd", "doc", "docx", "wps", "xls", "xlsx", "zip", "jpg", "jpeg", "png"}
REPLY_MAX_SIZE = 20 * 1024 * 1024

# The identity checks live in the kernel (casefile.identity) and run in the
# model's clean(), so their messages land on this form's fields.


class OrganisationChoiceField(forms.ModelChoiceField):
    """Organisations named in the reader's language."""

    def label_from_instance(self, obj) -> str:
        return obj.localized_name


class RequestForm(CaptchaFormMixin, GuardedFormMixin, forms.ModelForm):
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
        for field in ("id_number", "credit_code"):
            if data.get(field):
                data[field] = identity.normalize_code(data[field])
        if data.get("phone"):
            data["phone"] = identity.normalize_phone(data["phone"])
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


class StatusForm(CaptchaFormMixin, forms.Form):
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


def _date_input() -> forms.DateInput:
    # <input type="date"> accepts only ISO; zh-hans would render 2026/12/01, which browsers drop.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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
    on = forms.DateField(label=gettext_lazy("告知补正日期"), widget=_date_input())
    until = forms.DateField(
        label=gettext_lazy("补正期限"), required=False, widget=_date_input(),
        help_text=gettext_lazy("申请人应在此日期前补正，逾期视为放弃申请（《条例》第三十条）；不填则为 15 个工作日（次年节假日安排尚未公布时为 21 日）。"),
    )


class SupplementForm(_ActionForm):
    supplement = forms.CharField(label=gettext_lazy("补正内容"), widget=forms.Textarea(attrs={"rows": 4}))
    on = forms.DateField(label=gettext_lazy("收到补正日期"), widget=_date_input())


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


class ConfirmReceiptForm(_ActionForm):
    on = forms.DateField(label=gettext_lazy("确认收到日期"), widget=_date_input())


class ConsultForm(_ActionForm):
    reason = forms.ChoiceField(label=gettext_lazy("征求意见类型"), choices=[
        (StopReason.THIRD_PARTY.value, StopReason.THIRD_PARTY.label),
        (StopReason.OTHER_AGENCY.value, StopReason.OTHER_AGENCY.label),
    ])
    whom = forms.CharField(label=gettext_lazy("征求意见对象"), max_length=200)
    on = forms.DateField(
        label=gettext_lazy("发出征求意见日期"), widget=_date_input(),
        help_text=gettext_lazy("征求意见期间不计入答复期限；被征求意见方应在 15 个工作日内提出意见。"),
    )


class EndConsultationForm(_ActionForm):
    result = forms.CharField(label=gettext_lazy("意见情况"), widget=forms.Textarea(attrs={"rows": 3}))
    on = forms.DateField(label=gettext_lazy("收到意见日期"), widget=_date_input())
