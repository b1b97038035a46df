from django.apps import AppConfig


class CasefileConfig(AppConfig):
    name = "casefile"
    verbose_name = "办件"
