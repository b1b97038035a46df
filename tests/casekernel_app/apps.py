from django.apps import AppConfig


class CaseKernelTestConfig(AppConfig):
    name = "tests.casekernel_app"
    label = "casekernel_app"
    verbose_name = "kernel test cases"

    def ready(self):
        from .models import register_types

        register_types()
