"""What every public page shows around its content: the site's name and owner,
its profile (record numbers, contacts), its home page, its navigation and the
sites that carry it in other languages.

Computed once per process and site and kept until the *generation* in the shared
cache changes. Anything that could change the frame (a page published,
unpublished, moved or deleted, a site, its profile, an organisation, a view
restriction) bumps the generation (signals.py), so every process (each gunicorn
worker, the Celery worker writing static files) sees the change at its next
request, and a page view costs one cache read instead of a dozen queries.
"""
from __future__ import annotations

import itertools
import os
import threading
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.urls import NoReverseMatch, reverse

GENERATION_KEY = "cluster:frame-generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _new_generation(), None)
        value = cache.get(GENERATION_KEY, 0)
    return value


_counter = itertools.count()


def _new_generation() -> int:
    # unique across processes without an atomic increment (the file cache has none)
    return time.time_ns() * 1000 + (os.getpid() % 100) * 10 + next(_counter) % 10


def bump() -> None:
    """Forget every process's frames: now, and again when the transaction
    commits (a process that rebuilt in between may have read the old rows)."""
    cache.set(GENERATION_KEY, _new_generation(), None)
    _frames.clear()
    _memo.clear()
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, _new_generation(), None))


# --- links the domains add to every site's navigation ------------------------

@dataclass(frozen=True)
class NavLink:
    key: str
    label: object  # a lazy translation: resolved when the page renders
    url_name: str
    order: int = 100


_links: dict[str, NavLink] = {}


def register_nav_link(key: str, label, url_name: str, order: int = 100) -> None:
    """A section that is a view rather than a page (the mailboxes, say) appears
    in every site's main navigation; called from the domain's AppConfig.ready."""
    _links[key] = NavLink(key, label, url_name, order)


# --- the frame ---------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    pk: int | None
    title: object
    url: str


@dataclass
class Frame:
    profile: object | None
    home: Item | None
    navigation: list[Item] = field(default_factory=list)
    language_sites: dict[str, str] = field(default_factory=dict)


_frames: dict[int, tuple[int, Frame]] = {}
_lock = threading.Lock()


def frame_for(site) -> Frame:
    gen = generation()
    held = _frames.get(site.pk)
    if held is not None and held[0] == gen:
        return held[1]
    built = _build(site)
    with _lock:
        if len(_frames) > 500:
            _frames.clear()
        _frames[site.pk] = (gen, built)
    return built


_memo: dict[object, tuple[int, object]] = {}


def memo(key, build):
    """``build()``, kept in this process until the generation changes: for what
    only publishing changes (a home page's latest articles per column)."""
    gen = generation()
    held = _memo.get(key)
    if held is not None and held[0] == gen:
        return held[1]
    value = build()
    with _lock:
        if len(_memo) > 2000:
            _memo.clear()
        _memo[key] = (gen, value)
    return value


_restricted: list = [None, ()]


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of the pages with a view restriction (password, groups, login):
    they and everything under them are not public."""
    from wagtail.models import PageViewRestriction

    gen = generation()
    if _restricted[0] != gen:
        _restricted[1] = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        _restricted[0] = gen
    return _restricted[1]


def public(queryset):
    """``queryset.public()`` without its query for the restrictions on every call."""
    from django.db.models import Q

    q = Q()
    for path in restricted_paths():
        q &= ~Q(path__startswith=path)
    return queryset.filter(q)


def page_path(site_root_path: str, url_path: str) -> str:
    """The address of a page of this site, relative to the site (no query)."""
    return reverse("wagtail_serve", args=(url_path[len(site_root_path):],))


def page_url(url_path: str, current_site_id: int | None = None) -> str:
    """A page's address from its url_path without loading it: relative on the
    current site, absolute on another (as ClusterPageMixin.get_url_parts gives)."""
    from .sites import own_site_root_for_path

    found = own_site_root_for_path(url_path)
    if found is None:
        return "#"
    site_id, root_path, root_url = found
    path = page_path(root_path, url_path)
    return path if site_id == current_site_id else root_url + path


def _build(site) -> Frame:
    from wagtail.models import Page

    from .models import SiteProfile

    profile = SiteProfile.objects.select_related("organisation").filter(site=site).first()
    if profile is None:
        profile = SiteProfile.for_site(site)
    root = Page.objects.only("pk", "title", "url_path", "path", "depth").get(pk=site.root_page_id)
    restricted = restricted_paths()

    def visible(path: str) -> bool:
        return not any(path.startswith(r) for r in restricted)

    home = Item(root.pk, root.title, page_path(root.url_path, root.url_path))
    navigation = [
        Item(p.pk, p.title, page_path(root.url_path, p.url_path))
        for p in root.get_children().live().in_menu().only("pk", "title", "url_path", "path")
        if visible(p.path)
    ]
    taken = {item.url.rstrip("/").rsplit("/", 1)[-1] for item in navigation}
    for link in sorted(_links.values(), key=lambda link: link.order):
        try:
            url = reverse(link.url_name)
        except NoReverseMatch:
            continue
        if url.strip("/").split("/")[0] not in taken:  # an editor's page of the same name wins
            navigation.append(Item(None, link.label, url))
    return Frame(profile, home, navigation, _language_sites(site))


def _language_sites(site) -> dict[str, str]:
    """language code -> root URL of the site that carries the current site's
    content in that language; for a site without its own translations, the
    portal's language sites (a department has no Mongolian site of its own)."""
    if site is None:
        return {}
    from wagtail.models import Page, Site

    from .sites import site_roots

    roots = site_roots()
    own_key = site.root_page.translation_key
    portal_key = (
        Site.objects.filter(is_default_site=True).values_list("root_page__translation_key", flat=True).first()
    )
    languages: dict[str, dict[str, str]] = {}
    paths = {
        p.url_path: (p.translation_key, p.locale.language_code)
        for p in Page.objects.filter(translation_key__in={own_key, portal_key}).select_related("locale")
    }
    for r in roots:
        if r.root_path in paths:
            key, code = paths[r.root_path]
            languages.setdefault(key, {}).setdefault(code, r.root_url + "/")
    result = dict(languages.get(portal_key, {}))
    result.update(languages.get(own_key, {}))
    return result
