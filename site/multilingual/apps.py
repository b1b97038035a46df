from django.apps import AppConfig


class MultilingualConfig(AppConfig):
    name = "multilingual"
    verbose_name = "多语言"
