"""The public application form (built per item from its materials and the
fields editors configured), the status lookup, 补正 and withdrawal, and the
officers' action forms."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.forms import DescribedFieldsMixin
from casefile import identity
from casefile.models import ApplicantKind, IdType
from formguard.abuse import CaptchaFormMixin
from formguard.guard import GuardedFormMixin, clean_text
from formguard.uploads import check_upload

from .constants import (
    DEFAULT_ACCEPT,
    MAX_UPLOAD_SIZE,
    SPECIAL_PROCEDURES,
    Decision,
)

ISSUED_TYPES = {"pdf", "ofd", "jpg", "jpeg", "png"}


def check_material(upload, *, accept: list[str], label: str):
    """formguard's check by content, type and size (archives that inflate far
    beyond their size, zip bombs, included); the message names the file and the
    material. Returns the kind's label (e.g. "PDF")."""
    name = getattr(upload, "name", "") or ""
    try:
        kind = check_upload(upload, allowed=set(accept), max_size=MAX_UPLOAD_SIZE)
    except ValidationError as exc:
        raise ValidationError(
            _("“%(file)s”（%(material)s）未能上传：%(reason)s") % {
                "file": name, "material": label, "reason": " ".join(exc.messages)},
            code=getattr(exc, "code", "upload"),
        ) from None
    return kind.label


def _accept_attr(kinds: list[str]) -> str:
    return ",".join(f".{k}" for k in kinds)


