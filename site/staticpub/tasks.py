from celery import shared_task


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def publish_pending() -> dict:
    """Write every change waiting in PendingChange (the signals' queue), once each."""
    from . import service

    if not service.enabled():
        return {}
    return service.publish_pending()


@shared_task
def check_tampering() -> int:
    """网页防篡改: restore what was changed on disk outside publishing."""
    from . import service

    if not service.enabled():
        return 0
    return len(service.check_tampering())
