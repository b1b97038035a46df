"""The Celery app. Without CELERY_BROKER_URL its broker is a folder under DATA_DIR."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govsite.settings.dev")

app = Celery("govsite")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
