"""The staff's second factor (TOTP, django-otp) in front of every admin page.

Wagtail's own login view checks the password as before. ``AdminSecondFactorMiddleware``
(after django-otp's OTPMiddleware) then sends anyone who may use the admin
and whose session is not yet verified to /admin/otp/ for the code of their
authenticator app, or, without a device yet, to /admin/otp/setup/ (QR code and
secret, confirmed with a first code). Only the login, logout, password reset
and these two pages are reachable before that. ``ADMIN_REQUIRE_OTP=false``
turns the requirement off (a development machine without a phone).
"""

from __future__ import annotations

from contextlib import suppress
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

# admin views that must work before the second factor
EXEMPT = {
    "wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done", "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete", "wagtailadmin_sprite", "wagtailadmin_javascript_catalog",
    "accounts_otp_verify", "accounts_otp_setup", "admin:login", "admin:logout", "admin:jsi18n",
}


def required() -> bool:
    return getattr(settings, "ADMIN_REQUIRE_OTP", True)


def needs_second_factor(user) -> bool:
    """Whoever can reach an admin: staff, superusers, and Wagtail's editors
    (who hold "access admin" through their groups without being staff)."""
    if not user or not user.is_authenticated:
        return False
    return bool(user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def _protected(path: str) -> bool:
    prefixes = [reverse("wagtailadmin_home")]
    with suppress(NoReverseMatch):  # the Django admin may not be mounted
        prefixes.append(reverse("admin:index"))
    return path.startswith(tuple(prefixes))


class AdminSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not required() or not _protected(request.path):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in EXEMPT:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or not needs_second_factor(user):
            return None
        return redirect(f"{reverse('accounts_otp_verify')}?{urlencode({'next': request.get_full_path()})}")
