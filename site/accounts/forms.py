"""The account forms, and ``PhoneConfirmationMixin`` for other apps' forms.

``PhoneConfirmationMixin`` (a letter written without an account, "with a phone
confirmed by SMS code") adds ``phone`` (unless the form has one) and
``phone_code``; construct the form with ``request=request``::

    class LetterForm(PhoneConfirmationMixin, GuardedForm): ...

    form = LetterForm(request.POST, request=request)
    if form.wants_code():        # the "获取验证码" button (name SEND_CODE_BUTTON)
        form.send_code()         # only the phone is checked; errors land on it, all typed text stays
    elif form.is_valid():        # the code was right, or the phone is already confirmed in this session
        phone = form.cleaned_data["phone"]
    ...
    {% include "accounts/_phone_confirmation.html" with form=form %}

The template needs ``accounts/accounts.css`` (or the same classes in the app's own CSS).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.forms.utils import ErrorDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casefile import identity
from casefile.models import ApplicantKind, IdType
from formguard.abuse import CaptchaFormMixin
from formguard.guard import GuardedFormMixin

from . import service
from .models import Account

SEND_CODE_BUTTON = "send_phone_code"
SKIP_DESCRIBE = ("captcha", "submit_token", "website")


class DescribedFieldsMixin:
    """Each input names its help text and, after validation, its errors in
    ``aria-describedby`` (ids ``<id>-help`` and ``<id>-errors``, as the field
    template writes them). Concrete forms call ``describe_fields()`` at the end
    of their ``__init__``, once every field and help text is in place."""

    def describe_fields(self) -> None:
        errors = self._errors or {}
        for name, field in self.fields.items():
            if name in SKIP_DESCRIBE or field.widget.is_hidden:
                continue
            auto_id = self[name].auto_id
            ids = [f"{auto_id}-help"] if field.help_text else []
            if name in errors:
                ids.append(f"{auto_id}-errors")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            else:
                field.widget.attrs.pop("aria-describedby", None)

    def full_clean(self):
        super().full_clean()
        self.describe_fields()

    def add_error(self, field, error):
        super().add_error(field, error)
        self.describe_fields()


def phone_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label=kwargs.pop("label", gettext_lazy("手机号码")), max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}), **kwargs,
    )


def code_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label=gettext_lazy("短信验证码"), max_length=service.CODE_DIGITS, required=False,
        help_text=gettext_lazy("请输入手机收到的 6 位数字验证码。"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}), **kwargs,
    )


def clean_mobile(value: str) -> str:
    phone = service.normalize_mobile(value)
    if not service.mobile_ok(phone):
        raise forms.ValidationError(_("请填写有效的 11 位手机号码。"), code="phone")
    return phone


class CodeStepMixin:
    """The two steps of a form confirmed by SMS code, without JavaScript: the
    "send code" button (``action=send``) sends it, the main button
    (``action=submit``) needs it. ``code_sent`` tells the template to show the
    code's field and the main button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"] = code_field()
        self.code_sent = self.is_bound and self.data.get("action") == "submit"

    @property
    def sends_code(self) -> bool:
        return self.is_bound and self.data.get("action") == "send"

    def clean_code(self):
        code = (self.cleaned_data.get("code") or "").strip()
        if self.sends_code:
            return code
        if not code:
            raise forms.ValidationError(_("请输入短信验证码。"), code="required")
        if not code.isdigit() or len(code) != service.CODE_DIGITS:
            raise forms.ValidationError(_("短信验证码为 6 位数字。"), code="digits")
        return code


