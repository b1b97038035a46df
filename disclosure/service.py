"""Look-ups of the disclosure library used by its JSON API."""
from __future__ import annotations

from search.service import clean_text

from .models import DisclosureDocumentPage


def get_document(index_number: str):
    """A live, public disclosure document by its 索引号 (any spacing or case)."""
    key = clean_text(index_number or "").replace(" ", "")[:64]
    if not key:
        return None
    return (
        DisclosureDocumentPage.objects.live()
        .public()
        .select_related("organisation", "topic")
        .filter(index_number__iexact=key)
        .first()
    )
