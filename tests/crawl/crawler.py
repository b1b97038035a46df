"""An anonymous citizen's crawl of every site of the cluster with Django's test client.

Starting from each Site's root on its own host, it follows every internal link
(<a href>, <link rel=alternate>, the actions of GET forms) and records, per page,
what an outside audit would flag: server errors, broken internal links and the
basic accessibility markup of every HTML page.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Site

# Not the citizen's part of the site: the editors' admin and its second factor.
SKIP_PREFIXES = ("/admin/", "/django-admin/", "/cms/")
# Query strings followed per (path, parameter names) and per path: page 2 of a
# list, a facet or two of the search; the rest of the combinations add nothing new
# (the search's facet links alone combine into hundreds).
QUERY_VARIANTS = 2
QUERY_VARIANTS_PER_PATH = 6
# Pages per path shape with the numbers taken out (/banshi/apply/214/, a letter's
# /xinxiang/5/): a few of each template tell what all the others would.
NUMBERED_PER_SHAPE = 3
NUMBER = re.compile(r"/\d+(?=/|$)")
# Text typed into the text fields of a GET form (the search box).
SAMPLE_QUERY = "通知"
UNLABELLED_TYPES = {"hidden", "submit", "button", "image", "reset"}
MAX_PAGES_PER_HOST = 600
# The language switch of a page without a version in that language links the
# notice saying so, which answers 404 on purpose (tests/cluster/test_routing.py).
DELIBERATE_404 = ("/untranslated/",)


@dataclass
class Form:
    host: str
    page: str
    method: str
    action: str
    fields: list[dict]
    enctype: str = ""


@dataclass
class HostReport:
    host: str
    pages: int = 0
    html_pages: int = 0
    statuses: Counter = field(default_factory=Counter)
    seconds: float = 0.0


@dataclass
class CrawlResult:
    hosts: dict[str, HostReport] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    # every (host, url) fetched, with the page it was linked from
    visited: dict[tuple[str, str], str] = field(default_factory=dict)
    # links to another host's pages, with the page that links them
    cross_links: dict[tuple[str, str], str] = field(default_factory=dict)

    def summary(self) -> str:
        return "\n".join(
            f"{r.host:<18} {r.pages:>4} URLs, {r.html_pages:>4} HTML pages, "
            f"{dict(sorted(r.statuses.items()))} in {r.seconds:.1f} s"
            for r in self.hosts.values()
        )


def site_hosts() -> dict[str, Site]:
    return {s.hostname: s for s in Site.objects.select_related("root_page__locale").order_by("hostname")}


def split_internal(url: str, base_host: str, hosts: set[str]) -> tuple[str, str] | None:
    """(host, path?query) of an address on one of the cluster's hosts, else None."""
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https"):
        return None
    host = parts.hostname or base_host
    if host not in hosts:
        return None
    path = parts.path or "/"
    return host, path + (f"?{parts.query}" if parts.query else "")


def query_key(url: str) -> tuple[str, tuple[str, ...]]:
    parts = urlsplit(url)
    return parts.path, tuple(sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)}))


def has_label(control, soup, labels_for: set[str]) -> bool:
    if (control.get("aria-label") or "").strip():
        return True
    labelledby = (control.get("aria-labelledby") or "").split()
    if labelledby and all(soup.find(id=i) is not None and soup.find(id=i).get_text(strip=True) for i in labelledby):
        return True
    if control.get("id") and control["id"] in labels_for:
        return True
    # a control inside its <label> is labelled as well (implicit label)
    return control.find_parent("label") is not None


def check_page(host: str, url: str, soup: BeautifulSoup, language: str, problems: list[str]) -> None:
    where = f"{host}{url}"
    html = soup.find("html")
    lang = (html.get("lang") or "").strip() if html else ""
    if not lang:
        problems.append(f"{where}: <html> has no lang")
    title = soup.find("title")
    if title is None or not title.get_text(strip=True):
        problems.append(f"{where}: empty or missing <title>")
    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        problems.append(f"{where}: {len(h1s)} <h1> elements")
    labels_for = {lab["for"] for lab in soup.find_all("label") if lab.get("for") and lab.get_text(strip=True)}
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.name == "input" and (control.get("type") or "text").lower() in UNLABELLED_TYPES:
            continue
        if not has_label(control, soup, labels_for):
            problems.append(f"{where}: unlabelled <{control.name} name={control.get('name')!r}>")
    for img in soup.find_all("img"):
        if img.get("alt") is None:
            problems.append(f"{where}: <img src={img.get('src')!r}> without alt")
    ids = Counter(el["id"] for el in soup.find_all(id=True))
    for dup in sorted(i for i, n in ids.items() if n > 1):
        problems.append(f"{where}: id {dup!r} used {ids[dup]} times")
    if language == "mn-mong":
        # The product's convention: lang="mn-Mong" on <html>, the theme's
        # vertical-mongolian class on <body> (writing-mode: vertical-lr), and no
        # right-to-left direction (the script's columns run left to right).
        if lang != "mn-Mong":
            problems.append(f"{where}: Mongolian page with lang={lang!r}")
        body = soup.find("body")
        if body is None or "vertical-mongolian" not in (body.get("class") or []):
            problems.append(f"{where}: Mongolian page without the vertical-mongolian body class")
        for el in soup.find_all(dir=True):
            if el["dir"].lower() == "rtl":
                problems.append(f"{where}: dir=rtl on <{el.name}> of a Mongolian page")
    else:
        expected = {"zh-hans": "zh-Hans", "en": "en"}.get(language, language)
        if lang != expected:
            problems.append(f"{where}: lang={lang!r}, the site's language is {expected!r}")


