from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "notify"
    verbose_name = "通知"

    def ready(self):
        from . import registry

        # Messages queued before templates existed (migration 0002): their old
        # text travels sealed as the secret parameter "text".
        registry.register(LEGACY_TEMPLATE, subject="%(subject)s", body="%(text)s", secret={"text"})


LEGACY_TEMPLATE = "notify.text"
