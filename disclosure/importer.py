"""Bulk import of documents into a site's disclosure catalogue.

Legacy systems export documents as JSON Lines, CSV (same columns as the shared
corpus: id, title, issuer, date, doc_number, category, body, source_repo,
source_path) or as HTML pages. Every record read ends as exactly one of
imported, skipped (imported by an earlier run: its source key is stored on the
page) or rejected (with the place and reason, for the report), so nothing is
lost silently. Pages are published with a revision and an audit-log entry (or
saved as drafts), and the public search index is updated once, in bulk, at the
end rather than by one Celery task per page.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path

import nh3
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.rich_text import RichText

from multilingual.content import normalise_instance
from search.indexing import signals_paused

from .models import DisclosureDocumentPage, DisclosureIndexPage, DocumentType

IMPORT_ACTION = "disclosure.import"
MAX_BODY_CHARS = 300_000
MAX_TITLE_CHARS = 255
MAX_FILE_BYTES = 5 * 1024 * 1024  # one HTML file
FIELDS = ["id", "title", "issuer", "date", "doc_number", "category", "body", "source_repo", "source_path"]

# 体裁 from the exporter's category; anything else becomes 其他 and keeps its name as a keyword.
CATEGORY_TYPES = {
    "部门规章": DocumentType.RULES,
    "地方政府规章": DocumentType.RULES,
    "规章": DocumentType.RULES,
    "规范性文件": DocumentType.REGULATION,
    "行政规范性文件": DocumentType.REGULATION,
    "政府工作报告": DocumentType.REPORT,
    "决议": DocumentType.DECISION,
}
for _value, _label in DocumentType.choices:
    CATEGORY_TYPES.setdefault(str(_label), _value)
    CATEGORY_TYPES.setdefault(_value, _value)

HTML_TAGS = {"p", "br", "h3", "h4", "ul", "ol", "li", "b", "strong", "i", "em", "a", "table", "thead", "tbody", "tr", "th", "td"}
HTML_ATTRIBUTES = {"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"}}


@dataclass
class Record:
    where: str  # file:line or file
    id: str
    title: str
    issuer: str = ""
    date: str = ""
    doc_number: str = ""
    category: str = ""
    paragraphs: list[str] = field(default_factory=list)  # sanitised HTML of each block
    size: int = 0
    key: str = ""


@dataclass
class Rejection:
    where: str
    id: str
    reason: str


@dataclass
class LegacyNote:
    """An imported record whose legacy Mongolian (private-use codes) was
    converted, or left as it was because it could not be decided."""

    where: str
    id: str
    note: str


@dataclass
class ImportResult:
    read: int = 0
    imported: int = 0
    skipped: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    legacy_mongolian: list[LegacyNote] = field(default_factory=list)
    undated: int = 0  # imported without a date in the source: they stay undated
    indexed: int = 0
    seconds: float = 0.0
    index_seconds: float = 0.0
    page_ids: list[int] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        return self.read == self.imported + self.skipped + len(self.rejected)


# -- reading -------------------------------------------------------------------


def _text_paragraphs(body: str) -> list[str]:
    return [f"<p>{escape(line.strip())}</p>" for line in body.splitlines() if line.strip()]


def _from_mapping(data: dict, where: str) -> Record | Rejection:
    def text(name: str) -> str:
        value = data.get(name)
        return "" if value is None else str(value).strip()

    body = text("body")
    record = Record(
        where=where, id=text("id"), title=" ".join(text("title").split()), issuer=text("issuer"), date=text("date"),
        doc_number=text("doc_number"), category=text("category"), paragraphs=_text_paragraphs(body), size=len(body),
    )
    record.key = f"id:{record.id}" if record.id else "sha1:" + hashlib.sha1(
        f"{record.title}|{record.date}|{body}".encode(), usedforsecurity=False
    ).hexdigest()
    return record


def read_jsonl(path: Path) -> Iterator[Record | Rejection]:
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            where = f"{path.name}:{number}"
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError as exc:
                yield Rejection(where, "", f"broken line: {exc.msg}")
                continue
            if not isinstance(data, dict):
                yield Rejection(where, "", "broken line: not a JSON object")
                continue
            yield _from_mapping(data, where)


def read_csv(path: Path) -> Iterator[Record | Rejection]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "title" not in reader.fieldnames:
            yield Rejection(path.name, "", "unreadable CSV: no header with a title column")
            return
        for row in reader:
            where = f"{path.name}:{reader.line_num}"
            if None in row:  # more cells than columns
                yield Rejection(where, row.get("id") or "", "broken line: more cells than columns")
                continue
            yield _from_mapping(row, where)


_META_RE = re.compile(r"<meta\s+[^>]*>", re.I)
_ATTR_RE = re.compile(r'([a-zA-Z_:.-]+)\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+)')
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_H1_RE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.I | re.S)
_BODY_RE = re.compile(r"<body[^>]*>(.*)</body>", re.I | re.S)
_BLOCK_RE = re.compile(r"<(p|h3|h4|ul|ol|table)\b.*?</\1>", re.I | re.S)
META_NAMES = {
    "id": ("id", "dc.identifier", "articleid"),
    "title": ("title", "articletitle", "dc.title"),
    "issuer": ("issuer", "contentsource", "dc.creator", "publisher"),
    "date": ("date", "pubdate", "dc.date", "firstpublishedtime"),
    "doc_number": ("doc_number", "文号", "docnumber"),
    "category": ("category", "columnname", "dc.type"),
}


def _strip_tags(html: str) -> str:
    return " ".join(unescape(nh3.clean(html, tags=set())).split())


def read_html(path: Path) -> Iterator[Record | Rejection]:
    where = path.name
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        yield Rejection(where, "", f"too large: {len(raw)} bytes")
        return
    try:
        html = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            html = raw.decode("gb18030")  # older Chinese government sites
        except UnicodeDecodeError:
            yield Rejection(where, "", "unreadable HTML: unknown encoding")
            return
    if "\x00" in html:
        yield Rejection(where, "", "unreadable HTML: binary content")
        return
    meta: dict[str, str] = {}
    for tag in _META_RE.findall(html):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR_RE.findall(tag)}
        if "name" in attrs and "content" in attrs:
            meta[attrs["name"].lower()] = unescape(attrs["content"]).strip()
    values = {f: next((meta[n] for n in names if meta.get(n)), "") for f, names in META_NAMES.items()}
    title = values["title"]
    h1 = _H1_RE.search(html)
    if not title and h1:
        title = _strip_tags(h1.group(1))
    if not title and (found := _TITLE_RE.search(html)):
        title = _strip_tags(found.group(1))
    body_match = _BODY_RE.search(html)
    body = body_match.group(1) if body_match else html
    if h1:
        body = body.replace(h1.group(0), "", 1)
    clean = nh3.clean(body, tags=HTML_TAGS, attributes=HTML_ATTRIBUTES, url_schemes={"http", "https", "mailto"})
    blocks = [m.group(0) for m in _BLOCK_RE.finditer(clean)]
    if not blocks:  # loose text without paragraphs
        blocks = _text_paragraphs(_strip_tags(clean.replace("<br>", "\n")))
    text = _strip_tags(clean)
    record = Record(
        where=where, id=values["id"], title=title, issuer=values["issuer"], date=values["date"],
        doc_number=values["doc_number"], category=values["category"], paragraphs=blocks, size=len(text),
    )
    record.key = f"id:{record.id}" if record.id else "sha1:" + hashlib.sha1(raw, usedforsecurity=False).hexdigest()
    yield record


READERS: dict[str, Callable[[Path], Iterator[Record | Rejection]]] = {
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
}
SUFFIXES = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".html": "html", ".htm": "html"}


def source_files(path: Path, fmt: str) -> list[tuple[Path, str]]:
    """The files to read and the format of each."""
    if not path.is_dir():
        kind = fmt if fmt != "auto" else SUFFIXES.get(path.suffix.lower())
        if kind is None:
            raise ValueError(f"cannot tell the format of {path.name}; pass --format")
        return [(path, kind)]
    found = []
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        kind = SUFFIXES.get(file.suffix.lower())
        if kind and fmt in ("auto", kind):
            found.append((file, kind))
    return found


def read_records(path: Path, fmt: str = "auto") -> Iterator[Record | Rejection]:
    for file, kind in source_files(path, fmt):
        yield from READERS[kind](file)


def count_records(path: Path, fmt: str = "auto") -> int | None:
    """A quick count for the progress bar (lines of JSONL, HTML files); None if unknown."""
    total = 0
    for file, kind in source_files(path, fmt):
        if kind == "html":
            total += 1
        elif kind == "jsonl":
            with file.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            return None
    return total


# -- checking and mapping --------------------------------------------------------

_DATE_RE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def parse_date(value: str) -> dt.date | None:
    """ISO dates and the usual Chinese forms; ValueError for anything else."""
    if not value:
        return None
    match = _DATE_RE.match(value.strip())
    if not match:
        raise ValueError(value)
    return dt.date(*(int(part) for part in match.groups()))


def check(record: Record) -> str:
    """The reason to reject a record, or ""."""
    if not record.title:
        return "missing title"
    if len(record.title) > MAX_TITLE_CHARS:
        return f"title too long: {len(record.title)} characters"
    if record.size > MAX_BODY_CHARS:
        return f"too large: {record.size} characters of text"
    if not record.paragraphs:
        return "empty body"
    try:
        parse_date(record.date)
    except ValueError:
        return f"bad date: {record.date[:40]}"
    return ""


# -- writing ----------------------------------------------------------------------


@dataclass
class Target:
    catalogue: DisclosureIndexPage
    organisation: object  # cluster.Organisation
    forced: bool  # --organisation given: it wins over the issuer
    known: dict[str, object]  # organisation name/short name → organisation


def make_target(site, organisation=None) -> Target:
    from cluster.models import Organisation, SiteProfile

    catalogue = DisclosureIndexPage.objects.descendant_of(site.root_page).first()
    if catalogue is None:
        raise ValueError(f"{site.hostname} has no disclosure catalogue")
    default = organisation
    if default is None:
        profile = SiteProfile.objects.filter(site=site).select_related("organisation").first()
        default = profile.organisation if profile else None
    if default is None:
        raise ValueError(f"{site.hostname} has no owning organisation; pass --organisation")
    known = {}
    for org in Organisation.objects.all():
        known[org.name] = org
        if org.short_name:
            known.setdefault(org.short_name, org)
    return Target(catalogue, default, organisation is not None, known)


def build_page(record: Record, target: Target) -> DisclosureDocumentPage:
    date = parse_date(record.date)
    org = target.organisation
    if not target.forced and record.issuer in target.known:
        org = target.known[record.issuer]
    doc_type = CATEGORY_TYPES.get(record.category, DocumentType.OTHER)
    blocks = []
    if record.issuer and record.issuer != org.name:
        # The exporter's issuer is not one of our organisations: keep it as text.
        blocks.append(("paragraph", RichText(f"<p>{escape('制定机关：' + record.issuer)}</p>")))
    blocks += [("paragraph", RichText(chunk)) for chunk in _chunks(record.paragraphs)]
    keywords = record.category if doc_type == DocumentType.OTHER and record.category else ""
    return DisclosureDocumentPage(
        title=record.title,
        slug="imp-" + hashlib.sha1(record.key.encode(), usedforsecurity=False).hexdigest()[:12],
        organisation=org,
        doc_type=doc_type,
        doc_number=record.doc_number[:80],
        written_date=date,
        # The source's date or none: the import's day would list old documents as new.
        publish_date=date,
        first_published_at=timezone.make_aware(dt.datetime.combine(date, dt.time(9, 0))) if date else None,
        keywords=keywords[:200],
        summary="",
        body=blocks,
        import_source=record.key[:255],
        live=False,
    )


def _chunks(paragraphs: list[str], size: int = 3000) -> Iterator[str]:
    """Paragraphs joined into blocks of about ``size`` characters: a law of 600
    articles as 600 blocks would make the StreamField slow to edit and save."""
    chunk: list[str] = []
    length = 0
    for paragraph in paragraphs:
        if chunk and length + len(paragraph) > size:
            yield "".join(chunk)
            chunk, length = [], 0
        chunk.append(paragraph)
        length += len(paragraph)
    if chunk:
        yield "".join(chunk)


def _save(page: DisclosureDocumentPage, target: Target, *, draft: bool, label: str) -> None:
    with transaction.atomic():
        target.catalogue.add_child(instance=page)
        revision = page.save_revision(log_action=False)
        log(instance=page, action=IMPORT_ACTION, data={"import": label, "source": page.import_source})
        if not draft:
            revision.publish()


class Progress:
    """A one-line progress bar on a stream: counts and rate."""

    def __init__(self, stream, total: int | None, every: float = 0.5):
        self.stream, self.total, self.every = stream, total, every
        self.start = self.last = time.monotonic()

    def update(self, result: ImportResult, final: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if not final and now - self.last < self.every:
            return
        self.last = now
        rate = result.read / max(now - self.start, 1e-6)
        of = f"/{self.total}" if self.total else ""
        bar = ""
        if self.total:
            done = int(30 * result.read / max(self.total, 1))
            bar = "[" + "#" * done + "." * (30 - done) + "] "
        self.stream.write(
            f"\r{bar}read {result.read}{of}: imported {result.imported}, skipped {result.skipped}, "
            f"rejected {len(result.rejected)} ({rate:.1f}/s)" + ("\n" if final else "")
        )
        self.stream.flush()


def import_documents(
    *,
    path: Path,
    site,
    organisation=None,
    fmt: str = "auto",
    limit: int | None = None,
    draft: bool = False,
    progress_stream=None,
    label: str = "",
) -> ImportResult:
    """Import every record under ``path`` into ``site``'s catalogue (see module doc)."""
    path = Path(path)
    target = make_target(site, organisation)
    label = label or f"import_documents {path.name}"
    existing = set(
        DisclosureDocumentPage.objects.descendant_of(target.catalogue)
        .exclude(import_source="")
        .values_list("import_source", flat=True)
    )
    seen: set[str] = set()
    result = ImportResult()
    total = count_records(path, fmt)
    if limit is not None and total is not None:
        total = min(total, limit)
    bar = Progress(progress_stream, total)
    start = time.monotonic()
    with signals_paused():
        _pause_admin_search()
        try:
            for item in read_records(path, fmt):
                if limit is not None and result.read >= limit:
                    break
                result.read += 1
                if isinstance(item, Rejection):
                    result.rejected.append(item)
                elif item.key in existing:
                    result.skipped += 1
                elif item.key in seen:
                    result.rejected.append(Rejection(item.where, item.id, "duplicate of an earlier record in this import"))
                elif reason := check(item):
                    seen.add(item.key)
                    result.rejected.append(Rejection(item.where, item.id, reason))
                else:
                    seen.add(item.key)
                    try:
                        page = build_page(item, target)
                        legacy = normalise_instance(page)  # the save would too, silently
                        _save(page, target, draft=draft, label=label)
                    except Exception as exc:  # a database or validation error rejects this record only
                        target.catalogue.refresh_from_db()
                        result.rejected.append(Rejection(item.where, item.id, f"not saved: {exc}"[:300]))
                    else:
                        result.imported += 1
                        result.undated += page.publish_date is None
                        result.page_ids.append(page.pk)
                        if legacy:
                            note = "; ".join(n.summary() for n in legacy)
                            result.legacy_mongolian.append(LegacyNote(item.where, item.id, note))
                bar.update(result)
            bar.update(result, final=True)
        finally:
            _resume_admin_search()
    if result.page_ids:
        index_admin_search(result.page_ids)
    result.seconds = time.monotonic() - start
    if not draft and result.page_ids:
        started = time.monotonic()
        result.indexed = index_pages(result.page_ids, progress_stream=progress_stream)
        result.index_seconds = time.monotonic() - started
    return result


