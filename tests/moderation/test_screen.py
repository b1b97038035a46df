import pytest
from django.urls import reverse

from moderation import service
from moderation.models import Category, SensitiveWord

pytestmark = pytest.mark.django_db


@pytest.fixture
def words(db):
    SensitiveWord.objects.all().delete()
    for word, category in [("赌博", Category.GAMBLING), ("加微信", Category.ADVERTISING), ("casino", Category.GAMBLING)]:
        SensitiveWord.objects.create(word=word, category=category)


def test_plain_hit_and_clean_text(words):
    assert service.screen("小区门口有人组织赌博") == ["赌博"]
    assert service.screen("建议增加公园的健身器材") == []
    assert service.screen("", "") == []


@pytest.mark.parametrize("text", [
    "有人组织賭博",  # traditional characters
    "有人组织赌 博",  # a space between the characters
    "有人组织赌.博、赌*博",  # punctuation between them
    "有人组织赌\u3000博",  # an ideographic space
    "详情加　微　信",  # full-width spaces
    "免费领取，加微-信",
    "ＣＡＳＩＮＯ 优惠",  # full-width Latin, upper case
    "c a s i n o",
    "赌\u200b博",  # a zero-width space
])
def test_disguised_hits(words, text):
    assert service.screen(text), text


def test_words_across_several_texts_each_once(words):
    assert sorted(service.screen("标题：赌博", "正文 赌博 并加微信")) == ["加微信", "赌博"]


def test_inactive_words_do_not_hit_and_changes_apply_at_once(words):
    assert service.screen("赌博") == ["赌博"]  # the list is now cached
    SensitiveWord.objects.filter(word="赌博").get().delete()
    assert service.screen("赌博") == []
    word = SensitiveWord.objects.create(word="刷单", active=False)
    assert service.screen("兼职刷单") == []
    word.active = True
    word.save()
    assert service.screen("兼职刷单") == ["刷单"]


def test_a_word_entered_in_traditional_matches_simplified_text(words):
    SensitiveWord.objects.create(word="博彩網站")
    assert service.screen("某博彩网站的广告") == ["博彩網站"]


def test_bulk_import_skips_duplicates_in_any_spelling(words):
    result = service.import_words(["刷单", "", "賭博", "  ", "代开发票", "刷单", "…"], category=Category.ADVERTISING)
    assert result.added == ["刷单", "代开发票"]
    assert result.existing == ["賭博", "刷单"]
    assert service.screen("代开发票") == ["代开发票"]


def test_bulk_import_in_the_admin(words, client, django_user_model):
    admin = django_user_model.objects.filter(is_superuser=True).first()
    client.force_login(admin)
    response = client.get(reverse("wagtailsnippets_moderation_sensitiveword:list"))
    assert reverse("moderation_import") in response.content.decode()
    response = client.post(
        reverse("moderation_import"), {"words": "办证\n刷信誉\n赌博\n", "category": "fraud", "note": ""}, follow=True
    )
    assert "已添加 2 个词，1 个已在词表中。" in response.content.decode()
    assert SensitiveWord.objects.get(word="刷信誉").category == "fraud"


def test_staff_without_permission_cannot_import(client, demo_user):
    client.force_login(demo_user("fgw_editor"))
    response = client.post(reverse("moderation_import"), {"words": "办证", "category": "fraud"})
    assert response.status_code in (302, 403)
    assert not SensitiveWord.objects.filter(word="办证", category="fraud").exists()


def test_demo_list_is_seeded():
    assert SensitiveWord.objects.filter(note="初始词表").count() >= 10