class AccountFieldsMixin:
    """Kind, real-name fields and contact, checked as the case kernel checks an
    applicant (resident ID check digit, credit code check character)."""

    def setup_account_fields(self) -> None:
        if "kind" in self.fields:
            self.fields["kind"].choices = list(ApplicantKind.choices)
            self.fields["kind"].widget = forms.RadioSelect(choices=self.fields["kind"].choices)
        self.fields["id_type"].choices = [("", _("请选择"))] + list(IdType.choices)
        self.fields["id_number"].help_text = gettext_lazy("居民身份证为 18 位，末位可能是 X。")
        self.fields["credit_code"].help_text = gettext_lazy("18 位统一社会信用代码，见营业执照。")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["org_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_id_number(self):
        return identity.normalize_code(self.cleaned_data.get("id_number", ""))

    def clean_credit_code(self):
        return identity.normalize_code(self.cleaned_data.get("credit_code", ""))

    def clean(self):
        data = super().clean()
        kind = data.get("kind") or getattr(self.instance, "kind", "")
        if kind:
            values = {f: data.get(f) or "" for f in service.IDENTITY_FIELDS}
            for name, message in service.identity_errors(kind, values).items():
                if name in self.fields and name not in self.errors:
                    self.add_error(name, message)
        return data


ACCOUNT_FIELDS = ["kind", "name", "id_type", "id_number", "org_name", "credit_code", "legal_representative"]


class RegisterForm(DescribedFieldsMixin, CodeStepMixin, AccountFieldsMixin, CaptchaFormMixin, GuardedFormMixin,
                   forms.ModelForm):
    class Meta:
        model = Account
        fields = [*ACCOUNT_FIELDS, "phone", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_account_fields()
        self.fields["phone"] = phone_field(
            help_text=gettext_lazy("用于接收验证码和办件通知，也是登录账号。"),
            # ModelForm's unique check takes the form field's message
            error_messages={"unique": gettext_lazy("该手机号码已经注册，请直接登录。")},
        )
        self.order_fields([*self.Meta.fields, "code"])
        self.describe_fields()

    def clean_phone(self):
        return clean_mobile(self.cleaned_data.get("phone", ""))

    def account_data(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in self.Meta.fields}


class LoginForm(DescribedFieldsMixin, CodeStepMixin, CaptchaFormMixin, GuardedFormMixin, forms.Form):
    phone = phone_field()
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()

    def clean_phone(self):
        return clean_mobile(self.cleaned_data.get("phone", ""))


class ProfileForm(DescribedFieldsMixin, AccountFieldsMixin, GuardedFormMixin, forms.ModelForm):
    class Meta:
        model = Account
        fields = [*ACCOUNT_FIELDS, "email", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_account_fields()
        self.fields["language"].choices = list(settings.LANGUAGES)
        self.fields["language"].help_text = gettext_lazy("短信和邮件通知使用的语言。")
        self.describe_fields()

    def profile_data(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in self.Meta.fields}


class PhoneConfirmationMixin:
    """A phone confirmed by SMS code in another app's form (see the module docstring)."""

    phone_field_name = "phone"
    code_field_name = "phone_code"

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        if self.phone_field_name not in self.fields:
            self.fields[self.phone_field_name] = phone_field()
        self.fields[self.code_field_name] = code_field()
        self.code_sent = False
        self.phone_confirmed = bool(request and service.confirmed_phone(request))

    def wants_code(self) -> bool:
        return self.is_bound and SEND_CODE_BUTTON in self.data

    def send_code(self) -> bool:
        """Send a "confirm" code to the typed phone; only the phone is checked,
        so the page shown next keeps everything else as typed, without errors."""
        self._errors, self.cleaned_data = ErrorDict(), {}
        raw = self.data.get(self.add_prefix(self.phone_field_name), "")
        try:
            phone = clean_mobile(raw)
            service.send_code(self.request, phone, purpose=service.Purpose.CONFIRM)
        except forms.ValidationError as exc:
            self.add_error(self.phone_field_name, exc)
            return False
        self.code_sent = True
        return True

    def clean(self):
        data = super().clean()
        raw = data.get(self.phone_field_name)
        if not raw:
            return data
        try:
            phone = clean_mobile(raw)
        except forms.ValidationError as exc:
            self.add_error(self.phone_field_name, exc)
            return data
        data[self.phone_field_name] = phone
        if service.confirmed_phone(self.request) == phone:
            return data
        code = (data.get(self.code_field_name) or "").strip()
        if not code:
            self.add_error(self.code_field_name, _("请先获取短信验证码，并输入手机收到的验证码。"))
            return data
        result = service.check_code(phone=phone, purpose=service.Purpose.CONFIRM, code=code)
        if result == service.Check.OK:
            service._mark_confirmed(self.request, phone)
            self.phone_confirmed = True
        else:
            self.add_error(self.code_field_name, service.check_message(result))
        return data


class TokenForm(forms.Form):
    """The staff's second factor: the code their authenticator app shows."""

    token = forms.CharField(
        label=gettext_lazy("动态验证码"), max_length=8, min_length=6,
        help_text=gettext_lazy("打开手机上的身份验证器应用，输入本网站账户显示的 6 位数字。"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("动态验证码为 6 位数字。"))
        return token
