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
of every published letter."""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from .constants import Publication
from .models import Letter, Mailbox

PER_PAGE = 20
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


def _published(mailbox: Mailbox | None, query: str) -> QuerySet[Letter]:
    # the listed mailboxes by id, not through a join: the count is then one index-only scan
    listed = [mailbox.pk] if mailbox is not None else list(
        Mailbox.objects.filter(public_listing=True).values_list("pk", flat=True))
    qs = Letter.objects.filter(publication=Publication.PUBLISHED, mailbox_id__in=listed)
    for n, word in enumerate(query.split()[:5]):
        tsquery = bigram_query(word) if connection.vendor == "postgresql" else None
        if tsquery:
            # constant SQL (the index's own expression, so the planner uses it); the words are a parameter
            match = RawSQL(BIGRAMS_MATCH, [tsquery], output_field=BooleanField())  # noqa: S611
            qs = qs.alias(**{f"indexed_{n}": match}).filter(**{f"indexed_{n}": True})
            if len(word) == 2:
                continue  # one piece: the index's answer is exact
        qs = qs.filter(Q(public_subject__icontains=word) | Q(public_content__icontains=word))
    return qs


def listing(*, mailbox: Mailbox | None = None, query: str = ""):
    return _published(mailbox, query).order_by("-published_at", "-pk").values(*LIST_FIELDS)


def count(*, mailbox: Mailbox | None = None, query: str = "") -> int:
    return _published(mailbox, query).order_by().count()
