"""Static publishing (静态发布): pages every anonymous reader sees the same way are
written as files per site host, and nginx serves them; everything else (forms
with CSRF tokens, search results, status queries, accounts) stays dynamic.

A page is rendered exactly as the public sees it, through Django's own request
cycle (a test client with the site's host), so the file and the dynamic page
cannot drift. What to write is decided by the response, not by a list of page
types: only a 200 of HTML, XML or a feed, with no cookie set and no CSRF token
inside, becomes a file; anything else removes the file, so a page that turns
private, is unpublished or gains a form leaves the static tree. Addresses that
are not pages (published letters) are declared by their domains in
:mod:`staticpub.registry` and go through the same queue, rebuild and tamper check.

No library fits Wagtail 8: wagtail-bakery (and django-bakery under it) stops at
Wagtail 5.0 / Django 4.2, and writes whole sites, not the pages one change
touches. The layout on disk:

    STATIC_PUBLISH_ROOT/live -> tree-<stamp>/     (a symlink nginx follows)
    STATIC_PUBLISH_ROOT/tree-<stamp>/<host>/<path>/index.html
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.utils import timezone

from . import registry

Address = tuple[str, str]  # (host name, URL path)

STATIC_TYPES = {
    "text/html", "application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
}


def enabled() -> bool:
    return bool(getattr(settings, "STATIC_PUBLISH_ROOT", ""))


def root() -> Path:
    return Path(settings.STATIC_PUBLISH_ROOT)


def live_dir() -> Path:
    """The tree nginx serves now (created on first use)."""
    link = root() / "live"
    if not link.exists():
        tree = _new_tree()
        _switch(tree)
    return link.resolve()


def _new_tree() -> Path:
    root().mkdir(parents=True, exist_ok=True)
    tree = Path(tempfile.mkdtemp(prefix=f"tree-{timezone.now():%Y%m%d%H%M%S}-", dir=root()))
    tree.chmod(0o755)  # mkdtemp makes it private; nginx's workers read it
    return tree


def _switch(tree: Path) -> None:
    """Point ``live`` at ``tree`` in one rename: nginx sees the old or the new tree, never half."""
    link = root() / "live"
    tmp = root() / f".live-{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(tree.name)
    os.replace(tmp, link)


# the file name of an address ending in "/", by what it is: nginx gives each
# its type by the extension (mime.types), so a feed is served as a feed
INDEX_NAMES = {
    "application/rss+xml": "index.rss", "application/atom+xml": "index.atom",
    "application/xml": "index.xml", "text/xml": "index.xml",
}


def file_for(base: Path, host: str, path: str, content_type: str = "text/html") -> Path | None:
    """The file of an address inside ``base``; None for anything that would leave it."""
    rel = path.lstrip("/")
    if not rel or rel.endswith("/"):
        rel += INDEX_NAMES.get(content_type, "index.html")
    if "\x00" in rel or any(part in ("..", ".") for part in rel.split("/")) or "/" in host or host in ("", ".", ".."):
        return None
    return base / host / rel


def public_scheme_is_https() -> bool:
    return getattr(settings, "CLUSTER_PUBLIC_SCHEME", "http") == "https"


def render(host: str, path: str) -> tuple[bytes, str] | None:
    """The bytes and type of a page as an anonymous reader gets them, or None
    when the page is not the same for everyone (or not there at all)."""
    client = Client(HTTP_HOST=host)
    try:
        response = client.get(path, secure=public_scheme_is_https())
    except Exception:  # a page that fails to render must not stop the others
        return None
    if response.status_code != 200 or getattr(response, "streaming", False):
        return None
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if content_type not in STATIC_TYPES:
        return None
    cache_control = response.get("Cache-Control", "")
    if response.cookies or "private" in cache_control or "no-store" in cache_control:
        return None
    body = response.content
    if b"csrfmiddlewaretoken" in body:
        return None
    return body, content_type


def _write_atomic(target: Path, body: bytes) -> None:
    target.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(body)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)


def digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def refresh(addresses: Iterable[Address], *, base: Path | None = None) -> dict[str, int]:
    """Render each address again: write its file when the page is static, remove
    it otherwise. Keeps the manifest in step. Returns counts."""
    from .models import PublishedFile

    base = base or live_dir()
    counts = {"written": 0, "removed": 0, "unchanged": 0}
    for host, path in dict.fromkeys(addresses):
        if file_for(base, host, path) is None:
            continue
        rendered = render(host, path)
        if rendered is None:
            for name in {"index.html", *INDEX_NAMES.values()} if path.endswith("/") else {""}:
                stale = file_for(base, host, path + name if name else path)
                if stale is not None and stale.exists():
                    stale.unlink()
                    counts["removed"] += 1
            PublishedFile.objects.filter(host=host, path=path).delete()
            continue
        body, content_type = rendered
        target = file_for(base, host, path, content_type)
        sha = digest(body)
        row = PublishedFile.objects.filter(host=host, path=path).first()
        if row and row.sha256 == sha and target.exists() and digest(target.read_bytes()) == sha:
            counts["unchanged"] += 1
            continue
        _write_atomic(target, body)
        PublishedFile.objects.update_or_create(
            host=host, path=path, defaults={"sha256": sha, "size": len(body), "content_type": content_type},
        )
        counts["written"] += 1
    return counts


def publish_pending(*, batch: int = 500) -> dict[str, int]:
    """Drain the queue of changes. Rows are claimed by deleting them (skipping rows
    another worker holds, on PostgreSQL), so a burst of tasks does the work once."""
    from django.db import transaction
    from wagtail.models import Page

    from .models import PendingChange

    counts: dict[str, int] = {}
    while True:
        with transaction.atomic():
            rows = list(
                PendingChange.objects.select_for_update(skip_locked=True).order_by("pk")[:batch]
            )
            if not rows:
                return counts
            PendingChange.objects.filter(pk__in=[r.pk for r in rows]).delete()
        todo: list[Address] = []
        page_ids = [r.page_id for r in rows if r.page_id]
        for page in Page.objects.filter(pk__in=page_ids).live().specific():
            todo += affected_by(page)
        todo += [(r.host, r.path) for r in rows if r.host and not r.prefix]
        for key, n in refresh(todo).items():
            counts[key] = counts.get(key, 0) + n
        for r in rows:
            if r.host and r.prefix:
                for key, n in refresh_prefix(r.host, r.path).items():
                    counts[key] = counts.get(key, 0) + n


def refresh_prefix(host: str, prefix: str) -> dict[str, int]:
    """Everything published under an address (a subtree that was unpublished,
    deleted or moved away): each is rendered again and kept only if still served."""
    from .models import PublishedFile

    paths = PublishedFile.objects.filter(host=host, path__startswith=prefix).values_list("path", flat=True)
    return refresh([(host, p) for p in paths])


# -- what a change touches -------------------------------------------------------


def site_host(site) -> str:
    return site.hostname


def site_addresses(site) -> list[Address]:
    """Addresses of a site that are not pages: its sitemaps."""
    host = site_host(site)
    return [(host, "/sitemap.xml"), (host, "/sitemap/")]


def page_addresses(page) -> list[Address]:
    """Where a page is served: (host, path) on its site."""
    parts = page.get_url_parts()
    if not parts:
        return []
    site_id, _root, path = parts
    from wagtail.models import Site

    site = Site.objects.filter(pk=site_id).first()
    if site is None or not path:
        return []
    addresses = [(site_host(site), path)]
    specific = page.specific
    # a column's feeds are static too (RoutablePageMixin routes of that name)
    for route in ("feed_rss", "feed_atom"):
        if callable(getattr(specific, route, None)) and hasattr(specific, "reverse_subpage"):
            try:
                addresses.append((site_host(site), path + specific.reverse_subpage(route)))
            except Exception:  # noqa: S112 - no such route on this page type
                continue
    return addresses


def affected_by(page) -> list[Address]:
    """A page, and every page that shows it: its ancestors (the column lists and
    the home page it appears on), the columns of other sites that accepted it
    through 信息报送, its translations (their language links), the sitemaps."""
    from wagtail.models import Page, Site

    page = page.specific
    addresses = list(page_addresses(page))
    for ancestor in Page.objects.ancestor_of(page).filter(depth__gt=1).live().specific():
        addresses += page_addresses(ancestor)
    syndications = getattr(page, "syndications", None)
    if syndications is not None:
        for syndication in syndications.filter(status="accepted").select_related("column", "target_site"):
            if syndication.column_id:
                column = syndication.column.specific
                addresses += page_addresses(column)
                for ancestor in Page.objects.ancestor_of(column).filter(depth__gt=1).live().specific():
                    addresses += page_addresses(ancestor)
    for translation in page.get_translations().live().specific():
        addresses += page_addresses(translation)
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    if site is not None:
        addresses += site_addresses(site)
    return list(dict.fromkeys(addresses))


def all_addresses(hosts=None) -> list[Address]:
    """Every address of every site (or of the ``hosts`` named) that may be static."""
    from wagtail.models import Page, Site

    addresses: list[Address] = []
    sites = Site.objects.select_related("root_page")
    if hosts is not None:
        sites = sites.filter(hostname__in=hosts)
    for site in sites:
        pages = Page.objects.descendant_of(site.root_page, inclusive=True).live().public().specific()
        for page in pages:
            addresses += page_addresses(page)
        addresses += site_addresses(site)
    addresses += registry.addresses(hosts)  # the domains' addresses that are not pages (published letters)
    return list(dict.fromkeys(addresses))


def rebuild(*, progress=None) -> dict[str, int]:
    """Write every static page into a new tree beside the live one, then switch
    (as the search rebuild does); pages published meanwhile are written again."""
    from wagtail.models import Page

    from .models import PendingChange, PublishedFile

    started = timezone.now()
    PendingChange.objects.filter(created__lt=started).delete()  # the rebuild writes them anyway
    addresses = all_addresses()
    tree = _new_tree()
    manifest: dict[Address, tuple[str, int, str]] = {}
    for n, (host, path) in enumerate(addresses, 1):
        rendered = render(host, path) if file_for(tree, host, path) is not None else None
        if rendered is not None:
            body, content_type = rendered
            _write_atomic(file_for(tree, host, path, content_type), body)
            manifest[(host, path)] = (digest(body), len(body), content_type)
        if progress and (n % 50 == 0 or n == len(addresses)):
            progress(n, len(addresses))
    old = (root() / "live").resolve() if (root() / "live").exists() else None
    from django.db import transaction

    with transaction.atomic():
        PublishedFile.objects.all().delete()
        PublishedFile.objects.bulk_create(
            [PublishedFile(host=h, path=p, sha256=s, size=n, content_type=t) for (h, p), (s, n, t) in manifest.items()],
            batch_size=500,
        )
        _switch(tree)
    if old is not None and old != tree and old.parent == root():
        shutil.rmtree(old, ignore_errors=True)
    changed = Page.objects.filter(last_published_at__gte=started)
    late: list[Address] = []
    for page in changed.specific():
        late += affected_by(page)
    late += registry.changed_since(started)
    if late:
        refresh(late)
    return {"written": len(manifest), "addresses": len(addresses)}


# -- tamper protection -------------------------------------------------------------


def check_tampering() -> list:
    """Compare the live tree with the manifest: a changed or deleted file is
    written again from the database, a file nobody published is moved to
    quarantine. Each finding is recorded and the site's managers are told."""
    from .models import PublishedFile, TamperEvent

    base = live_dir()
    known = {(r.host, r.path): (r.sha256, r.content_type) for r in PublishedFile.objects.all()}
    by_file = {}
    for (host, path), (sha, content_type) in known.items():
        target = file_for(base, host, path, content_type)
        if target is not None:
            by_file[target] = (host, path, sha)
    events: list[TamperEvent] = []
    for target, (host, path, sha) in by_file.items():
        if not target.exists():
            kind = TamperEvent.Kind.REMOVED
        elif digest(target.read_bytes()) != sha:
            kind = TamperEvent.Kind.CHANGED
        else:
            continue
        quarantined = _quarantine(target, host) if kind == TamperEvent.Kind.CHANGED else ""
        PublishedFile.objects.filter(host=host, path=path).update(sha256="")  # force the rewrite
        refresh([(host, path)], base=base)
        events.append(TamperEvent.objects.create(
            host=host, path=path, kind=kind, restored=target.exists(), quarantined_as=quarantined,
        ))
    for dirpath, _dirs, files in os.walk(base):
        for name in files:
            target = Path(dirpath) / name
            if target in by_file or name.startswith(".tmp-"):
                continue
            host = target.relative_to(base).parts[0]
            quarantined = _quarantine(target, host)
            target.unlink(missing_ok=True)
            events.append(TamperEvent.objects.create(
                host=host, path="/" + str(target.relative_to(base / host)), kind=TamperEvent.Kind.ADDED,
                restored=True, quarantined_as=quarantined,
            ))
    if events:
        _alert(events)
    return events


