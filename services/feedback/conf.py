"""The feedback settings, read with their embedded defaults (the lead's
settings/base.py reads them from the environment)."""

from __future__ import annotations

from django.conf import settings

from workdays.service import Limit, Unit


def invite_days() -> int:
    """Calendar days after 办结 before an unrated case gets its invitation."""
    return int(getattr(settings, "SERVICE_RATING_INVITE_DAYS", 3))


def followup_limit() -> Limit:
    """The working days a department has to answer a poor rating (差评整改).
    Not statutory: local rules set 5 to 15 working days; 10 by default."""
    days = int(getattr(settings, "SERVICE_FOLLOWUP_LIMIT", 10))
    return Limit(days, Unit.WORKING, "差评整改时限")