class ApplyForm(DescribedFieldsMixin, GuardedFormMixin, forms.Form):
    """Applicant, the item's own fields (``f_<key>``) and one file per material
    (``m_<id>``). ``kept`` maps material ids to files already kept on the draft:
    a required material kept there need not be sent again."""

    applicant_kind = forms.ChoiceField(label=gettext_lazy("申请人类型"), widget=forms.RadioSelect,
                                       choices=ApplicantKind.choices)
    name = forms.CharField(label=gettext_lazy("姓名"), max_length=100, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    id_type = forms.ChoiceField(label=gettext_lazy("证件类型"), required=False)
    id_number = forms.CharField(label=gettext_lazy("证件号码"), max_length=40, required=False)
    org_name = forms.CharField(label=gettext_lazy("单位名称"), max_length=200, required=False,
                               widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    credit_code = forms.CharField(label=gettext_lazy("统一社会信用代码"), max_length=18, required=False)
    legal_representative = forms.CharField(label=gettext_lazy("法定代表人"), max_length=100, required=False)
    contact_person = forms.CharField(label=gettext_lazy("联系人"), max_length=100, required=False)
    phone = forms.CharField(label=gettext_lazy("联系电话"), max_length=30, widget=forms.TextInput(
        attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}))
    email = forms.EmailField(label=gettext_lazy("电子邮箱"), required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    address = forms.CharField(label=gettext_lazy("通信地址"), max_length=300, required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "street-address"}))

    APPLICANT = ("applicant_kind", "name", "id_type", "id_number", "org_name", "credit_code",
                 "legal_representative", "contact_person", "phone", "email", "address")

    def __init__(self, *args, item, kept: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.kept = kept or {}
        self.fields["id_type"].choices = [("", _("请选择"))] + list(IdType.choices)
        self.item_fields: list[str] = []
        for f in item.form_fields.all():
            self.fields[f"f_{f.key}"] = self._item_field(f)
            self.item_fields.append(f"f_{f.key}")
        self.materials = list(item.materials.all())
        self.material_fields: list[tuple[str, object]] = []
        for m in self.materials:
            accept = m.accepted_kinds() or DEFAULT_ACCEPT.split(",")
            name = f"m_{m.pk}"
            self.fields[name] = forms.FileField(
                label=m.name, required=m.required and m.pk not in self.kept,
                help_text=_("可上传：%(kinds)s，不超过 10 MB") % {"kinds": "、".join(accept)},
                widget=forms.ClearableFileInput(attrs={"accept": _accept_attr(accept)}),
            )
            self.fields[name].accept = accept
            self.material_fields.append((name, m))

    @staticmethod
    def _item_field(f) -> forms.Field:
        common = {"label": f.label, "required": f.required, "help_text": f.help_text}
        if f.field_type == "textarea":
            return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=f.max_length or 2000,
                                   **common)
        if f.field_type == "date":
            return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **common)
        if f.field_type == "number":
            return forms.DecimalField(**common)
        if f.field_type == "choice":
            return forms.ChoiceField(choices=[("", _("请选择"))] + [(c, c) for c in f.choice_list()], **common)
        if f.field_type == "checkbox":
            return forms.BooleanField(**common)
        return forms.CharField(max_length=f.max_length or 200, **common)

    # -- uploads: each checked on its own; the good ones are kept whatever else fails
    def _clean_fields(self):
        super()._clean_fields()
        self.accepted_files: dict = {}
        for name, material in self.material_fields:
            upload = self.cleaned_data.get(name)
            if not upload:
                continue
            try:
                kind = check_material(upload, accept=self.fields[name].accept, label=material.name)
            except ValidationError as exc:
                self.add_error(name, exc)
                continue
            self.accepted_files[material] = (upload, kind)

    def clean(self):
        data = super().clean()
        kind = data.get("applicant_kind")
        for field in ("id_number", "credit_code"):
            if data.get(field):
                data[field] = identity.normalize_code(data[field])
        if data.get("phone"):
            data["phone"] = identity.normalize_phone(data["phone"])
        if kind:
            natural = kind == ApplicantKind.NATURAL
            for name, message in identity.applicant_errors(
                natural=natural, values={f: data.get(f) or "" for f in self.APPLICANT},
                required_natural=("name", "id_type", "id_number"), required_legal=("org_name", "credit_code"),
            ).items():
                if name in self.fields and name not in self.errors:
                    self.add_error(name, message)
            # the other kind's fields are not kept
            for field in (("org_name", "credit_code", "legal_representative", "contact_person") if natural
                          else ("name", "id_type", "id_number")):
                data[field] = ""
        return data

    # -- what the service stores
    def applicant_data(self) -> dict:
        return {k: self.cleaned_data.get(k) or "" for k in self.APPLICANT}

    def item_data(self) -> dict:
        """{key: {"label", "value"}} so the record reads the same after the item changes."""
        out = {}
        for f in self.item.form_fields.all():
            value = self.cleaned_data.get(f"f_{f.key}")
            out[f.key] = {"label": f.label, "value": "" if value is None else str(value)}
        return out

    def draft_data(self) -> dict:
        """What was typed (valid or not, cleaned of markup) for the draft."""
        out = {}
        for name, field in self.fields.items():
            if name in ("submit_token", self.honeypot_name) or isinstance(field, forms.FileField):
                continue
            if isinstance(field, forms.BooleanField):
                out[name] = bool(self.data.get(name))
                continue
            raw = self.data.get(name, "")
            try:
                out[name] = clean_text(str(raw)).text[:4000]
            except ValidationError:
                out[name] = ""
        return out


