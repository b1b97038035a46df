"""Keep the public search index in step with the site, without blocking editors.

Wagtail saves pages (drafts, revisions) far more often than it publishes them, and
only live, public pages belong in the index, so this processor listens to what
changes what a search may show: publishing, unpublishing, deletion, a move (the
address changes), a view restriction added or lifted (private pages leave the
index), an attachment whose text changed, an organisation renamed. Each queues a
Celery task after the transaction commits; the task reloads the pages and
indexes or removes each one.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from haystack.signals import BaseSignalProcessor
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move


class CelerySignalProcessor(BaseSignalProcessor):
    def _connections(self):
        from cluster.models import ClusterDocument, Organisation

        return [
            (page_published, self.handle_publish, None),
            (page_unpublished, self.handle_unpublish, None),
            (post_delete, self.handle_delete, None),
            (post_page_move, self.handle_move, None),
            (post_save, self.handle_restriction, PageViewRestriction),
            (post_delete, self.handle_restriction, PageViewRestriction),
            (pre_save, self.remember_document, ClusterDocument),
            (post_save, self.handle_document, ClusterDocument),
            (pre_save, self.remember_organisation, Organisation),
            (post_save, self.handle_organisation, Organisation),
        ] + [
            # registered models that are not pages (snippets: letters, consultations, ...)
            # have no publishing signal: a save updates them (their index decides what is public)
            (post_save, self.handle_save, model)
            for model in _registered_models()
            if not issubclass(model, Page)
        ]

    def setup(self):
        for signal, handler, sender in self._connections():
            signal.connect(handler, sender=sender)

    def teardown(self):
        for signal, handler, sender in self._connections():
            signal.disconnect(handler, sender=sender)

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
        from .tasks import sync_search_object

        label = self._label(instance)
        if label is None:
            return
        pk = instance.pk
        transaction.on_commit(lambda: sync_search_object.delay(label=label, pk=pk, action=action))

    @staticmethod
    def _queue_pages(pks) -> None:
        from .tasks import sync_search_pages

        pks = sorted(set(pks))
        if pks:
            transaction.on_commit(lambda: sync_search_pages.delay(pks=pks))

    @staticmethod
    def _subtree(page) -> list[int]:
        return list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))

    def handle_publish(self, sender, instance, **kwargs):
        self._queue(instance, "update")

    def handle_unpublish(self, sender, instance, **kwargs):
        self._queue(instance, "remove")

    def handle_delete(self, sender, instance, **kwargs):
        if isinstance(instance, Page) or sender in _registered_models():
            self._queue(instance, "remove")

    def handle_save(self, sender, instance, **kwargs):
        self._queue(instance, "update")

    def handle_move(self, sender, instance, **kwargs):
        # a new address (and perhaps a new site) for the page and everything below it
        self._queue_pages(self._subtree(instance))

    def handle_restriction(self, sender, instance, **kwargs):
        # private or restricted: out of the index with its subpages; lifted: back in
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            self._queue_pages(self._subtree(page))

    def remember_document(self, sender, instance, **kwargs):
        # ClusterDocument.save has extracted the text by now; the row still holds the old hash
        old = sender.objects.filter(pk=instance.pk).values_list("extracted_sha256", flat=True).first() if instance.pk else None
        instance._search_text_changed = old is not None and old != instance.extracted_sha256

    def handle_document(self, sender, instance, created=False, **kwargs):
        # a replaced file has new text: the pages that attach it are indexed again
        if created or not getattr(instance, "_search_text_changed", True):
            return
        from cluster.models.pages import AttachmentBase

        pks = []
        for model in _concrete_subclasses(AttachmentBase):
            pks += model.objects.filter(document=instance).values_list("page_id", flat=True)
        self._queue_pages(pks)

    def remember_organisation(self, sender, instance, **kwargs):
        instance._search_old_name = (
            sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first() if instance.pk else None
        )

    def handle_organisation(self, sender, instance, created=False, **kwargs):
        # hits carry the organisation's name: a renamed one is indexed again wherever it shows
        if created or getattr(instance, "_search_old_name", None) in (None, instance.name):
            return
        self._queue_pages(_pages_of_organisation(instance))


def _registered_models() -> list:
    from . import registry

    return registry.models()


def _concrete_subclasses(cls):
    for sub in cls.__subclasses__():
        if not sub._meta.abstract:
            yield sub
        yield from _concrete_subclasses(sub)


def _pages_of_organisation(org) -> list[int]:
    """Pages of the indexed models that name the organisation (any foreign key to
    it), and the pages of the sites it owns (their hits show it too)."""
    from cluster.models import SiteProfile

    from . import registry

    pks = []
    for model in registry.models():
        for f in model._meta.get_fields():
            if getattr(f, "many_to_one", False) and f.related_model is type(org) and f.concrete:
                pks += model.objects.filter(**{f.name: org}).values_list("pk", flat=True)
    for profile in SiteProfile.objects.filter(organisation=org).select_related("site__root_page"):
        pks += Page.objects.descendant_of(profile.site.root_page, inclusive=True).values_list("pk", flat=True)
    return pks
