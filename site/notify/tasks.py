from celery import shared_task

from . import service


@shared_task(name="notify.tasks.deliver", ignore_result=True)
def deliver(message_id: int) -> str:
    return service.deliver(message_id)


@shared_task(name="notify.tasks.deliver_pending", ignore_result=True)
def deliver_pending() -> int:
    return service.deliver_pending()


@shared_task(name="notify.tasks.purge_sent", ignore_result=True)
def purge_sent() -> int:
    return service.purge_sent()
