"""Static addresses that are not Wagtail pages (published letters, ...), as the
domains declare them.

A domain registers a source in its app's ``ready()``:

    registry.register("interaction.letters", paths=every_address, dependents=addresses_of,
                      changed_since=changed_after)

- ``paths(sites)``: every address of the source on those Wagtail Sites, as
  ``(site or host name, URL path)``; the full rebuild and ``all_addresses`` read it.
- ``dependents(obj, sites)``: the addresses one changed object is shown on (its
  own page and the lists showing it), whether it is public now or no longer is.
  It is also asked about cluster-wide objects a source may show (an
  Organisation renamed) and returns nothing for an object it does not show.
- ``changed_since(moment, sites)`` (optional): addresses of objects changed
  since ``moment``, so a change made while the rebuild ran is written again
  into the new tree.

When something changed, the domain calls :func:`changed` inside its own
transaction: the addresses go to the same queue as pages (PendingChange) and
the worker renders each through Django again, writing the file when the
response is static and removing it when it is not (a 404 for a withdrawn
letter), exactly as for pages. The tamper check restores them from the
manifest like any page. Query strings (later pages, searches) never become
files: nginx passes them to Django.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

Address = tuple[str, str]
Addresses = Iterable[tuple[object, str]]  # (a Site or a host name, URL path)


@dataclass(frozen=True)
class Source:
    name: str
    paths: Callable[[Sequence], Addresses]
    dependents: Callable[[object, Sequence], Addresses]
    changed_since: Callable[[datetime, Sequence], Addresses] | None = None


_sources: dict[str, Source] = {}


def register(name: str, *, paths: Callable[[Sequence], Addresses],
             dependents: Callable[[object, Sequence], Addresses],
             changed_since: Callable[[datetime, Sequence], Addresses] | None = None) -> Source:
    """Register (or, on a second import, replace) a source of static addresses."""
    source = Source(name, paths, dependents, changed_since)
    _sources[name] = source
    return source


def sources() -> list[Source]:
    return list(_sources.values())


def _sites(hosts: Iterable[str] | None = None) -> list:
    from wagtail.models import Site

    sites = Site.objects.all()
    if hosts is not None:
        sites = sites.filter(hostname__in=list(hosts))
    return list(sites)


def _normalise(found: Addresses, hosts: set[str] | None = None) -> list[Address]:
    out = []
    for site, path in found:
        host = getattr(site, "hostname", site)
        if hosts is None or host in hosts:
            out.append((str(host), path))
    return list(dict.fromkeys(out))


def addresses(hosts: Iterable[str] | None = None) -> list[Address]:
    """Every registered address, on every site (or on the ``hosts`` named)."""
    sites = _sites(hosts)
    wanted = {s.hostname for s in sites}
    found: list[Address] = []
    for source in _sources.values():
        found += _normalise(source.paths(sites), wanted)
    return list(dict.fromkeys(found))


def dependents(name: str, *objects) -> list[Address]:
    source = _sources[name]
    sites = _sites()
    found: list[Address] = []
    for obj in objects:
        found += _normalise(source.dependents(obj, sites))
    return list(dict.fromkeys(found))


def dependents_anywhere(*objects) -> list[Address]:
    """The addresses of every source that show ``objects`` (a renamed organisation)."""
    sites = _sites()
    found: list[Address] = []
    for source in _sources.values():
        for obj in objects:
            found += _normalise(source.dependents(obj, sites))
    return list(dict.fromkeys(found))


def changed(name: str, *objects) -> list[Address]:
    """Queue the addresses showing ``objects`` to be written again (or removed);
    called in the domain's transaction, written by the worker after the commit.
    Does nothing (and reads nothing) while static publishing is off."""
    from . import service, signals

    if not service.enabled():
        return []
    found = dependents(name, *objects)
    signals._queue(addresses=found)
    return found


def changed_since(moment: datetime) -> list[Address]:
    """Addresses of every source changed since ``moment`` (the rebuild's late writes)."""
    sites = _sites()
    found: list[Address] = []
    for source in _sources.values():
        if source.changed_since is not None:
            found += _normalise(source.changed_since(moment, sites))
    return list(dict.fromkeys(found))