def _pause_admin_search() -> None:
    # Wagtail's admin search indexes every save (twice per published page);
    # the import adds the pages to it in one bulk call instead.
    from django.db.models.signals import post_save
    from wagtail.search.signal_handlers import post_save_signal_handler

    post_save.disconnect(post_save_signal_handler, sender=DisclosureDocumentPage)


def _resume_admin_search() -> None:
    from django.db.models.signals import post_save
    from wagtail.search.signal_handlers import post_save_signal_handler

    post_save.connect(post_save_signal_handler, sender=DisclosureDocumentPage)


def index_admin_search(page_ids: list[int], batch: int = 200) -> None:
    from wagtail.search.backends import get_search_backends

    for offset in range(0, len(page_ids), batch):
        pages = list(DisclosureDocumentPage.objects.filter(pk__in=page_ids[offset : offset + batch]))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(DisclosureDocumentPage, pages)


def index_pages(page_ids: list[int], *, batch: int = 200, progress_stream=None) -> int:
    """Add the imported live pages to the public search index, in batches."""
    from haystack import connections

    connection = connections["default"]
    index = connection.get_unified_index().get_index(DisclosureDocumentPage)
    backend = connection.get_backend()
    done = 0
    started = time.monotonic()
    for offset in range(0, len(page_ids), batch):
        chunk = page_ids[offset : offset + batch]
        pages = list(index.index_queryset().filter(pk__in=chunk))
        if pages:
            backend.update(index, pages)
        done += len(pages)
        if progress_stream is not None:
            rate = done / max(time.monotonic() - started, 1e-6)
            progress_stream.write(f"\rindexing: {done}/{len(page_ids)} ({rate:.1f}/s)")
            progress_stream.flush()
    if progress_stream is not None:
        progress_stream.write("\n")
    return done


def write_report(result: ImportResult, report_path: Path) -> None:
    with Path(report_path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["where", "id", "reason", "mongolian"])
        for rejection in result.rejected:
            writer.writerow([rejection.where, rejection.id, rejection.reason, ""])
        # Imported, but the editors should look at the Mongolian text.
        for note in result.legacy_mongolian:
            writer.writerow([note.where, note.id, "imported", note.note])
