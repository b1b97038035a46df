from celery import shared_task
from django.apps import apps


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def sync_search_object(*, label: str, pk: int, action: str) -> str:
    """Index one page if it is live and public, otherwise remove it from the index."""
    from haystack import connections

    model = apps.get_model(label)
    index = connections["default"].get_unified_index().get_index(model)
    obj = index.index_queryset().filter(pk=pk).first() if action == "update" else None
    if obj is not None:
        index.update_object(obj)
        return "indexed"
    stub = model(pk=pk)
    index.remove_object(stub)
    return "removed"
