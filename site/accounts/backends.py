"""How citizens sign in. Each method is an authentication backend on the same
Django user; the province's OpenID Connect (next wave) will be another one.

The account pages call ``service.user_for_code`` and then ``auth.login`` with
this backend rather than ``django.contrib.auth.authenticate``: that runs
django-axes first, which counts password guesses per user name, and a phone
sign-in has no user name; a code's own lockout and the SMS rate limits guard
this method instead.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend


class PhoneSignIn(BaseBackend):
    """A phone number and the login code just sent to it."""

    def authenticate(self, request, phone: str | None = None, code: str | None = None, **kwargs):
        if not phone or not code:
            return None
        from .service import user_for_code

        user, _result = user_for_code(phone=phone, code=code)
        return user

    def get_user(self, user_id):
        from .service import can_sign_in

        user = get_user_model()._default_manager.filter(pk=user_id, account__isnull=False).first()
        return user if can_sign_in(user) else None
