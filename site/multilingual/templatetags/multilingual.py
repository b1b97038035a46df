"""Dates and working-day deadlines in the reader's language.

``{% load multilingual %}`` then ``{{ deadline|deadline_display }}`` (a
``workdays.service.Deadline`` or a ``Clock``) or ``{{ day|local_date }}``.
Dates follow each language's own ``DATE_FORMAT`` (``multilingual/formats``):
2026年11月23日, 23 November 2026, 2026 ᠣᠨ ᠤ 11 ᠳ᠋ᠦᠭᠡᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 23 ᠤ ᠡᠳᠦᠷ.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def local_date(value: dt.date | dt.datetime | None) -> str:
    """A date in the active language's long form ("" for None)."""
    if not value:
        return ""
    return formats.date_format(value, "DATE_FORMAT")


def deadline_text(deadline) -> str:
    """The wording of a ``Deadline`` (or a ``Clock``'s due deadline) in the active language.

    A deadline that runs into a year whose holiday schedule is not published
    yet is never guessed: it says so.
    """
    if deadline is None:
        return ""
    if not hasattr(deadline, "known") and callable(getattr(deadline, "due", None)):
        deadline = deadline.due()  # a workdays Clock
    if getattr(deadline, "paused", False):
        return _("计时暂停")
    if not getattr(deadline, "known", False) or deadline.due is None:
        return _("节假日安排尚未公布，期限待定")
    return _("期限：%(date)s") % {"date": local_date(deadline.due)}


@register.filter
def deadline_display(deadline) -> str:
    return deadline_text(deadline)