def read_forms(host: str, url: str, soup: BeautifulSoup) -> list[Form]:
    forms = []
    for form in soup.find_all("form"):
        fields = []
        for control in form.find_all(["input", "select", "textarea", "button"]):
            name = control.get("name")
            if not name:
                continue
            kind = control.name if control.name != "input" else (control.get("type") or "text").lower()
            value = control.get("value", "")
            options = []
            if control.name == "select":
                options = [o.get("value", o.get_text(strip=True)) for o in control.find_all("option")]
                chosen = control.find("option", selected=True) or control.find("option")
                value = chosen.get("value", chosen.get_text(strip=True)) if chosen else ""
            elif control.name == "textarea":
                value = control.get_text()
            fields.append({"name": name, "type": kind, "value": value, "options": options,
                           "checked": control.has_attr("checked")})
        forms.append(Form(host, url, (form.get("method") or "get").lower(), urljoin(url, form.get("action") or url),
                          fields, form.get("enctype") or ""))
    return forms


def get_form_url(form: Form) -> str:
    """What pressing the form's first submit button sends, text fields filled with SAMPLE_QUERY."""
    data = []
    submitted = False
    for f in form.fields:
        if f["type"] in ("checkbox", "radio") and not f["checked"]:
            continue
        if f["type"] in ("submit", "button", "image"):
            if submitted:
                continue
            submitted = True
        value = f["value"]
        if f["type"] in ("text", "search") and not value:
            value = SAMPLE_QUERY
        data.append((f["name"], value))
    action = urlsplit(form.action)
    return action.path + "?" + urlencode(data)


def crawl_host(host: str, language: str, hosts: set[str], result: CrawlResult, max_pages: int, log=None) -> None:
    report = result.hosts[host] = HostReport(host)
    client = Client(HTTP_HOST=host, raise_request_exception=False)
    started = time.monotonic()
    queue: deque[tuple[str, str]] = deque([("/", "(site root)")])
    seen: set[str] = {"/"}
    variants: dict = defaultdict(int)

    def enqueue(url: str, referrer: str) -> None:
        target = split_internal(url, host, hosts)
        if target is None:
            return
        target_host, path = target
        if path.startswith(SKIP_PREFIXES):
            return
        if target_host != host:
            # another site's page: that host's own crawl reaches it from its root,
            # or it is fetched at the end; it must answer all the same
            result.cross_links.setdefault((target_host, path), f"{host}{referrer}")
            return
        if path in seen:
            return
        shape = ("shape", NUMBER.sub("/#", urlsplit(path).path))
        if shape[1] != urlsplit(path).path:
            if variants[shape] >= NUMBERED_PER_SHAPE:
                return
            variants[shape] += 1
        if "?" in path:
            key = query_key(path)
            if variants[key] >= QUERY_VARIANTS or variants[key[0]] >= QUERY_VARIANTS_PER_PATH:
                return
            variants[key] += 1
            variants[key[0]] += 1
        seen.add(path)
        queue.append((path, referrer))

    while queue and report.pages < max_pages:
        url, referrer = queue.popleft()
        response = client.get(url)
        if log is not None:
            print(response.status_code, host, url, file=log, flush=True)
        report.pages += 1
        report.statuses[response.status_code] += 1
        result.visited[(host, url)] = referrer
        where = f"{host}{url} (linked from {referrer})"
        deliberate = response.status_code == 404 and urlsplit(url).path in DELIBERATE_404
        if response.status_code >= 500 or (response.status_code == 404 and not deliberate):
            result.problems.append(f"{where}: {response.status_code}")
            continue
        if response.status_code in (301, 302, 303, 307, 308):
            enqueue(urljoin(url, response["Location"]), url)
            continue
        if response.streaming or "text/html" not in response.get("Content-Type", ""):
            continue
        report.html_pages += 1
        soup = BeautifulSoup(response.content, "lxml")
        check_page(host, url, soup, language, result.problems)
        for a in soup.find_all("a", href=True):
            enqueue(urljoin(url, a["href"]), url)
        for link in soup.find_all("link", href=True):
            if "alternate" in (link.get("rel") or []):
                enqueue(urljoin(url, link["href"]), url)
        for form in read_forms(host, url, soup):
            result.forms.append(form)
            if form.method == "get":
                enqueue(get_form_url(form), url)
    if queue:
        result.problems.append(f"{host}: stopped at {max_pages} pages, {len(queue)} left unvisited")
    report.seconds = time.monotonic() - started


def crawl(max_pages: int = MAX_PAGES_PER_HOST, log=None) -> CrawlResult:
    sites = site_hosts()
    result = CrawlResult()
    for host, site in sites.items():
        crawl_host(host, site.root_page.locale.language_code, set(sites), result, max_pages, log)
    # links to another site's page that its own crawl did not reach: fetched once
    for (host, url), referrer in result.cross_links.items():
        if (host, url) in result.visited:
            continue
        response = Client(HTTP_HOST=host, raise_request_exception=False).get(url)
        result.visited[(host, url)] = referrer
        deliberate = response.status_code == 404 and urlsplit(url).path in DELIBERATE_404
        if response.status_code >= 500 or (response.status_code == 404 and not deliberate):
            result.problems.append(f"{host}{url} (linked from {referrer}): {response.status_code}")
    return result
