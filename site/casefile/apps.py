from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CasefileConfig(AppConfig):
    name = "casefile"
    verbose_name = "办件"

    def ready(self):
        from . import signals  # noqa: F401  (re-date open cases when the calendar changes)

        post_migrate.connect(_after_migrate, sender=self, dispatch_uid="casefile-supervisor-group")


def _after_migrate(sender, using="default", **kwargs):
    """The 电子监察 group with its permission (which may not exist yet: this app
    comes before django.contrib.auth, whose handler creates permissions)."""
    from django.contrib.auth.management import create_permissions

    from .scope import ensure_supervisor_group

    create_permissions(sender, verbosity=0, using=using)
    ensure_supervisor_group()
