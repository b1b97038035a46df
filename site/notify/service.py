from django.conf import settings
from django.utils.module_loading import import_string

from .backends import BaseSMSBackend


def sms_backend() -> BaseSMSBackend:
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, phone: str, text: str) -> str:
    """Send one SMS through the configured backend (a folder by default)."""
    return sms_backend().send(phone=phone, text=text)
