"""Keep the public search index in step with publishing, without blocking editors.

Wagtail saves pages (drafts, revisions) far more often than it publishes them, and
only live, public pages belong in the index, so this processor listens to
publishing, unpublishing and deletion, and queues a Celery task after the
transaction commits. The task reloads the page and indexes or removes it.
"""

from django.db import transaction
from django.db.models.signals import post_delete
from haystack.signals import BaseSignalProcessor
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished


class CelerySignalProcessor(BaseSignalProcessor):
    def setup(self):
        page_published.connect(self.handle_publish)
        page_unpublished.connect(self.handle_unpublish)
        post_delete.connect(self.handle_delete)

    def teardown(self):
        page_published.disconnect(self.handle_publish)
        page_unpublished.disconnect(self.handle_unpublish)
        post_delete.disconnect(self.handle_delete)

    @staticmethod
    def _label(instance) -> str | None:
        from haystack import connections

        model = type(instance.specific_deferred) if isinstance(instance, Page) else type(instance)
        try:
            connections["default"].get_unified_index().get_index(model)
        except Exception:
            return None
        return model._meta.label

    def _queue(self, instance, action: str) -> None:
        from disclosure.tasks import sync_search_object

        label = self._label(instance)
        if label is None:
            return
        pk = instance.pk
        transaction.on_commit(lambda: sync_search_object.delay(label=label, pk=pk, action=action))

    def handle_publish(self, sender, instance, **kwargs):
        self._queue(instance, "update")

    def handle_unpublish(self, sender, instance, **kwargs):
        self._queue(instance, "remove")

    def handle_delete(self, sender, instance, **kwargs):
        if isinstance(instance, Page):
            self._queue(instance, "remove")
