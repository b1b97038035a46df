from celery import shared_task
from django.core.management import call_command


@shared_task
def publish_scheduled() -> None:
    """Wagtail's scheduled publishing and expiry, run by Celery beat every minute."""
    call_command("publish_scheduled")
