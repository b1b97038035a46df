"""Who is commenting or answering: a signed-in citizen (their account) or a
phone confirmed by an SMS code in this session (``accounts.service``). Shared
by 意见征集 and 网上调查.

The form carries ``phone`` and ``phone_code`` and a "获取验证码" button that
posts the same form (``SEND_CODE``): the page comes back with everything typed
still there and the code on its way."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import service as accounts

SEND_CODE = "send_code"


@dataclass(frozen=True)
class Citizen:
    phone: str
    account: object | None = None  # the user, when signed in with an account

    @property
    def key(self) -> str:
        """One identity per person: the account if any, else the phone."""
        return f"account:{self.account.pk}" if self.account is not None else f"phone:{self.phone}"


def known_citizen(request) -> Citizen | None:
    """The citizen behind the request without asking anything: signed in, or a
    phone confirmed in this session within the last 30 minutes."""
    user = getattr(request, "user", None)
    account_user = None
    if user is not None and user.is_authenticated and not user.is_staff and accounts.account_for(user):
        account_user = user
    phone = accounts.confirmed_phone(request)
    if phone:
        return Citizen(phone=phone, account=account_user)
    return None


class PhoneConfirmationFields:
    """Adds ``phone`` and ``phone_code`` when the citizen is not known yet
    (``confirm=True``); ``citizen()`` then checks the code, after everything
    else in the form is valid (a code is used up once checked)."""

    def __init__(self, *args, confirm: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.confirm = confirm
        self.code_sent = ""
        self.code_error = ""
        if confirm:
            self.fields["phone"] = forms.CharField(
                label=gettext_lazy("手机号码"), max_length=20,
                help_text=gettext_lazy("用于确认是本人提交，不会公开。点击“获取验证码”，短信验证码将发送到此号码。"),
                widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
            )
            self.fields["phone_code"] = forms.CharField(
                label=gettext_lazy("短信验证码"), max_length=6, required=False,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
            )

    def clean_phone(self):
        phone = accounts.normalize_mobile(self.cleaned_data.get("phone", ""))
        if not accounts.mobile_ok(phone):
            raise forms.ValidationError(_("请填写有效的 11 位手机号码。"))
        return phone

    def citizen(self, request) -> Citizen | None:
        """Call after ``is_valid()``; adds the error and returns None when the code is wrong."""
        known = known_citizen(request)
        if known is not None:
            return known
        phone = self.cleaned_data.get("phone", "")
        code = (self.cleaned_data.get("phone_code") or "").strip()
        if not code:
            self.add_error("phone_code", _("请输入短信验证码；还没有验证码请点击“获取验证码”。"))
            return None
        if not accounts.confirm_phone(request, phone, code):
            self.add_error("phone_code", accounts.check_message(accounts.Check.WRONG))
            return None
        return Citizen(phone=phone)


def send_code(request, form) -> None:
    """The "获取验证码" button: send a code to the typed phone; the result is
    shown beside the phone field (``form.code_sent`` / ``form.code_error``)."""
    phone = request.POST.get("phone", "")
    try:
        accounts.send_code(request, phone)
    except accounts.CodeRefused as exc:
        form.code_error = " ".join(exc.messages)
    else:
        form.code_sent = _("验证码已发送到您的手机，%(minutes)s 分钟内有效。") % {"minutes": accounts.code_minutes()}


def unbound_copy(form_class, request, **kwargs):
    """The form again, not validated, with what was typed as its initial values
    (the "获取验证码" round trip shows no errors for fields not filled in yet)."""
    initial = {}
    for key in request.POST:
        if key in ("csrfmiddlewaretoken", "submit_token", SEND_CODE):
            continue
        values = request.POST.getlist(key)
        initial[key] = values if len(values) > 1 else values[0]
    return form_class(initial=initial, **kwargs)
