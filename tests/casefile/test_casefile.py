import itertools

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from wagtail.models import ModelLogEntry

from casefile import references
from casefile.models import CaseEvent
from casefile.service import LookupRateLimited, history, lookup_case, record_event
from casefile.workflow import IllegalTransition
from disclosure.applications.constants import Status
from disclosure.applications.models import DisclosureRequest
from disclosure.applications.workflow import TRANSITIONS, WORKFLOW


def test_receipt_numbers_are_well_formed_random_and_self_checking():
    numbers = {references.new_receipt_number("YSQ") for _ in range(2000)}
    assert len(numbers) == 2000
    for number in itertools.islice(numbers, 50):
        assert references.is_valid_receipt_number(number)
        assert references.is_valid_receipt_number(" " + number.lower() + " ")


def test_every_single_typo_and_neighbour_swap_is_caught():
    number = references.new_receipt_number("YSQ")
    prefix_len = number.index("-") + 1 - 9
    for i, ch in enumerate(number):
        if i < prefix_len or ch == "-":
            continue
        pool = "0123456789" if i < number.index("-") else references.ALPHABET
        for other in pool:
            if other != ch:
                assert not references.is_valid_receipt_number(number[:i] + other + number[i + 1 :]), (i, other)
    body = number.replace("-", "")
    for i in range(len(number) - 1):
        a, b = number[i], number[i + 1]
        if a != b and "-" not in (a, b) and i >= prefix_len:
            swapped = number[:i] + b + a + number[i + 2 :]
            assert not references.is_valid_receipt_number(swapped), swapped
    assert body


def test_query_code_is_hashed_and_checked():
    number = references.new_receipt_number("YSQ")
    code = references.new_query_code()
    assert len(code) == 6 and code.isdigit()
    stored = references.hash_query_code(number, code)
    assert code not in stored
    assert references.check_query_code(number, code, stored)
    assert not references.check_query_code(number, f"{(int(code) + 1) % 10**6:06d}", stored)
    assert not references.check_query_code(references.new_receipt_number("YSQ"), code, stored)


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("action", sorted({a for _, a in TRANSITIONS}))
def test_transition_table_allows_exactly_the_listed_pairs(status, action):
    if (status, action) in TRANSITIONS:
        assert WORKFLOW.target(status, action) == TRANSITIONS[(status, action)]
    else:
        with pytest.raises(IllegalTransition):
            WORKFLOW.target(status, action)


@pytest.mark.django_db
@pytest.mark.services
def test_transition_records_history_and_audit_log(demo_user):
    req = DisclosureRequest.objects.filter(status=Status.SUBMITTED).first()
    officer = demo_user("fgw_editor")
    event = WORKFLOW.transition(req, "accept", user=officer, reason="材料齐全", public_note="已受理")
    req.refresh_from_db()
    assert req.status == Status.ACCEPTED
    assert (event.from_status, event.to_status, event.user) == (Status.SUBMITTED, Status.ACCEPTED, officer)
    assert list(history(req, public_only=True))[-1].public_note == "已受理"
    entry = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(DisclosureRequest), object_id=str(req.pk)
    ).latest("timestamp")
    assert entry.action == "casefile.event" and entry.user == officer
    assert "材料齐全" in str(entry.message)
    with pytest.raises(IllegalTransition):
        WORKFLOW.transition(req, "supplement", user=officer)
    req.refresh_from_db()
    assert req.status == Status.ACCEPTED


@pytest.mark.django_db
@pytest.mark.services
def test_lookup_gives_the_same_none_for_unknown_number_and_wrong_code(settings):
    req = DisclosureRequest.objects.first()
    record_event(req, action="note", actor_kind=CaseEvent.Actor.SYSTEM)
    code = "123456"
    req.query_code_hash = references.hash_query_code(req.receipt_number, code)
    req.save()
    rf = RequestFactory()
    qs = DisclosureRequest.objects.all()

    def ask(number, given, ip):
        return lookup_case(rf.post("/", REMOTE_ADDR=ip), qs, receipt_number=number, query_code=given)

    assert ask(req.receipt_number, code, "10.0.0.1") == req
    assert ask(req.receipt_number.lower(), code, "10.0.0.1") == req
    assert ask(req.receipt_number, "654321", "10.0.0.1") is None
    assert ask(references.new_receipt_number("YSQ"), code, "10.0.0.1") is None
    assert ask("nonsense", code, "10.0.0.1") is None
    for _ in range(11):
        try:
            ask(req.receipt_number, "000000", "10.0.0.2")
        except LookupRateLimited:
            break
    else:
        pytest.fail("no rate limit after 11 attempts")
    with pytest.raises(LookupRateLimited):
        ask(req.receipt_number, code, "10.0.0.2")  # even the right code, once limited
