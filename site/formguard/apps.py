from django.apps import AppConfig


class FormguardConfig(AppConfig):
    name = "formguard"
    verbose_name = "表单防护"
