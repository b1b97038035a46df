"""The citizens' account pages: register, sign in and out, my applications, profile.

Both code forms work without JavaScript in two steps: the first press ("获取
验证码") checks what was typed and sends the code, the page comes back with
everything kept and the code's field; the second press needs the code.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib import auth, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from formguard.abuse import needs_captcha, note_attempt
from formguard.guard import run_once
from formguard.models import SubmissionToken
from privacy.service import mask_phone

from . import registry, service
from .forms import LoginForm, ProfileForm, RegisterForm

REGISTER_SCOPE = "accounts-register"
LOGIN_SCOPE = "accounts-login"
REFUSED = "refused:"  # a register token's result when the code was not accepted


def _safe_next(request, url: str | None) -> str:
    """``next`` only when it stays on this host (no open redirect)."""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return ""


def account_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        account = service.account_for(request.user)
        if account is None:
            return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.get_full_path()})}")
        request.account = account
        return view(request, *args, **kwargs)

    return wrapped


def _sent_notice(phone: str) -> str:
    return _("验证码已发送至 %(phone)s，%(minutes)s 分钟内有效。") % {
        "phone": mask_phone(phone), "minutes": service.code_minutes()}


@never_cache
@require_http_methods(["GET", "POST"])
def register(request):
    if service.account_for(request.user):
        return redirect("accounts:home")
    notice = ""
    if request.method == "POST":
        earlier = _registered_by(request.POST)
        if earlier:  # the same form again after the first made the account (its phone is taken now)
            return _already_registered(request, earlier)
        form = RegisterForm(request.POST, captcha=needs_captcha(request, REGISTER_SCOPE))
        valid, ok = form.is_valid(), False
        if valid and form.sends_code:
            try:
                service.send_code(request, form.cleaned_data["phone"], purpose=service.Purpose.REGISTER)
                form.code_sent, ok, notice = True, True, _sent_notice(form.cleaned_data["phone"])
            except service.CodeRefused as exc:
                form.add_error("phone", exc)
        elif valid:
            # one row per token and code: the same form sent again waits for the first answer,
            # a corrected code is checked afresh
            once = _once(form.submit_token, form.cleaned_data["code"])
            done = SubmissionToken.objects.filter(scope=REGISTER_SCOPE, token=once).first()
            if done is not None and not done.result.startswith(REFUSED):  # the same form sent twice
                return _already_registered(request, done.result)

            def create() -> str:
                # the code is used under the token's lock: the same form sent again at the
                # same moment waits for this answer instead of finding its code used
                result = service.check_code(
                    phone=form.cleaned_data["phone"], purpose=service.Purpose.REGISTER,
                    code=form.cleaned_data["code"],
                )
                if result != service.Check.OK:
                    return f"{REFUSED}{result}"  # committed: a wrong try stays counted
                return str(service.register_account(data=form.account_data(), language=translation.get_language())
                           .user_id)

            try:
                user_id, created = run_once(scope=REGISTER_SCOPE, token=once, create=create)
            except service.PhoneTaken as exc:
                form.add_error("phone", exc)
            else:
                if user_id.startswith(REFUSED):
                    form.add_error("code", service.check_message(service.Check(user_id.removeprefix(REFUSED))))
                elif not created:
                    return _already_registered(request, user_id)
                else:
                    service.sign_in(request, auth.get_user_model().objects.get(pk=user_id))
                    messages.success(request, _("注册成功，您已登录。"))
                    note_attempt(request, REGISTER_SCOPE, failed=False)
                    return redirect("accounts:home")
        if not ok:
            # the same form sent at the same moment: the first made the account while this
            # one was being checked (its phone is taken now), so say so, not "phone taken"
            earlier = _registered_by(request.POST)
            if earlier:
                return _already_registered(request, earlier)
        if note_attempt(request, REGISTER_SCOPE, failed=not ok):
            form.add_captcha()
    else:
        form = RegisterForm(captcha=needs_captcha(request, REGISTER_SCOPE))
    return TemplateResponse(request, "accounts/register.html", {"form": form, "notice": notice})


def _once(token: str, code: str) -> str:
    """The one-time row's key for a register form: its token and its code, the code
    only as a keyed hash (no SMS code is stored in clear)."""
    return f"{token}:{salted_hmac('accounts-register-once', code).hexdigest()[:20]}"


def _registered_by(data) -> str | None:
    token, code = data.get("submit_token", ""), data.get("code", "")
    if not token or not code or data.get("action") == "send":
        return None
    row = SubmissionToken.objects.filter(scope=REGISTER_SCOPE, token=_once(token, code)).first()
    if row is None or not row.result or row.result.startswith(REFUSED):
        return None
    return row.result


def _already_registered(request, user_id: str):
    if request.user.is_authenticated and str(request.user.pk) == user_id:
        return redirect("accounts:home")
    messages.info(request, _("账户已经注册，请用手机号码和短信验证码登录。"))
    return redirect("accounts:login")


@never_cache
@require_http_methods(["GET", "POST"])
def login(request):
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if service.account_for(request.user):
        return redirect(next_url or reverse("accounts:home"))
    notice = ""
    if request.method == "POST":
        form = LoginForm(request.POST, captcha=needs_captcha(request, LOGIN_SCOPE))
        valid, ok = form.is_valid(), False
        if valid and form.sends_code:
            phone = form.cleaned_data["phone"]
            account = service.Account.objects.filter(phone=phone).select_related("user").first()
            if account is None or not service.can_sign_in(account.user):
                form.add_error("phone", _("该手机号码尚未注册账户，请先注册。"))
            else:
                try:
                    service.send_code(request, phone, purpose=service.Purpose.LOGIN)
                    form.code_sent, ok, notice = True, True, _sent_notice(phone)
                except service.CodeRefused as exc:
                    form.add_error("phone", exc)
        elif valid:
            user, result = service.user_for_code(phone=form.cleaned_data["phone"], code=form.cleaned_data["code"])
            if user is not None:
                service.sign_in(request, user)
                note_attempt(request, LOGIN_SCOPE, failed=False)
                return redirect(next_url or reverse("accounts:home"))
            form.add_error("code", service.check_message(result))
        if note_attempt(request, LOGIN_SCOPE, failed=not ok):
            form.add_captcha()
    else:
        form = LoginForm(initial={"next": next_url}, captcha=needs_captcha(request, LOGIN_SCOPE))
    return TemplateResponse(request, "accounts/login.html", {"form": form, "notice": notice, "next": next_url})


@never_cache
@require_http_methods(["GET", "POST"])
def logout(request):
    if request.method == "POST":
        auth.logout(request)
        return redirect("/")
    return TemplateResponse(request, "accounts/logout.html", {})


@never_cache
@require_http_methods(["GET"])
@account_required
def home(request):
    user = request.user
    sections = [(section.label, section.rows(user)) for section in registry.sections()]
    return TemplateResponse(request, "accounts/home.html", {
        "account": request.account, "cases": service.my_cases(user), "sections": sections,
    })


@never_cache
@require_http_methods(["GET", "POST"])
@account_required
def profile(request):
    account = request.account
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=account)
        if form.is_valid():
            service.update_profile(account, data=form.profile_data())
            messages.success(request, _("账户信息已保存。"))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=account)
    return TemplateResponse(request, "accounts/profile.html", {"form": form, "account": account})
