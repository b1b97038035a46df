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


def _publish(submit, subject: str, content: str, *, minutes: int, public_content: str | None = None) -> str:
    # published in the future: newer than every demo letter, in a known order
    letter = submit(subject=subject, content=content, publish_allowed=True).letter
    at = timezone.now() + timezone.timedelta(minutes=minutes)
    Letter.objects.filter(pk=letter.pk).update(
        status="answered", answered_at=at, publication="published", published_at=at, public_subject=subject,
        public_content=content if public_content is None else public_content, public_reply="已答复。")
    return letter.receipt_number


def _listed(page: str, numbers: list[str]) -> list[str]:
    """The given receipt numbers in the order the page lists them."""
    return sorted((n for n in numbers if n in page), key=page.index)


@pytest.mark.services
def test_the_listing_pages_are_newest_first_and_count_every_published_letter(client, submit):
    numbers = [_publish(submit, f"分页来信{i:02d}", "路灯不亮。", minutes=i) for i in range(25)]
    newest = numbers[::-1]
    first = client.get("/hudong/xuandeng/", **WWW).content.decode()
    second = client.get("/hudong/xuandeng/", {"p": 2}, **WWW).content.decode()
    assert _listed(first, numbers) == newest[:20]
    assert _listed(second, numbers) == newest[20:]
    total = Letter.objects.filter(publication="published", mailbox__public_listing=True).count()
    assert f"共 {total} 封来信" in first and total == publication.count()


@pytest.mark.services
@pytest.mark.parametrize("scan_pages", [2, 0])  # the newest letters scanned in order, or the index's matches sorted
def test_a_frequent_word_says_more_than_the_cap_and_lists_the_newest(client, submit, monkeypatch, scan_pages):
    monkeypatch.setattr(publication, "SEARCH_CAP", 3)
    monkeypatch.setattr(publication, "SCAN_PAGES", scan_pages)
    numbers = [_publish(submit, f"鳄梨来信{i}", f"市场里的鳄梨价格第{i}次上涨。", minutes=i) for i in range(5)]
    masked = _publish(submit, "鳄梨摊位", "摊主王小明卖鳄梨。", minutes=9, public_content="摊主＊＊＊卖鳄梨。")
    page = client.get("/hudong/xuandeng/", {"q": "鳄梨"}, **WWW).content.decode()
    assert "超过 3 封来信" in page
    assert _listed(page, [*numbers, masked]) == [masked, numbers[4], numbers[3]]
    # a name the masking hid is found by neither way
    assert masked not in client.get("/hudong/xuandeng/", {"q": "小明"}, **WWW).content.decode()
    two_words = client.get("/hudong/xuandeng/", {"q": "鳄梨 第4次"}, **WWW).content.decode()
    assert "共 1 封来信" in two_words and _listed(two_words, numbers) == [numbers[4]]


@pytest.mark.services
def test_a_search_below_the_cap_counts_exactly(client, submit):
    numbers = [_publish(submit, f"鳄梨来信{i}", f"鳄梨第{i}批到货。", minutes=i) for i in range(3)]
    page = client.get("/hudong/xuandeng/", {"q": "鳄梨"}, **WWW).content.decode()
    assert "共 3 封来信" in page and _listed(page, numbers) == numbers[::-1]
