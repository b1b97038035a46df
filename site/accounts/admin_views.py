"""/admin/otp/ (the code of the authenticator app after the password) and
/admin/otp/setup/ (a first device: QR code and secret, confirmed with a code).
Registered through Wagtail's register_admin_urls hook, so they sit under the
admin's own login requirement."""

from __future__ import annotations

import logging
import math
from base64 import b32encode

import django_otp
import segno
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import TokenForm

logger = logging.getLogger(__name__)


def _next(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def _check(request, device: TOTPDevice, token: str) -> str:
    """'' when the code is right (and not used before); else the message to show."""
    allowed, info = device.verify_is_allowed()
    if not allowed:
        until = (info or {}).get("locked_until")
        wait = max(1, math.ceil((until - timezone.now()).total_seconds())) if until else 1
        return _("验证码错误次数过多，请 %(seconds)s 秒后再试。") % {"seconds": wait}
    # django_otp.verify_token locks the device row, so a code counts once even
    # when two requests bring it at the same moment (and never again after)
    if django_otp.verify_token(request.user, device.persistent_id, token) is None:
        return _("动态验证码不正确或已经用过，请输入身份验证器上显示的当前验证码。")
    return ""


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    next_url = _next(request)
    if request.user.is_verified():
        return redirect(next_url)
    device = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).order_by("pk").first()
    if device is None:
        return redirect(_with_next("accounts_otp_setup", next_url))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = _check(request, device, form.cleaned_data["token"])
        if not error:
            django_otp.login(request, TOTPDevice.objects.get(pk=device.pk))
            return redirect(next_url)
        logger.warning("accounts: wrong second factor for user %s", request.user.pk)
        form.add_error("token", error)
    return TemplateResponse(request, "accounts/admin/otp_verify.html", {"form": form, "next": next_url})


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request):
    next_url = _next(request)
    user = request.user
    # a second device only after the first one's code: a stolen password alone
    # must not be enough to enrol the thief's phone
    if TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
        return redirect(_with_next("accounts_otp_verify", next_url))
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("身份验证器"), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = _check(request, device, form.cleaned_data["token"])
        if not error:
            device.refresh_from_db()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            return redirect(next_url)
        form.add_error("token", error)
    secret = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m")
    return TemplateResponse(request, "accounts/admin/otp_setup.html", {
        "form": form, "next": next_url,
        "secret": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
        # segno writes the SVG from the URL alone (no user input in the markup)
        "qr_svg": mark_safe(qr.svg_inline(scale=5, title=_("身份验证器配置二维码"))),  # noqa: S308
    })
