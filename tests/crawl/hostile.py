"""Hostile input for every public form the crawl found: query strings and POSTs."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from .crawler import Form, read_forms

SCRIPT = "<script>alert('crawl-xss')</script>"
ATTRIBUTE = "\"'><img src=x onerror=alert(1) id=crawl-xss>"
SQL = "' OR '1'='1'; DROP TABLE wagtailcore_page; --"
LONG = "长" * 3000 + "A" * 7000
# What must never reach an HTML answer as it was sent.
UNESCAPED = (SCRIPT, "<img src=x onerror=alert(1) id=crawl-xss>")

# (name, raw query-string value): percent-encoded as a browser or a script would send it
QUERY_VALUES = [
    ("long", quote(LONG)),
    ("script", quote(SCRIPT)),
    ("attribute", quote(ATTRIBUTE)),
    ("nul", "a%00b"),
    ("invalid-utf8", "%ff%fe%c3%28"),
    ("sql", quote(SQL)),
    ("mixed", quote(SCRIPT + SQL) + "%00%ff"),
]
# Values typed into form fields (a NUL byte and invalid UTF-8 are sent raw in a
# body of their own, see raw_body).
POST_VALUES = [SCRIPT + SQL, ATTRIBUTE, LONG, "a\x00b"]

ALLOWED_POST = {200, 302, 400, 403, 429}


def unescaped_echo(response) -> str | None:
    if "text/html" not in response.get("Content-Type", "") or response.streaming:
        return None
    body = response.content.decode("utf-8", "replace")
    for marker in UNESCAPED:
        if marker in body:
            return marker
    return None


def form_key(form: Form) -> tuple:
    return urlsplit(form.action).path, form.method, tuple(sorted(f["name"] for f in form.fields))


def distinct_forms(forms: list[Form], method: str) -> list[Form]:
    """One of each form: the same form on another site is the same code (the
    Mongolian site's is kept apart, its input is normalised on the way in)."""
    chosen: dict[tuple, Form] = {}
    for form in forms:
        if form.method == method:
            chosen.setdefault((form.host == "mgl.localhost", *form_key(form)), form)
    return list(chosen.values())


def hostile_get_urls(form: Form) -> list[tuple[str, str]]:
    """(label, URL): the form's page and its action with every field (and a few
    usual parameters) set to each hostile value."""
    names = sorted({f["name"] for f in form.fields} | {"q", "page", "topic", "sort"})
    urls = []
    for label, value in QUERY_VALUES:
        query = "&".join(f"{quote(n)}={value}" for n in names)
        urls.append((label, f"{urlsplit(form.page).path}?{query}"))
        if form.method == "get":
            urls.append((label, f"{urlsplit(form.action).path}?{query}"))
    return urls


def fresh_form(client: Client, form: Form) -> Form | None:
    """The same form as the page shows it now (a new CSRF and one-time token)."""
    response = client.get(form.page)
    if response.status_code != 200:
        return None
    soup = BeautifulSoup(response.content, "lxml")
    for candidate in read_forms(form.host, form.page, soup):
        if form_key(candidate) == form_key(form):
            return candidate
    return None


def hostile_data(form: Form, value: str, *, keep_hidden: bool) -> dict:
    """Every field of the form filled with ``value``; the CSRF token stays (and,
    with keep_hidden, the hidden fields and choices stay as the page gave them,
    so the value reaches the form's validation of the text it was typed into)."""
    data: dict[str, list] = {}
    for f in form.fields:
        name, kind = f["name"], f["type"]
        if name == "csrfmiddlewaretoken":
            data[name] = [f["value"]]
            continue
        if kind in ("submit", "button", "image"):
            continue
        if kind == "file":
            data.setdefault(name, []).append(
                SimpleUploadedFile(f"{SCRIPT}.pdf", b"%PDF-1.4\n" + value.encode("utf-8", "replace"))
            )
            continue
        if keep_hidden and kind in ("hidden", "select", "radio", "checkbox"):
            if kind in ("radio", "checkbox") and not f["checked"]:
                if kind == "radio" and name not in data and f["value"]:
                    data[name] = [f["value"]]
                continue
            if kind == "select" and f["options"]:
                data.setdefault(name, []).append(next((o for o in f["options"] if o), f["value"]))
                continue
            data.setdefault(name, []).append(f["value"])
            continue
        if kind in ("radio", "checkbox", "select"):
            data[name] = [value]
            continue
        data.setdefault(name, []).append(value)
    return data


def raw_body(form: Form) -> bytes:
    """A urlencoded body with a NUL byte and invalid UTF-8 in every field."""
    parts = []
    for f in form.fields:
        if f["type"] in ("submit", "button", "image", "file"):
            continue
        if f["name"] == "csrfmiddlewaretoken":
            parts.append(f"csrfmiddlewaretoken={quote(f['value'])}")
        else:
            parts.append(f"{quote(f['name'])}=x%00%ff%fe{quote(SCRIPT)}")
    return "&".join(parts).encode("ascii")