class StatusForm(CaptchaFormMixin, DescribedFieldsMixin, forms.Form):
    """Receipt number and query code; a captcha after repeated misses from one
    address (the view asks for it, as 依申请公开's status form does)."""

    receipt_number = forms.CharField(label=gettext_lazy("办件编号"), max_length=40)
    query_code = forms.CharField(
        label=gettext_lazy("查询码"), max_length=6, min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_query_code(self):
        code = self.cleaned_data["query_code"].strip()
        if not code.isdigit():
            raise forms.ValidationError(_("查询码为 6 位数字。"))
        return code


class SupplementForm(DescribedFieldsMixin, forms.Form):
    """One file per material asked for in the 补正 notice (and any listed material)."""

    note = forms.CharField(label=gettext_lazy("补正说明"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)

    def __init__(self, *args, app, **kwargs):
        super().__init__(*args, **kwargs)
        self.material_fields = []
        for m in app.item.materials.all():
            accept = m.accepted_kinds() or DEFAULT_ACCEPT.split(",")
            name = f"m_{m.pk}"
            self.fields[name] = forms.FileField(
                label=m.name, required=False, widget=forms.ClearableFileInput(attrs={"accept": _accept_attr(accept)}),
                help_text=_("可上传：%(kinds)s，不超过 10 MB") % {"kinds": "、".join(accept)},
            )
            self.fields[name].accept = accept
            self.material_fields.append((name, m))

    def clean(self):
        data = super().clean()
        data["note"] = clean_text(data.get("note", "")).text
        self.accepted_files = {}
        for name, material in self.material_fields:
            upload = data.get(name)
            if upload:
                try:
                    kind = check_material(upload, accept=self.fields[name].accept, label=material.name)
                except ValidationError as exc:
                    self.add_error(name, exc)
                    continue
                self.accepted_files[material] = (upload, kind)
        if not self.accepted_files and not self.errors:
            raise ValidationError(_("请上传需要补正的材料。"))
        return data


class WithdrawForm(DescribedFieldsMixin, forms.Form):
    reason = forms.CharField(label=gettext_lazy("撤回理由"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_reason(self):
        return clean_text(self.cleaned_data["reason"]).text


# -- officers --------------------------------------------------------------------------


class _ActionForm(forms.Form):
    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str):
                data[name] = clean_text(value).text
        return data


class NoteForm(_ActionForm):
    note = forms.CharField(label=gettext_lazy("备注"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AcceptForm(NoteForm):
    on = forms.DateField(label=gettext_lazy("受理日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class RejectForm(_ActionForm):
    reason = forms.CharField(label=gettext_lazy("不予受理的理由"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=gettext_lazy("将连同申请行政复议、提起行政诉讼的权利一并告知申请人。"))


class CorrectionForm(_ActionForm):
    items = forms.CharField(
        label=gettext_lazy("需要补正的全部材料（每行一项）"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("一次告知需要补正的全部内容；本申请只能告知一次。"),
    )
    note = forms.CharField(label=gettext_lazy("补正说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    on = forms.DateField(label=gettext_lazy("告知补正日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    until = forms.DateField(label=gettext_lazy("补正期限"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                            help_text=gettext_lazy("不填则为 15 个工作日。"))

    def item_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["items"].splitlines() if line.strip()]


class SpecialForm(_ActionForm):
    procedure = forms.ChoiceField(label=gettext_lazy("特别程序"),
                                  choices=[(p.value, p.label) for p in SPECIAL_PROCEDURES])
    days = forms.IntegerField(label=gettext_lazy("预计所需时间"), min_value=1, max_value=365)
    unit = forms.ChoiceField(label=gettext_lazy("单位"), choices=[("working", gettext_lazy("工作日")),
                                                                  ("calendar", gettext_lazy("日"))])
    note = forms.CharField(label=gettext_lazy("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    on = forms.DateField(label=gettext_lazy("开始日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class EndSpecialForm(_ActionForm):
    result = forms.CharField(label=gettext_lazy("结果"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    on = forms.DateField(label=gettext_lazy("结束日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class ExtendForm(_ActionForm):
    reason = forms.CharField(label=gettext_lazy("延长理由（将告知申请人）"), widget=forms.Textarea(attrs={"rows": 3}))


class DecideForm(_ActionForm):
    decision = forms.ChoiceField(label=gettext_lazy("决定"), choices=Decision.choices, widget=forms.RadioSelect)
    ground = forms.CharField(label=gettext_lazy("理由和依据"), required=False,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=gettext_lazy("不予许可的必须说明理由和依据。"))

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.REFUSED and not data.get("ground"):
            self.add_error("ground", _("不予许可的，应当说明理由和依据。"))
        return data


class CompleteForm(_ActionForm):
    document = forms.FileField(label=gettext_lazy("送达文书（许可证件或决定书）"), required=False)
    generate = forms.BooleanField(label=gettext_lazy("由系统生成 PDF 决定书"), required=False)
    title = forms.CharField(label=gettext_lazy("文书名称"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("document")
        if upload:
            try:
                check_upload(upload, allowed=ISSUED_TYPES, max_size=MAX_UPLOAD_SIZE)
            except ValidationError as exc:
                self.add_error("document", exc)
        if not upload and not data.get("generate"):
            raise ValidationError(_("请上传送达的文书，或选择生成许可证件。"))
        return data
