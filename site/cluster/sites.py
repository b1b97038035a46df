"""Which site a page or a request belongs to, cached for the hot path.

The mapping (site id, root page url_path, root URL, language) is small and read on
every page view and every URL built, so it is computed once per process and
rebuilt when a Site or a site's root page changes (see signals.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Site

CACHE_KEY = "cluster:site-roots:v1"


@dataclass(frozen=True)
class SiteRoot:
    site_id: int
    root_path: str
    root_url: str
    language_code: str
    hostname: str


# A copy per process saves a cache round trip for every URL built; it lives a few
# seconds so that a site changed through another process (another gunicorn
# worker, the Celery worker) is seen soon, not at the next restart.
LOCAL_TTL = 10.0
_local: dict[str, tuple[float, list[SiteRoot]]] = {}


def site_roots() -> list[SiteRoot]:
    """Every site's own root, most specific path first."""
    now = time.monotonic()
    held = _local.get(CACHE_KEY)
    roots = held[1] if held and held[0] > now else None
    if roots is None:
        roots = cache.get(CACHE_KEY)
        if roots is None:
            roots = [
                SiteRoot(s.pk, s.root_page.url_path, public_root_url(s), s.root_page.locale.language_code, s.hostname)
                for s in Site.objects.select_related("root_page", "root_page__locale").order_by(
                    "-root_page__url_path", "-is_default_site", "hostname"
                )
            ]
            cache.set(CACHE_KEY, roots, 3600)
        _local[CACHE_KEY] = (now + LOCAL_TTL, roots)
    return roots


def public_root_url(site: Site) -> str:
    """The address readers use for a site. All sites of a cluster are served on
    one scheme and port (443 in production, 8000 in the demo), set by
    CLUSTER_PUBLIC_SCHEME / CLUSTER_PUBLIC_PORT; without them the Site's own port."""
    scheme = settings.CLUSTER_PUBLIC_SCHEME
    port = settings.CLUSTER_PUBLIC_PORT or site.port
    default = 443 if scheme == "https" else 80
    return f"{scheme}://{site.hostname}" + ("" if int(port) == default else f":{port}")


# (hostname, port) -> (expiry, Site or None): Wagtail looks the Site up in the
# database on every request; this keeps its answer for LOCAL_TTL seconds.
_by_host: dict[tuple[str, int | str], tuple[float, Site | None]] = {}


def site_for_request(request) -> Site | None:
    """``Site.find_for_request`` with the answer kept per process (and stored on
    the request as Wagtail does, so later look-ups in the request reuse it)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    from django.http.request import split_domain_port

    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    now = time.monotonic()
    held = _by_host.get(key)
    if held is not None and held[0] > now:
        site = held[1]
    else:
        site = Site._find_for_request(request)
        if len(_by_host) > 1000:  # made-up Host headers must not grow it for ever
            _by_host.clear()
        _by_host[key] = (now + LOCAL_TTL, site)
    request._wagtail_site = site
    return site


def clear_site_roots() -> None:
    _by_host.clear()
    _local.pop(CACHE_KEY, None)
    cache.delete(CACHE_KEY)
    Site.clear_site_root_paths_cache()


def own_site_root_for_path(url_path: str) -> tuple[int, str, str] | None:
    for root in site_roots():
        if url_path.startswith(root.root_path):
            return root.site_id, root.root_path, root.root_url
    return None


def language_for_site(site_id: int | None) -> str | None:
    for root in site_roots():
        if root.site_id == site_id:
            return root.language_code
    return None
