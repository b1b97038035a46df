"""来信选登: the published letters, per mailbox, newest first, with a search.

Only published rows are read, through the (publication, [mailbox,]
published_at) indexes; a row of the listing carries only what it shows. The
search matches the masked subject and text of published letters only, so it
never finds what the masking hid.

On PostgreSQL a word of Chinese characters, letters and digits goes through the
GIN index of migration 0002 over the text's two-character pieces: a two-character
word is one piece, and the index alone answers it exactly; a longer word is
looked up by all its pieces (the candidates), and the same substring match as
on other databases decides. The results are the same, without reading the text
of every published letter.

A search counts at most SEARCH_CAP letters ("more than 500"); past that, a word
is frequent and its first pages come from the newest letters in order, matched a
chunk at a time. A page's ids come from the index alone (migration 0003)."""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from .constants import Publication
from .models import Letter, Mailbox

PER_PAGE = 20
# a search counts this many letters at most ("more than 500"): 25 pages
SEARCH_CAP = 500
# a frequent word's first pages come from the newest letters in order (cheap while matches are dense)
SCAN_PAGES = 2
SCAN_CHUNK, SCAN_CHUNKS = 200, 10
LIST_FIELDS = ("pk", "receipt_number", "kind", "public_subject", "published_at", "answered_at", "submitted_at",
               "mailbox_id", "mailbox__name", "mailbox__name_en", "mailbox__name_mn", "organisation__name",
               "organisation__name_en", "organisation__name_mn")
PUBLIC_FIELDS = ("pk", "receipt_number", "kind", "public_subject", "public_content", "public_reply", "published_at",
                 "answered_at", "submitted_at", "publication", "mailbox__name", "mailbox__name_en",
                 "mailbox__name_mn", "mailbox__public_listing", "mailbox__id", "organisation__name",
                 "organisation__name_en", "organisation__name_mn", "organisation__id")
# what the index's tokens are made of: a word of these is found by its two-character pieces
INDEXED_WORD = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
BIGRAMS_MATCH = (
    "to_tsvector('simple'::regconfig, interaction_bigrams(\"interaction_letter\".\"public_subject\" || E'\\n' || "
    "\"interaction_letter\".\"public_content\")) @@ to_tsquery('simple'::regconfig, %s)"
)


def bigram_query(word: str) -> str | None:
    """The index query for ``word`` (every one of its two-character pieces), or
    None when the index cannot answer it (one character, punctuation, other
    scripts). Pieces are ANDed, not chained with <->: a phrase query would make
    PostgreSQL recompute every candidate's vector."""
    if not INDEXED_WORD.fullmatch(word):
        return None
    return " & ".join(dict.fromkeys(word[i:i + 2].lower() for i in range(len(word) - 1)))


def _listed(mailbox: Mailbox | None) -> dict:
    # the listed mailboxes by id, not through a join: the count is then one index-only scan
    listed = [mailbox.pk] if mailbox is not None else list(
        Mailbox.objects.filter(public_listing=True).values_list("pk", flat=True))
    return {"publication": Publication.PUBLISHED, "mailbox_id__in": listed}


def _published(mailbox: Mailbox | None, query: str, *, indexed: bool = True) -> QuerySet[Letter]:
    qs = Letter.objects.filter(**_listed(mailbox))
    for n, word in enumerate(query.split()[:5]):
        tsquery = bigram_query(word) if indexed and connection.vendor == "postgresql" else None
        if tsquery:
            # constant SQL (the index's own expression, so the planner uses it); the words are a parameter
            match = RawSQL(BIGRAMS_MATCH, [tsquery], output_field=BooleanField())  # noqa: S611
            qs = qs.alias(**{f"indexed_{n}": match}).filter(**{f"indexed_{n}": True})
            if len(word) == 2:
                continue  # one piece: the index's answer is exact
        if word.lower() == word.upper():  # nothing to fold (Chinese, digits): a plain LIKE, without upper()
            qs = qs.filter(Q(public_subject__contains=word) | Q(public_content__contains=word))
        else:
            qs = qs.filter(Q(public_subject__icontains=word) | Q(public_content__icontains=word))
    return qs


class Rows:
    """The listing for the paginator, read in two steps: the page's ids (the
    offset is skipped in the index of migration 0003, not by reading letters
    and joining their mailboxes), then only those rows with what they show.

    ``scan`` (a search with more than SEARCH_CAP results) reads the first
    pages' ids newest first with the plain substring match, stopping at the
    page's end, instead of sorting every letter the two-character index finds."""

    def __init__(self, qs: QuerySet[Letter], total: int, *, more: bool = False, scan: QuerySet[Letter] | None = None,
                 scan_base: dict | None = None):
        self.qs, self.total, self.more = qs.order_by("-published_at", "-pk"), total, more
        self.scan = scan.order_by() if scan is not None else None
        self.scan_base = scan_base or {}

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def _scanned(self, index: slice) -> list[int] | None:
        # the newest letters in chunks from the index, each chunk matched by primary key in the same
        # query (the planner, misjudging a substring's frequency, would match every letter and sort them)
        newest = Letter.objects.filter(**self.scan_base).order_by("-published_at", "-pk").values("pk")
        found: list[int] = []
        for start in range(0, SCAN_CHUNK * SCAN_CHUNKS, SCAN_CHUNK):
            found += self.scan.filter(pk__in=newest[start:start + SCAN_CHUNK]).order_by(
                "-published_at", "-pk").values_list("pk", flat=True)
            if len(found) >= index.stop:
                return found[index]
        return None  # sparse after all: the index's candidates, sorted

    def __getitem__(self, index: slice) -> list[dict]:
        ids = None
        if self.scan is not None and index.stop is not None and index.stop <= SCAN_PAGES * PER_PAGE:
            ids = self._scanned(index)
        if ids is None:
            ids = list(self.qs.values_list("pk", flat=True)[index])
        rows = {r["pk"]: r for r in Letter.objects.filter(pk__in=ids).order_by().values(*LIST_FIELDS)} if ids else {}
        return [rows[pk] for pk in ids if pk in rows]


def listing(*, mailbox: Mailbox | None = None, query: str = "") -> Rows:
    """The listing; a search counts at most SEARCH_CAP letters (``more``: there are more)."""
    qs = _published(mailbox, query)
    if not query.split():
        return Rows(qs, qs.order_by().count())
    found = qs.order_by()[:SEARCH_CAP + 1].count()
    if found <= SEARCH_CAP:
        return Rows(qs, found)
    return Rows(qs, SEARCH_CAP, more=True, scan=_published(mailbox, query, indexed=False),
                scan_base=_listed(mailbox))


def count(*, mailbox: Mailbox | None = None, query: str = "") -> int:
    """Every matching letter, uncapped."""
    return _published(mailbox, query).order_by().count()
