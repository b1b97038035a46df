"""Protection for public forms: a one-time token against double submits, text
cleaning (HTML stripped, Mongolian normalised), a honeypot, and a rate limit.

Usage in a form: inherit ``GuardedForm`` (or mix ``GuardedFormMixin`` into a
ModelForm); in the view, run the service call through ``run_once``.
"""

from __future__ import annotations

import functools
import html
import secrets
from collections.abc import Callable
from dataclasses import dataclass

import nh3
from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from multilingual.mongolian import clean_mongolian_input, detect_legacy, has_mongolian

from .abuse import over_limit
from .models import SubmissionToken

TOKEN_MAX_AGE = 24 * 3600
_SALT = "formguard.submit-token"


# --- text -------------------------------------------------------------------


@dataclass(frozen=True)
class CleanText:
    text: str
    warning: str = ""


def clean_text(value: str) -> CleanText:
    """Plain text as it should be stored: tags (and script/style content)
    removed, entities decoded (templates escape on output), Mongolian in
    Unicode. Legacy Mongolian that can be converted is converted with a
    warning; what cannot be converted raises a localized ValidationError."""
    if not value:
        return CleanText("")
    text = html.unescape(nh3.clean(value, tags=set(), clean_content_tags={"script", "style"}))
    text = text.replace("\r\n", "\n").strip()
    warning = ""
    if has_mongolian(text) or detect_legacy(text):
        legacy = detect_legacy(text)
        text = clean_mongolian_input(text)  # raises for what cannot be converted
        if legacy:
            warning = _("您输入的蒙古文使用了旧版编码，已自动转换为标准编码，请核对。")
    return CleanText(text, warning)


# --- one-time tokens ----------------------------------------------------------


def issue_token() -> str:
    return signing.TimestampSigner(salt=_SALT).sign(secrets.token_urlsafe(18))


def token_is_valid(token: str) -> bool:
    try:
        signing.TimestampSigner(salt=_SALT).unsign(token or "", max_age=TOKEN_MAX_AGE)
        return True
    except signing.BadSignature:
        return False


def run_once(*, scope: str, token: str, create: Callable[[], str]) -> tuple[str, bool]:
    """Run ``create`` at most once per token; returns (its result, created).

    The token row is inserted first in the same transaction as the case, so
    a concurrent POST with the same token waits on the unique index and then
    reads the first one's result instead of creating a second case."""
    try:
        with transaction.atomic():
            row = SubmissionToken.objects.create(scope=scope, token=token)
            result = create()
            row.result = str(result)[:200]
            row.save(update_fields=["result"])
            return row.result, True
    except IntegrityError:
        existing = SubmissionToken.objects.filter(scope=scope, token=token).first()
        if existing is None:
            raise
        return existing.result, False


# --- forms --------------------------------------------------------------------


class GuardedFormMixin:
    """Adds the submit token and a honeypot to a form and cleans every text field.

    ``self.warnings`` collects non-blocking notes (e.g. converted Mongolian)."""

    honeypot_name = "website"
    guarded_text_fields: tuple[str, ...] | None = None  # None: every CharField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []
        self.fields["submit_token"] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fields[self.honeypot_name] = forms.CharField(
            label=gettext_lazy("请勿填写此项"), required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off", "class": "hp-input"}),
        )
        if not self.is_bound:
            self.initial["submit_token"] = issue_token()

    def _guarded(self) -> list[str]:
        if self.guarded_text_fields is not None:
            return list(self.guarded_text_fields)
        return [
            name for name, field in self.fields.items()
            if isinstance(field, forms.CharField) and name not in ("submit_token", self.honeypot_name)
        ]

    def _clean_fields(self):
        super()._clean_fields()
        for name in self._guarded():
            value = self.cleaned_data.get(name)
            if isinstance(value, str) and value:
                try:
                    cleaned = clean_text(value)
                except ValidationError as exc:
                    self.add_error(name, exc)
                    continue
                self.cleaned_data[name] = cleaned.text
                if cleaned.warning and cleaned.warning not in self.warnings:
                    self.warnings.append(cleaned.warning)

    def clean(self):
        data = super().clean()
        if self.cleaned_data.get(self.honeypot_name):
            raise ValidationError(_("提交未能通过校验，请刷新页面后重新填写。"), code="honeypot")
        if not token_is_valid(self.cleaned_data.get("submit_token", "")):
            # a stale page: give a fresh token and keep what was typed
            self.data = self.data.copy()
            self.data["submit_token"] = issue_token()
            raise ValidationError(_("页面已过期，请核对内容后再次提交。"), code="token")
        return data

    @property
    def submit_token(self) -> str:
        return self.cleaned_data.get("submit_token", "")


class GuardedForm(GuardedFormMixin, forms.Form):
    pass


# --- rate limits ----------------------------------------------------------------


def rate_limit(*, rate: str = "5/m", group: str | None = None, methods: tuple[str, ...] = ("POST",)):
    """Limit a public view per client address (``abuse.over_limit``); over the
    limit the localized 429 page is shown."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and over_limit(
                request, group or f"{view.__module__}.{view.__name__}", rate=rate
            ):
                from cluster.views import rate_limited

                return rate_limited(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