def _quarantine(target: Path, host: str) -> str:
    """Keep the altered bytes for the investigation, outside the served tree."""
    if not target.exists():
        return ""
    folder = root() / "quarantine" / f"{timezone.now():%Y%m%d%H%M%S}" / host
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / target.name
    n = 1
    while kept.exists():
        kept = folder / f"{n}-{target.name}"
        n += 1
    shutil.copy2(target, kept)
    return str(kept)


def site_managers(host: str):
    """Who hears of a tampered page: the site's 签发 group (its managers) and the superusers."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q
    from wagtail.models import Site

    from cluster.provision import SITE_MANAGER, group_name

    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    site = Site.objects.filter(hostname=host).first()
    condition = Q(is_superuser=True)
    if site is not None:
        condition |= Q(groups__name=group_name(site, SITE_MANAGER))
    return users.filter(condition).distinct()


def _alert(events) -> None:
    from notify.service import queue_message

    by_host: dict[str, list] = {}
    for event in events:
        by_host.setdefault(event.host, []).append(event)
    for host, found in by_host.items():
        changes = "; ".join(f"{e.path} ({e.get_kind_display()})" for e in found[:20])
        for user in site_managers(host):
            queue_message(
                channel="email", recipient=user.email, template="staticpub.tampered",
                params={"host": host, "changes": changes}, reference=f"staticpub:{host}",
            )
