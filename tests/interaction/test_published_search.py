"""The 来信选登 search finds exactly what the masked subject and text contain,
whichever way the database answers it (on PostgreSQL through the
two-character index of migration 0002, with the substring check after it)."""

import pytest
from django.utils import timezone

from interaction import publication
from interaction.models import Letter

from .conftest import WWW

pytestmark = pytest.mark.django_db

TEXTS = {
    "bus": ("建议增设公交站点", "昭君路与青城街路口附近没有公交站，老人出行不便。"),
    "noise": ("夜间施工噪音扰民", "工地每天夜里施工，渣土车车牌蒙A·7K321经常闯红灯。"),
    "lift": ("老旧小区加装电梯", "我们楼是1998年的六层老楼，住着很多老人，希望加装电梯。"),
}


@pytest.fixture
def published(submit):
    numbers = {}
    for key, (subject, content) in TEXTS.items():
        letter = submit(subject=subject, content=content, publish_allowed=True).letter
        Letter.objects.filter(pk=letter.pk).update(
            status="answered", answered_at=timezone.now(), publication="published", published_at=timezone.now(),
            public_subject=subject, public_content=content, public_reply="已答复。")
        numbers[key] = letter.receipt_number
    return numbers


def _found(client, query: str, published: dict) -> set[str]:
    page = client.get("/hudong/xuandeng/", {"q": query}, **WWW).content.decode()
    return {key for key, number in published.items() if number in page}


@pytest.mark.services  # on PostgreSQL this goes through the index
@pytest.mark.parametrize("query, expected", [
    ("老人", {"bus", "lift"}),  # two characters, in two letters' text
    ("加装电梯", {"lift"}),  # a phrase, in the subject and the text
    ("夜间施工", {"noise"}),
    ("施工 渣土车", {"noise"}),  # every word must be there
    ("施工 电梯", set()),
    ("7k321", {"noise"}),  # letters and digits, any case
    ("蒙A·7K", {"noise"}),  # punctuation: the plain match alone
    ("楼", {"lift"}),  # one character
    ("电梯老旧", set()),  # pieces that are there, but not in this order
    ("量子纠缠", set()),
])
def test_the_search_finds_what_the_published_text_contains(client, published, query, expected):
    assert _found(client, query, published) == expected
    assert publication.count(query=query) >= len(expected)


def test_the_search_never_finds_unpublished_letters(client, submit, published):
    hidden = submit(subject="加装电梯的另一封信", content="加装电梯", publish_allowed=True).letter
    page = client.get("/hudong/xuandeng/", {"q": "加装电梯"}, **WWW).content.decode()
    assert hidden.receipt_number not in page and published["lift"] in page


def test_which_words_the_index_can_answer():
    assert publication.bigram_query("加装电梯") == "加装 & 装电 & 电梯"
    assert publication.bigram_query("7K321") == "7k & k3 & 32 & 21"
    assert publication.bigram_query("楼") is None
    assert publication.bigram_query("蒙A·7K") is None
    assert publication.bigram_query("ᠬᠣᠲᠠ") is None  # Mongolian: the plain match
