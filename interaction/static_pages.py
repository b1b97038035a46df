"""来信选登 as static files (staticpub.registry), on every site of the cluster:
the mailboxes page, the listing of all mailboxes and of each listed mailbox,
and each published letter's page.

Only the bare address of a listing becomes a file, that is its first page:
later pages (``?p=2``) and searches (``?q=``) carry a query string, which nginx
always passes to Django. The forms (write a letter, query by number), the
status pages and the statistics stay dynamic.

service.py calls :func:`letter_changed` when a letter is published, withdrawn
or answered again after it was published (new masked text or answer date); a
saved or deleted mailbox (its name, whether it is listed) is followed here.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.urls import reverse

from cluster.models import Organisation
from staticpub import registry

from .constants import Publication
from .models import Letter, Mailbox

NAME = "interaction.letters"


def _listing(mailbox_id: int | None = None) -> str:
    if mailbox_id is None:
        return reverse("interaction:published")
    return reverse("interaction:published_mailbox", kwargs={"mailbox_id": mailbox_id})


def _detail(number: str) -> str:
    return reverse("interaction:published_detail", kwargs={"number": number})


def _listed_mailboxes() -> list[int]:
    return list(Mailbox.objects.filter(public_listing=True).values_list("pk", flat=True))


def _on_sites(paths: list[str], sites: Sequence) -> list[tuple[object, str]]:
    return [(site, path) for site in sites for path in paths]


def every_address(sites: Sequence) -> list[tuple[object, str]]:
    """What the full rebuild writes: the listings and every public letter."""
    numbers = Letter.objects.filter(
        publication=Publication.PUBLISHED, mailbox__public_listing=True,
    ).order_by().values_list("receipt_number", flat=True)
    paths = [reverse("interaction:mailboxes"), _listing()]
    paths += [_listing(pk) for pk in _listed_mailboxes()]
    paths += [_detail(n) for n in numbers]
    return _on_sites(paths, sites)


def addresses_of(obj, sites: Sequence) -> list[tuple[object, str]]:
    """The addresses showing a letter or a mailbox, whether it is public now or no longer is."""
    if isinstance(obj, Mailbox):
        # every listing names every listed mailbox; this one's letters show its name
        numbers = Letter.objects.filter(mailbox_id=obj.pk, published_at__isnull=False).values_list(
            "receipt_number", flat=True)
        paths = [reverse("interaction:mailboxes"), _listing(), _listing(obj.pk)]
        paths += [_listing(pk) for pk in _listed_mailboxes()]
        paths += [_detail(n) for n in numbers]
        return _on_sites(paths, sites)
    if isinstance(obj, Organisation):
        # renamed: the letters it answered or whose mailbox it keeps, and the listings naming it
        numbers = Letter.objects.filter(
            Q(organisation_id=obj.pk) | Q(mailbox__organisation_id=obj.pk), published_at__isnull=False,
        ).values_list("receipt_number", flat=True)
        paths = [reverse("interaction:mailboxes"), _listing()] + [_listing(pk) for pk in _listed_mailboxes()]
        return _on_sites(paths + [_detail(n) for n in numbers], sites)
    if not isinstance(obj, Letter):
        return []
    # read again: the caller's copy may predate the change
    row = Letter.objects.filter(pk=obj.pk).values("receipt_number", "mailbox_id", "published_at").first()
    if row is None or row["published_at"] is None:
        return []  # never published: no file shows it
    return _on_sites([_detail(row["receipt_number"]), _listing(), _listing(row["mailbox_id"])], sites)


def changed_after(moment: datetime, sites: Sequence) -> list[tuple[object, str]]:
    found: list[tuple[object, str]] = []
    for letter in Letter.objects.filter(updated_at__gte=moment, published_at__isnull=False).only("pk"):
        found += addresses_of(letter, sites)
    return found


def letter_changed(letter: Letter) -> None:
    """Queue the letter's page and the listings showing it (in the caller's transaction)."""
    registry.changed(NAME, letter)


def _mailbox_saved(sender, instance, **kwargs) -> None:
    registry.changed(NAME, instance)


def register() -> None:
    registry.register(NAME, paths=every_address, dependents=addresses_of, changed_since=changed_after)
    post_save.connect(_mailbox_saved, sender=Mailbox, dispatch_uid="interaction-static-mailbox")
    post_delete.connect(_mailbox_saved, sender=Mailbox, dispatch_uid="interaction-static-mailbox-deleted")


register()
