from celery import shared_task
from django.apps import apps


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def sync_search_object(*, label: str, pk: int, action: str) -> str:
    """Index one page if it is live and public (a registered model: if its index
    calls it searchable), otherwise remove it from the index."""
    from haystack import connections

    model = apps.get_model(label)
    index = connections["default"].get_unified_index().get_index(model)
    obj = None
    if action == "update":
        check = getattr(index, "searchable_object", None)  # search.indexes.ModelIndex
        obj = check(pk) if check else index.index_queryset().filter(pk=pk).first()
    from .suggest import bump

    if obj is not None:
        index.update_object(obj)
        bump()
        return "indexed"
    stub = model(pk=pk)
    index.remove_object(stub)
    bump()
    return "removed"


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def sync_search_pages(*, pks: list[int]) -> int:
    """Index each page again as it is now (moved, restricted, renamed owner, new
    attachment text): live and public ones are updated, the others removed.
    Returns how many were indexed."""
    from haystack import connections
    from wagtail.models import Page

    unified = connections["default"].get_unified_index()
    indexed = set(unified.get_indexed_models())
    by_model: dict = {}
    for page in Page.objects.filter(pk__in=pks).select_related("content_type"):
        model = page.content_type.model_class()
        if model in indexed:
            by_model.setdefault(model, []).append(page.pk)
    count = 0
    for model, ids in by_model.items():
        index = unified.get_index(model)
        keep = list(index.index_queryset().filter(pk__in=ids))
        for obj in keep:
            index.update_object(obj)
        for pk in set(ids) - {obj.pk for obj in keep}:
            index.remove_object(model(pk=pk))
        count += len(keep)
    if by_model:
        from .suggest import bump

        bump()
    return count
