"""What a reader of the Mongolian and English sites sees: the interface in their
language (never Cyrillic), dates in their conventions, deadlines in words."""

import datetime as dt
import re

import pytest
from django import forms
from django.core import checks
from django.template import Context, Template
from django.utils import translation

from workdays.service import Clock, Deadline

CYRILLIC = re.compile("[\u0400-\u04ff]")
MONGOLIAN = re.compile("[\u1820-\u18af]")


class _Form(forms.Form):
    email = forms.EmailField()
    kind = forms.ChoiceField(choices=[("a", "A")])
    name = forms.CharField(max_length=3)
    text = forms.CharField()


def _render(source: str, **context) -> str:
    return Template("{% load multilingual %}" + source).render(Context(context))


def test_form_errors_are_mongolian_never_cyrillic():
    with translation.override("mn-mong"):
        errors = _Form({"email": "x", "kind": "z", "name": "abcd"}).errors.as_text()
    assert not CYRILLIC.search(errors), errors
    assert not re.search("[A-Za-z]{4,}", errors.replace("email", "").replace("kind", "").replace("name", "").replace("text", "")), errors
    assert MONGOLIAN.search(errors)
    assert "ᠪᠥᠭᠯᠡᠬᠦ" in errors  # "required": ᠪᠥᠭᠯᠡᠬᠦ ᠰᠢᠲᠡᠢ


def test_a_string_missing_from_the_mongolian_catalogue_falls_back_to_chinese_not_cyrillic():
    with translation.override("mn-mong"):
        text = translation.gettext("Enter a valid IPv4 address.")
    assert not CYRILLIC.search(text)


@pytest.mark.parametrize(
    "language, expected",
    [
        ("zh-hans", "2026年11月23日"),
        ("en", "23 November 2026"),
        ("mn-mong", "2026 ᠣᠨ ᠤ 11 ᠳ᠋ᠦᠭᠡᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 23 ᠤ ᠡᠳᠦᠷ"),
    ],
)
def test_dates_follow_each_languages_convention(language, expected):
    with translation.override(language):
        assert _render("{{ d|local_date }}", d=dt.date(2026, 11, 23)) == expected
        assert _render("{{ d|date:'DATE_FORMAT' }}", d=dt.date(2026, 11, 23)) == expected


def test_mongolian_month_suffix_follows_vowel_harmony():
    with translation.override("mn-mong"):
        may = _render("{{ d|local_date }}", d=dt.date(2026, 5, 17))
        april = _render("{{ d|local_date }}", d=dt.date(2026, 4, 1))
    assert "5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ" in may  # tabu-: back vowels
    assert "4 ᠳ᠋ᠦᠭᠡᠷ ᠰᠠᠷ᠎ᠠ" in april  # dörbe-: front vowels


@pytest.mark.parametrize(
    "deadline, zh, en",
    [
        (Deadline(due=dt.date(2026, 12, 14), known=True), "期限：2026年12月14日", "Due: 14 December 2026"),
        (Deadline(due=None, known=True, paused=True), "计时暂停", "Clock stopped"),
        (Deadline(due=None, known=False, unknown_year=2027), "节假日安排尚未公布，期限待定",
         "The holiday schedule has not been published yet; the deadline will be set when it is"),
    ],
)
def test_deadline_display_in_each_language(deadline, zh, en):
    for language, expected in (("zh-hans", zh), ("en", en)):
        with translation.override(language):
            assert _render("{{ d|deadline_display }}", d=deadline) == expected
    with translation.override("mn-mong"):
        text = _render("{{ d|deadline_display }}", d=deadline)
    assert MONGOLIAN.search(text) and not re.search("[\u4e00-\u9fff]", text), text


@pytest.mark.django_db
def test_deadline_display_takes_a_clock():
    clock = Clock(started=dt.date(2026, 3, 2), limit=20, pauses=[(dt.date(2026, 3, 5), None)])
    with translation.override("zh-hans"):
        assert _render("{{ c|deadline_display }}", c=clock) == "计时暂停"


@pytest.mark.django_db
def test_mongolian_site_renders_in_mongolian(client):
    html = client.get("/", HTTP_HOST="mgl.localhost").content.decode()
    assert 'lang="mn-Mong"' in html
    assert "ᠭᠣᠣᠯ ᠠᠭᠤᠯᠭ᠎ᠠ" in html  # skip link "to the main content"
    assert "ᠮᠡᠳᠡᠭᠳᠡᠯ ᠵᠠᠷᠯᠠᠯ" in html  # the notices column
    for chinese in ("跳到正文", "大字版", "网站地图", "首页"):
        assert chinese not in html
    assert not CYRILLIC.search(html)


@pytest.mark.django_db
def test_language_sites_have_their_own_articles(client):
    from cluster.models import ArticlePage

    mgl = ArticlePage.objects.filter(locale__language_code="mn-mong").live()
    en = ArticlePage.objects.filter(locale__language_code="en").live()
    assert mgl.count() >= 8 and en.count() >= 12
    article = mgl.filter(slug__startswith="mgl-notice").first()
    response = client.get(article.get_url_parts()[2], HTTP_HOST="mgl.localhost")
    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_the_translation_check_is_registered():
    assert any(getattr(check, "__name__", "") == "check_public_translations" for check in checks.registry.registry.get_checks())


@pytest.mark.django_db
@pytest.mark.parametrize("host,name,chinese", [
    ("mgl.localhost", "ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠭᠠᠵᠠᠷ", "敕勒川市人民政府"),
    ("en.localhost", "Chilechuan Development and Reform Commission", "敕勒川市发展和改革委员会"),
])
def test_the_request_form_names_organisations_in_the_sites_language(client, host, name, chinese):
    html = client.get("/yisqgk/", HTTP_HOST=host).content.decode()
    assert name in html
    assert chinese not in html
