"""What changes a static page: publishing, unpublishing, deletion, a move, a view
restriction, an article accepted by another site (信息报送), a site's profile
(header and footer of every page), a new site, an organisation renamed (every
page and registered address that names it). Each queues one Celery task after the
transaction commits, so the editor's request is not held up by rendering."""
from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import registry, service

logger = logging.getLogger(__name__)


def _queue(*, pages=(), addresses=(), prefixes=()) -> None:
    if not service.enabled():
        return
    from .models import PendingChange

    rows = [PendingChange(page_id=pk) for pk in set(pages)]
    rows += [PendingChange(host=h, path=p) for h, p in set(addresses) - set(prefixes)]
    rows += [PendingChange(host=h, path=p, prefix=True) for h, p in set(prefixes)]
    if rows:
        PendingChange.objects.bulk_create(rows)
        transaction.on_commit(_enqueue)


def _enqueue() -> None:
    from .tasks import publish_pending

    try:
        publish_pending.delay()
    except Exception:  # the broker is down: the rows wait for the beat task
        logger.warning("static publishing: broker unreachable, the beat task will write the change")


def _gone(page) -> None:
    """The page (and whatever lay below it) is no longer served where it was."""
    addresses = service.page_addresses(page)
    parents = [p.pk for p in Page.objects.ancestor_of(page).filter(depth__gt=1)]
    translations = list(page.get_translations().values_list("pk", flat=True)) if page.pk else []
    _queue(pages=parents + translations, addresses=addresses, prefixes=addresses)


def on_published(sender, instance, **kwargs):
    _queue(pages=[instance.pk])


def on_unpublished(sender, instance, **kwargs):
    _gone(instance)


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _gone(instance)


def before_move(sender, instance, **kwargs):
    instance._staticpub_old = service.page_addresses(instance)


def on_moved(sender, instance, **kwargs):
    old = getattr(instance, "_staticpub_old", [])
    parent_before = kwargs.get("parent_page_before")
    _queue(
        pages=[instance.pk] + ([parent_before.pk] if parent_before is not None else []),
        addresses=old, prefixes=old,
    )
    # the new place: the page and everything below it
    subtree = Page.objects.descendant_of(instance, inclusive=True).live().values_list("pk", flat=True)
    _queue(pages=list(subtree))


def on_restriction(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        addresses = service.page_addresses(page)
        _queue(pages=[page.pk], addresses=addresses, prefixes=addresses)


def on_syndication(sender, instance, **kwargs):
    pages = [instance.article_id] + ([instance.column_id] if instance.column_id else [])
    _queue(pages=pages)


def on_site_profile(sender, instance, **kwargs):
    # the header and footer of every page of the site come from its profile
    site = Site.objects.filter(pk=instance.site_id).first()
    if site is not None:
        _queue(prefixes=[(service.site_host(site), "/")], pages=[site.root_page_id])


def on_site_created(sender, instance, created=False, **kwargs):
    # a new site: its home page and the domains' registered addresses (published letters) on it
    if created and service.enabled():
        _queue(pages=[instance.root_page_id], addresses=registry.addresses(hosts=[service.site_host(instance)]))


ORGANISATION_NAMES = ("name", "name_en", "name_mn", "short_name")


def _organisation_pages(organisation) -> list[int]:
    """Live pages of every page type with a foreign key to the organisation
    (articles, documents, guides: each names its organisation)."""
    from django.apps import apps

    from cluster.models import Organisation

    found: list[int] = []
    for model in apps.get_models():
        if not issubclass(model, Page) or model._meta.abstract:
            continue
        for field in model._meta.get_fields():
            if (field.many_to_one and field.related_model is Organisation and field.concrete
                    and field.model is model):
                found += model.objects.live().filter(**{field.name: organisation}).values_list("pk", flat=True)
    return found


def before_organisation_saved(sender, instance, **kwargs):
    if instance.pk and service.enabled():
        instance._staticpub_names = (
            sender.objects.filter(pk=instance.pk).values_list(*ORGANISATION_NAMES).first())


def on_organisation_saved(sender, instance, created=False, **kwargs):
    before = getattr(instance, "_staticpub_names", None)
    if created or before is None or not service.enabled():
        return
    if before == tuple(getattr(instance, name) for name in ORGANISATION_NAMES):
        return  # nothing a page prints changed
    _queue(pages=_organisation_pages(instance), addresses=registry.dependents_anywhere(instance))


def connect() -> None:
    from cluster.models import Organisation, SiteProfile
    from cluster.models.syndication import Syndication

    page_published.connect(on_published, dispatch_uid="staticpub-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="staticpub-unpublished")
    post_delete.connect(on_deleted, dispatch_uid="staticpub-deleted")
    pre_page_move.connect(before_move, dispatch_uid="staticpub-before-move")
    post_page_move.connect(on_moved, dispatch_uid="staticpub-moved")
    post_save.connect(on_restriction, sender=PageViewRestriction, dispatch_uid="staticpub-restricted")
    post_delete.connect(on_restriction, sender=PageViewRestriction, dispatch_uid="staticpub-unrestricted")
    post_save.connect(on_syndication, sender=Syndication, dispatch_uid="staticpub-syndication")
    post_save.connect(on_site_profile, sender=SiteProfile, dispatch_uid="staticpub-site-profile")
    post_save.connect(on_site_created, sender=Site, dispatch_uid="staticpub-site-created")
    pre_save.connect(before_organisation_saved, sender=Organisation, dispatch_uid="staticpub-organisation-before")
    post_save.connect(on_organisation_saved, sender=Organisation, dispatch_uid="staticpub-organisation")
