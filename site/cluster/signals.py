import functools

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .sites import clear_site_roots


@receiver(post_save, sender=Site)
def site_saved(sender, instance: Site, created: bool, raw: bool = False, **kwargs):
    clear_site_roots()
    if created and not raw:
        from .provision import provision_site

        # Every new site gets its groups and review workflow.
        transaction.on_commit(lambda: provision_site(instance))


@receiver(post_delete, sender=Site)
def site_deleted(sender, **kwargs):
    clear_site_roots()


@receiver(post_page_move)
@receiver(page_slug_changed)
def tree_changed(sender, **kwargs):
    clear_site_roots()


@receiver(page_published)
def root_published(sender, instance, **kwargs):
    if instance.depth <= 2:
        clear_site_roots()


# --- the page frame (frame.py): forget it when what it shows may have changed --

@functools.cache
def _frame_models():
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction

    from .models import Organisation, SiteProfile, Syndication

    # a Syndication puts an article on another site's home page and column
    return (Page, Site, SiteProfile, Organisation, PageViewRestriction, Locale, Syndication, get_image_model())


@receiver(post_save)
@receiver(post_delete)
def frame_source_changed(sender, instance=None, raw: bool = False, **kwargs):
    if not raw and isinstance(instance, _frame_models()):
        from .frame import bump

        bump()


@receiver(post_page_move)
@receiver(page_unpublished)
def frame_tree_changed(sender, **kwargs):
    from .frame import bump

    bump()
