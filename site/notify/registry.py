"""Message templates: a name, a subject and a text with ``%(param)s`` placeholders.

Domains register their own templates (notify never imports a domain), with
gettext_lazy source strings so each message is rendered in the recipient's
language. The outbox stores only the template's name and its parameters; SMS
gateways in China send by template code too (the text is approved at the
gateway beforehand), so the same name maps to the gateway's code through
``SMS_TEMPLATE_CODES``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise


class UnknownTemplate(KeyError):
    pass


@dataclass(frozen=True)
class MessageTemplate:
    name: str
    body: str | Promise
    subject: str | Promise = ""
    #: parameters never stored in clear (query codes, one-time codes)
    secret: frozenset[str] = frozenset()

    def render(self, params: Mapping[str, object], language: str | None = None) -> tuple[str, str]:
        """(subject, text) in ``language``; a missing parameter raises KeyError."""
        with translation.override(language or settings.LANGUAGE_CODE):
            return str(self.subject) % params if self.subject else "", str(self.body) % params


_templates: dict[str, MessageTemplate] = {}


def register(name: str, *, body, subject="", secret: Iterable[str] = ()) -> MessageTemplate:
    template = MessageTemplate(name=name, body=body, subject=subject, secret=frozenset(secret))
    _templates[name] = template
    return template


def unregister(name: str) -> None:
    _templates.pop(name, None)


def get(name: str) -> MessageTemplate:
    try:
        return _templates[name]
    except KeyError:
        raise UnknownTemplate(name) from None


def sms_code(name: str, language: str | None = None) -> str:
    """The gateway's template code: ``SMS_TEMPLATE_CODES["name:language"]``, then
    ``["name"]``, else the name itself (what the file and console backends use)."""
    codes = getattr(settings, "SMS_TEMPLATE_CODES", {}) or {}
    return codes.get(f"{name}:{language}") or codes.get(name) or name


def for_sms_code(code: str) -> MessageTemplate:
    """The template behind a gateway code (for the backends that render locally)."""
    if code in _templates:
        return _templates[code]
    codes = getattr(settings, "SMS_TEMPLATE_CODES", {}) or {}
    for key, value in codes.items():
        if value == code:
            return get(key.split(":", 1)[0])
    raise UnknownTemplate(code)
