from django.apps import AppConfig
from django.core import checks


class MultilingualConfig(AppConfig):
    name = "multilingual"
    verbose_name = "多语言"

    def ready(self) -> None:
        from . import locale_fallback
        from .checks import check_public_translations

        locale_fallback.install()
        # `manage.py check` (run by bin/test) reports public strings without a
        # translation; production hosts have no need to scan the sources.
        from django.conf import settings

        if not str(getattr(settings, "SETTINGS_MODULE", "")).endswith(".production"):
            checks.register(check_public_translations, "translation")
