"""Sections of the account page that domains add ("my drafts", "my letters").

accounts never imports a domain: a domain registers a section in its
AppConfig.ready with a provider that takes the signed-in user and returns rows::

    from accounts.registry import register_section, Row

    register_section("services.drafts", _("我的草稿"), lambda user: [
        Row(title=d.item.name, url=d.resume_url(), status=_("草稿"), updated=d.updated_at)
        for d in Draft.objects.filter(account=user)
    ])

A row may also be a plain (title, url, status, updated) tuple. Kernel cases
(every registered case type with ``account=user``) are listed by accounts
itself, above the sections.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Row:
    title: str
    url: str = ""
    status: str = ""
    updated: datetime | date | None = None


@dataclass(frozen=True)
class Section:
    key: str
    label: object  # a lazy translation
    provider: Callable[[object], Iterable]
    order: int = 100

    def rows(self, user) -> list[Row]:
        return [row if isinstance(row, Row) else Row(*row) for row in self.provider(user)]


_SECTIONS: dict[str, Section] = {}


def register_section(key: str, label, provider: Callable[[object], Iterable], *, order: int = 100) -> Section:
    section = Section(key=key, label=label, provider=provider, order=order)
    _SECTIONS[key] = section
    return section


def unregister_section(key: str) -> None:
    _SECTIONS.pop(key, None)


def sections() -> list[Section]:
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))
