"""The client's real address, and the abuse controls every public form and the
API share: one rate-limit helper and a captcha after repeated failures.

Behind nginx every request arrives from nginx's own address. ``client_ip``
believes X-Forwarded-For only when the connection comes from one of the
``TRUSTED_PROXIES`` (addresses or networks, none by default), and then takes
the right-most address that is not a trusted proxy: the hops further left were
written by the client and can say anything. The check is on the connecting peer
(REMOTE_ADDR), not on the header's own entries, so a client that reaches the
application directly cannot forge its way in.

Usage in a view::

    if over_limit(request, "scope", rate="5/m"):             # per client address
        return rate_limited(request)
    if over_limit(request, "scope", rate="5/h", phone=phone):  # per phone number
        ...
    form = MyForm(request.POST, captcha=needs_captcha(request, "scope"))
    valid = form.is_valid()
    if note_attempt(request, "scope", failed=not valid):
        form.add_captcha()   # the page shown next asks for it
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy
from django_ratelimit import ALL
from django_ratelimit.core import get_usage, is_ratelimited

# A captcha is asked for after this many failed submissions in 15 minutes, or
# this many submissions of any kind in one minute, from one address.
CAPTCHA_AFTER_FAILURES = "3/15m"
CAPTCHA_AFTER_RAPID = "3/m"
PHONE_RATE = "5/h"


# --- the client's address -------------------------------------------------------


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(e.strip(), strict=False) for e in entries if e.strip())


def _address(value: str):
    try:
        addr = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    mapped = getattr(addr, "ipv4_mapped", None)  # ::ffff:10.0.0.5 is 10.0.0.5
    return mapped or addr


def client_ip(request) -> str:
    """The address of the person behind the request (see the module docstring).

    Used by django-axes (AXES_CLIENT_IP_CALLABLE) and every rate limit
    (RATELIMIT_IP_META_KEY)."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    peer = _address(remote)
    if not trusted or peer is None or not any(peer in net for net in trusted):
        return remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        addr = _address(hop)
        if addr is None:
            break  # an empty or garbled hop: believe nothing to its left
        if not any(addr in net for net in trusted):
            return str(addr)
        peer = addr
    return str(peer)


# --- rate limits --------------------------------------------------------------------


def _phone_key(phone: str):
    digits = re.sub(r"\D", "", phone)

    def key(_group, _request) -> str:
        return f"phone:{digits}"

    return key


def over_limit(request, scope: str, *, rate: str, phone: str = "") -> bool:
    """Count one attempt at ``scope`` and say whether it goes over ``rate``
    (django-ratelimit's "5/m" notation): per client address, or, when ``phone``
    is given, per phone number, whatever addresses it comes from."""
    if phone:
        return is_ratelimited(
            request, group=f"{scope}:phone", key=_phone_key(phone), rate=rate, method=ALL, increment=True
        )
    return is_ratelimited(request, group=scope, key="ip", rate=rate, method=ALL, increment=True)


# --- captcha ------------------------------------------------------------------------


def _reached(request, group: str, rate: str, *, increment: bool) -> bool:
    usage = get_usage(request, group=group, key="ip", rate=rate, method=ALL, increment=increment)
    return bool(usage) and usage["count"] >= usage["limit"]


def needs_captcha(request, scope: str) -> bool:
    """Whether this address has failed, or sent, often enough lately that the
    next submission of ``scope`` must carry a captcha."""
    return _reached(request, f"{scope}:failed", CAPTCHA_AFTER_FAILURES, increment=False) or _reached(
        request, f"{scope}:rapid", CAPTCHA_AFTER_RAPID, increment=False
    )


def note_attempt(request, scope: str, *, failed: bool) -> bool:
    """Record one submission (``failed``: refused, or nothing found); returns
    whether the next one needs a captcha."""
    rapid = _reached(request, f"{scope}:rapid", CAPTCHA_AFTER_RAPID, increment=True)
    failures = _reached(request, f"{scope}:failed", CAPTCHA_AFTER_FAILURES, increment=failed)
    return rapid or failures


def captcha_field() -> forms.Field:
    from captcha.fields import CaptchaField, CaptchaTextInput

    class Widget(CaptchaTextInput):
        # our template: a localized alt text, the input described by the help text
        template_name = "formguard/captcha_widget.html"

    return CaptchaField(
        label=gettext_lazy("验证码"),
        help_text=gettext_lazy("请输入图片中的字符，不区分大小写。"),
        widget=Widget(attrs={"aria-describedby": "id_captcha-help", "class": "captcha-input"}),
        error_messages={
            "invalid": gettext_lazy("验证码不正确，请重新输入图片中的字符。"),
            "required": gettext_lazy("请输入验证码。"),
            "incomplete": gettext_lazy("请输入验证码。"),
        },
    )


class CaptchaFormMixin:
    """Adds the captcha field when the view asks for it (``captcha=True``), or
    later with ``add_captcha()`` so that the page shown next carries one."""

    def __init__(self, *args, captcha: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if captcha:
            self.add_captcha()

    def add_captcha(self) -> None:
        if "captcha" not in self.fields:
            self.fields["captcha"] = captcha_field()

    @property
    def has_captcha(self) -> bool:
        return "captcha" in self.fields
