from django.apps import AppConfig


class Config(AppConfig):
    name = "services.feedback"
    label = "service_feedback"
    verbose_name = "好差评与统计"

    def ready(self):
        from .notify_templates import register_templates

        register_templates()
