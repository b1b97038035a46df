from django.apps import AppConfig


class Config(AppConfig):
    name = "moderation"
    label = "moderation"
    verbose_name = "敏感词"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import service
        from .models import SensitiveWord

        def changed(**kwargs):
            service.invalidate()

        post_save.connect(changed, sender=SensitiveWord, dispatch_uid="moderation.changed.save", weak=False)
        post_delete.connect(changed, sender=SensitiveWord, dispatch_uid="moderation.changed.delete", weak=False)
