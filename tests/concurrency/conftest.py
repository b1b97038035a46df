"""Double and concurrent submits of the public forms, for real: every request
runs in a thread of its own, on a database connection of its own, and what it
writes is committed (the test's own connection stays in its rolled-back
transaction and must not touch the tables the threads write, so all reading
and writing of a test is done through ``in_thread``). Each test deletes what it
made at the end.

SQLite: the test database is a shared-cache in-memory one, which answers
"table is locked" at once where a database file waits for the lock (the
demo's ``timeout``); the threads' statements wait the same way here, by
retrying. PostgreSQL (the ``services`` pass) waits by itself.
"""
from __future__ import annotations

import contextlib
import itertools
import secrets
import threading
import time
from collections.abc import Callable

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

_addresses = itertools.count(1)
_RUN = secrets.randbelow(90) + 10  # two runs (or xdist workers) never share a phone number
_phones = itertools.count(secrets.randbelow(400) * 1000)


def new_address() -> str:
    """A client address of its own: rate limits and the captcha count per address."""
    n = next(_addresses)
    return f"10.{_RUN}.{n // 250}.{n % 250 + 1}"


def new_phone() -> str:
    """A mobile number of its own: the forms also count per phone."""
    return f"139{_RUN:02d}{next(_phones) % 1_000_000:06d}"


def _wait_for_locks(execute, sql, params, many, context):
    deadline = time.monotonic() + 30
    while True:
        try:
            return execute(sql, params, many, context)
        except OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _run(work: Callable, out: dict, key) -> None:
    try:
        with contextlib.ExitStack() as stack:
            if connection.vendor == "sqlite":
                stack.enter_context(connection.execute_wrapper(_wait_for_locks))
            out[key] = ("value", work())
    except BaseException as exc:  # handed back to the test
        out[key] = ("error", exc)
    finally:
        connection.close()


def _collect(out: dict, keys) -> list:
    results = []
    for key in keys:
        kind, value = out.get(key, ("error", AssertionError(f"thread {key} did not finish")))
        if kind == "error":
            raise value
        results.append(value)
    return results


def in_thread(work: Callable):
    """Run ``work`` on a connection of its own, in autocommit: committed for real."""
    out: dict = {}
    thread = threading.Thread(target=_run, args=(work, out, 0))
    thread.start()
    thread.join(timeout=120)
    return _collect(out, [0])[0]


def at_once(*works: Callable) -> list:
    """Run every ``work`` in its own thread and connection, all released by one
    barrier so that the requests overlap; their results in order."""
    barrier = threading.Barrier(len(works))

    def released(work):
        def run():
            barrier.wait(timeout=60)
            return work()
        return run

    out: dict = {}
    threads = [threading.Thread(target=_run, args=(released(w), out, i)) for i, w in enumerate(works)]
    [t.start() for t in threads]
    [t.join(timeout=180) for t in threads]
    return _collect(out, range(len(works)))


def browser(host: str, address: str | None = None) -> Client:
    """A citizen's browser (no second factor: citizens have none)."""
    return Client(HTTP_HOST=host, REMOTE_ADDR=address or new_address())


def tab_of(client: Client) -> Client:
    """Another tab of the same browser: the same cookies, the same address."""
    tab = Client(**client.defaults)
    tab.cookies = client.cookies.__class__()
    for key, morsel in client.cookies.items():
        tab.cookies[key] = morsel.value
    return tab


def confirm_phone(client: Client, phone: str) -> None:
    """What typing the SMS code does to the session (run in a thread)."""
    import datetime as dt

    from accounts.service import SESSION_CONFIRMED

    session = client.session
    session[SESSION_CONFIRMED] = {"phone": phone, "until": (timezone.now() + dt.timedelta(minutes=30)).timestamp()}
    session.save()
    client.cookies["sessionid"] = session.session_key


# --- cleaning up ---------------------------------------------------------------------------


def forget_cases(*cases) -> None:
    """Delete cases with their history, their messages and their audit log (run in a thread)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from casefile.models import CaseEvent
    from notify.models import Outbox

    for case in cases:
        ct = ContentType.objects.get_for_model(type(case))
        CaseEvent.objects.filter(content_type=ct, object_id=case.pk).delete()
        ModelLogEntry.objects.filter(content_type=ct, object_id=str(case.pk)).delete()
        Outbox.objects.filter(reference=case.receipt_number).delete()
        case.delete()


def forget_browser_traces(*, tokens=(), phones=(), clients=()) -> None:
    """Used form tokens, SMS codes and messages to a phone, and the browsers' sessions."""
    from django.contrib.sessions.models import Session
    from django.db.models import Q

    from accounts.models import PhoneCode
    from formguard.models import SubmissionToken
    from notify.models import Outbox

    used = Q(token__in=list(tokens))
    for token in tokens:  # registering keys its row by token and code
        used |= Q(token__startswith=f"{token}:")
    SubmissionToken.objects.filter(used).delete()
    PhoneCode.objects.filter(phone__in=list(phones)).delete()
    Outbox.objects.filter(recipient__in=list(phones)).delete()
    keys = [c.cookies["sessionid"].value for c in clients if "sessionid" in c.cookies]
    Session.objects.filter(session_key__in=keys).delete()


@pytest.fixture(autouse=True)
def _threads_write_for_real(db):
    """Every test here uses the database (through its threads)."""
    yield
