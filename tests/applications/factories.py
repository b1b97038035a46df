"""Factory for 依申请公开 requests on the case kernel."""
import factory

from casefile import references
from disclosure.applications.models import DisclosureRequest

from ..casefile.factories import CaseFactory


class DisclosureRequestFactory(CaseFactory):
    class Meta:
        model = DisclosureRequest

    receipt_number = factory.LazyFunction(lambda: references.new_receipt_number("YSQ"))
    description = factory.Sequence(lambda n: f"测试申请 {n}：2025年度部门预算")
    preferred_form = "electronic"
    delivery = "email"
    email = "applicant@example.com"
    status = "accepted"
