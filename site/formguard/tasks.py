from datetime import timedelta

from celery import shared_task
from django.utils import timezone


@shared_task
def purge_used_tokens() -> int:
    """Forget used form tokens once they could no longer be sent again (expired
    tokens are refused anyway), so the table stays the size of a day's forms."""
    from .guard import TOKEN_MAX_AGE
    from .models import SubmissionToken

    cutoff = timezone.now() - timedelta(seconds=TOKEN_MAX_AGE) - timedelta(hours=1)
    deleted, _ = SubmissionToken.objects.filter(created_at__lt=cutoff).delete()
    return deleted
