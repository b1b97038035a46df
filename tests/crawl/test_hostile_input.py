"""Hostile input through every public form the crawl found: very long values,
markup, NUL bytes, invalid UTF-8 and SQL-ish text, in the query string and in
POSTs with a valid CSRF token. Never a server error, never markup echoed as it was
sent."""

import itertools

import pytest
from django.test import Client

from .hostile import (
    ALLOWED_POST,
    POST_VALUES,
    distinct_forms,
    fresh_form,
    hostile_data,
    hostile_get_urls,
    raw_body,
    unescaped_echo,
)

pytestmark = [pytest.mark.django_db]


def test_hostile_query_strings(crawled, capsys):
    problems, sent = [], 0
    pages = {}
    for form in crawled.forms:
        # one of each page and form: the same on another site is the same code
        pages.setdefault((form.page.split("?")[0], form.action.split("?")[0], form.method), form)
    for form in pages.values():
        client = Client(HTTP_HOST=form.host, raise_request_exception=False)
        for label, url in hostile_get_urls(form):
            response = client.get(url)
            sent += 1
            if response.status_code >= 500:
                problems.append(f"{form.host}{url[:120]} ({label}): {response.status_code}")
            elif marker := unescaped_echo(response):
                problems.append(f"{form.host}{url[:120]} ({label}): {marker!r} echoed unescaped")
    with capsys.disabled():
        print(f"\n{sent} hostile GETs on {len(pages)} form pages")
    assert sent > 50
    assert not problems, "\n".join(problems)


def test_hostile_posts_into_every_form(crawled, capsys):
    problems, sent = [], 0
    addresses = (f"10.77.{n // 250}.{n % 250 + 1}" for n in itertools.count())
    forms = distinct_forms(crawled.forms, "post")
    for form in forms:
        for keep_hidden in (True, False):
            for value in POST_VALUES:
                # a new client each time: a form's rate limit or one-time token
                # would otherwise answer before the field reached validation
                client = Client(HTTP_HOST=form.host, enforce_csrf_checks=True, raise_request_exception=False,
                                REMOTE_ADDR=next(addresses))  # its own citizen: no limit carries over
                current = fresh_form(client, form)
                if current is None:
                    problems.append(f"{form.host}{form.page}: the form is gone on a second look")
                    break
                response = client.post(current.action, hostile_data(current, value, keep_hidden=keep_hidden))
                sent += 1
                what = f"{form.host} POST {current.action} ({value[:20]!r}, keep_hidden={keep_hidden})"
                if response.status_code not in ALLOWED_POST:
                    problems.append(f"{what}: {response.status_code}")
                elif marker := unescaped_echo(response):
                    problems.append(f"{what}: {marker!r} echoed unescaped")
        client = Client(HTTP_HOST=form.host, enforce_csrf_checks=True, raise_request_exception=False,
                        REMOTE_ADDR=next(addresses))
        current = fresh_form(client, form)
        if current is not None:
            response = client.post(current.action, raw_body(current), content_type="application/x-www-form-urlencoded")
            sent += 1
            if response.status_code not in ALLOWED_POST:
                problems.append(f"{form.host} POST {current.action} (NUL/invalid UTF-8 body): {response.status_code}")
            elif marker := unescaped_echo(response):
                problems.append(f"{form.host} POST {current.action} (raw body): {marker!r} echoed unescaped")
    with capsys.disabled():
        print(f"\n{sent} hostile POSTs into {len(forms)} forms")
    assert len(forms) >= 6
    assert not problems, "\n".join(problems)
