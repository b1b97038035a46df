"""The disclosure search finds a Mongolian document by a Mongolian word, whether
the query carries the variation selector the document was typed with or not."""
import pytest
from django.test import Client

from disclosure.models import DisclosureDocumentPage
from search import indexing

WORD_WITH_FVS = "ᠨᠠᠢ\u180dᠮᠠᠨ"  # as stored in the demo document
WORD_PLAIN = "ᠨᠠᠢᠮᠠᠨ"


@pytest.fixture
def indexed(db):
    indexing.rebuild()


@pytest.mark.parametrize("word", [WORD_WITH_FVS, WORD_PLAIN])
def test_mongolian_word_finds_the_mongolian_document(indexed, word):
    document = DisclosureDocumentPage.objects.live().filter(locale__language_code="mn-mong", title__contains="ᠨᠠᠢ").first()
    assert document is not None, "the demo has a Mongolian disclosure document with ᠨᠠᠢᠮᠠᠨ"
    response = Client().get("/search/", {"q": word}, HTTP_HOST="mgl.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert document.title in html
    assert 'lang="mn-Mong"' in html
