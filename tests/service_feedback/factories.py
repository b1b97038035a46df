"""Licensing cases to rate and supervise, built directly on the kernel's
factory (the feedback tests need cases in given states, not the applying flow)."""
from __future__ import annotations

from datetime import date, datetime, time

import factory
from django.utils import timezone

from casefile import references
from services.licensing.constants import Status
from services.licensing.models import LicenceApplication
from services.models import ServiceItemPage

from ..casefile.factories import QUERY_CODE, CaseFactory  # noqa: F401  (QUERY_CODE re-exported)

MARKET_CODE = "11150100MB0000708H"  # 市市场监管局 (catalogue demo)
JYJ_CODE = "11150100MB0000203C"  # 市教育局, with its own site jyj.localhost


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def item(org_code: str = MARKET_CODE) -> ServiceItemPage:
    """A live Chinese item of the demo catalogue of that organisation."""
    return (ServiceItemPage.objects.live().filter(organisation__code=org_code, locale__language_code="zh-hans")
            .order_by("item_code").first())


class ApplicationFactory(CaseFactory):
    """A finished (办结) case by default: accepted, decided on time, completed."""

    class Meta:
        model = LicenceApplication

    receipt_number = factory.LazyFunction(lambda: references.new_receipt_number("XK"))
    item = factory.LazyFunction(item)
    item_code = factory.LazyAttribute(lambda o: o.item.item_code)
    item_title = factory.LazyAttribute(lambda o: o.item.title)
    organisation = factory.LazyAttribute(lambda o: o.item.organisation)
    status = Status.COMPLETED
    received_on = date(2026, 9, 1)
    accepted_on = date(2026, 9, 2)
    decision = "granted"
    decided_on_time = True
    completed_at = factory.LazyFunction(lambda: at(date(2026, 9, 20)))
    email = "applicant@example.com"
    language = "zh-hans"

    @factory.post_generation
    def clock(obj, create, extracted, **kwargs):
        """Finished cases have no running clock."""


class OpenApplicationFactory(ApplicationFactory):
    """An open case in review with its decision clock running from acceptance."""

    status = Status.REVIEWING
    decision = ""
    decided_on_time = None
    completed_at = None

    @factory.post_generation
    def clock(obj, create, extracted, **kwargs):
        if extracted is False:
            return
        obj.start_clock(obj.accepted_on or obj.received_on)
        if create:
            obj.save()
