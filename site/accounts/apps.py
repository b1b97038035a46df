from django.apps import AppConfig


class Config(AppConfig):
    name = "accounts"
    label = "accounts"
    verbose_name = "账户"

    def ready(self):
        from .notify_templates import register_templates

        register_templates()
