"""Factories for the kernel's test case types (tests.casekernel_app)."""
from datetime import date

import factory
from django.utils import timezone

from casefile import identity, references
from cluster.models import Organisation
from tests.casekernel_app.models import Letter, Permit

QUERY_CODE = "123456"


def organisation(code="11150100MB0000102B"):
    return Organisation.objects.get(code=code)


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True  # the clock hook saves what it changed

    organisation = factory.LazyFunction(organisation)
    receipt_number = factory.LazyFunction(lambda: references.new_receipt_number("T"))
    query_code_hash = factory.LazyAttribute(lambda o: references.hash_query_code(o.receipt_number, QUERY_CODE))
    applicant_kind = "natural"
    name = factory.Sequence(lambda n: f"申请人{n}")
    id_type = "resident_id"
    id_number = factory.Sequence(lambda n: identity.with_check_character("resident_id", f"15010219900101{n % 1000:03d}0"))
    phone = "13912345678"
    submitted_at = factory.LazyFunction(timezone.now)
    received_on = date(2025, 11, 3)

    @factory.post_generation
    def clock(obj, create, extracted, **kwargs):
        """Start the case type's main limit on received_on (``clock=False`` to leave it unstarted)."""
        if extracted is False or obj.received_on is None:
            return
        obj.start_clock(obj.received_on, **kwargs)
        if create:
            obj.save()


class LetterFactory(CaseFactory):
    class Meta:
        model = Letter

    subject = "小区供暖不热"
    status = Letter.Status.RECEIVED


class PermitFactory(CaseFactory):
    class Meta:
        model = Permit

    item = "食品经营许可"
    status = Permit.Status.REVIEW
