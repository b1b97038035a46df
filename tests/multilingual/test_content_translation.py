"""Translating content with wagtail-localize: an editor translates a page into
English, the source changes, the translation is reported out of date after a
sync, and each language version is published on its own. The versions are
joined by the language switch and <link rel="alternate" hreflang>."""

import re

import pytest
from django.test import TestCase
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cluster.models import ArticlePage, ColumnPage, HomePage

pytestmark = pytest.mark.django_db


def translate_all(translation: Translation, translate) -> None:
    """What an editor does in the translation editor: a translation for every string."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=translation.target_locale, context=segment.context,
            defaults={"data": translate(segment.string.data)},
        )


def save_target(translation: Translation, user, *, publish: bool) -> None:
    # wagtail-localize publishes on commit; run those callbacks inside the test's transaction
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=publish)


def start_translation(page, language_code: str, user) -> Translation:
    source, _ = TranslationSource.get_or_create_from_instance(page)
    return Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code=language_code))


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.fixture
def admin(demo_user):
    return demo_user("admin")


@pytest.fixture
def article(portal) -> ArticlePage:
    column = ColumnPage.objects.child_of(portal.root_page).get(slug="zwdt")
    page = ArticlePage(
        title="关于开展草原防火宣传月活动的通知", slug="caoyuan-fanghuo", kind="news",
        body=[("paragraph", RichText("<p>各旗县区要做好草原防火宣传。</p>"))],
    )
    column.add_child(instance=page)
    page.save_revision().publish()
    return page


ENGLISH = {
    "关于开展草原防火宣传月活动的通知": "Notice on the Grassland Fire Prevention Month",
    "caoyuan-fanghuo": "grassland-fire-prevention",
    "各旗县区要做好草原防火宣传。": "Every banner and district is to publicise grassland fire prevention.",
    "防火期内严禁野外用火。": "Open fires are banned throughout the fire season.",
}


@pytest.mark.services
def test_an_article_is_translated_synced_and_published_on_its_own(article, admin, client):
    translation = start_translation(article, "en", admin)
    total, done = translation.get_progress()
    assert total >= 2 and done == 0
    translate_all(translation, lambda s: ENGLISH.get(s, s))
    assert translation.get_progress() == (total, total)
    save_target(translation, admin, publish=True)

    english = article.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.live and english.title == "Notice on the Grassland Fire Prevention Month"
    # the English page lives on the English site, under the translated column
    assert english.get_parent().specific.get_parent().specific == HomePage.objects.get(locale__language_code="en",
                                                                                        depth=article.depth - 2)
    html = client.get(english.get_url_parts()[2], HTTP_HOST="en.localhost").content.decode()
    assert "publicise grassland fire prevention" in html

    # The source changes and is published again; the English page keeps what it had.
    article.body = [("paragraph", RichText("<p>各旗县区要做好草原防火宣传。</p><p>防火期内严禁野外用火。</p>")),
                    ("paragraph", RichText("<p>防火期内严禁野外用火。</p>"))]
    article.save_revision().publish()
    english.refresh_from_db()
    assert "Open fires" not in str(english.body)

    # Sync (the editor's "Sync translated pages"): the new sentence shows as untranslated.
    translation.source.update_from_db()
    total, done = translation.get_progress()
    assert done < total
    missing = [
        s.string.data for s in StringSegment.objects.filter(source=translation.source).select_related("string")
        if not StringTranslation.objects.filter(translation_of=s.string, locale=translation.target_locale).exists()
    ]
    assert "防火期内严禁野外用火。" in missing

    # Translate the new sentence and publish the English version; the Chinese page
    # meanwhile holds an unpublished draft that the English side does not pick up.
    article.title = "草稿标题"
    article.save_revision()
    translate_all(translation, lambda s: ENGLISH.get(s, s))
    save_target(translation, admin, publish=True)
    english.refresh_from_db()
    assert "Open fires" in str(english.body)
    html = client.get(english.get_url_parts()[2], HTTP_HOST="en.localhost").content.decode()
    assert "Open fires are banned" in html and "草稿标题" not in html
    assert client.get(article.get_url_parts()[2], HTTP_HOST="www.localhost").content.decode().count("草稿标题") == 0

    # Unpublishing the English version leaves the Chinese one live.
    english.unpublish()
    article.refresh_from_db()
    assert article.live and not english.live


def test_the_sync_view_reports_the_source_out_of_date_for_editors(article, admin, client):
    translation = start_translation(article, "en", admin)
    translate_all(translation, lambda s: ENGLISH.get(s, s))
    save_target(translation, admin, publish=True)
    article.title = "关于开展2027年草原防火宣传月活动的通知"
    article.save_revision().publish()

    client.force_login(admin)
    url = f"/admin/localize/update/{translation.source.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, {"publish_translations": ""})
    assert response.status_code == 302
    total, done = translation.get_progress()
    assert done == total - 1  # the new title waits for a translation
    # the translation editor opens on the English page
    english = article.get_translation(Locale.objects.get(language_code="en"))
    assert client.get(f"/admin/pages/{english.pk}/edit/").status_code == 200


def test_a_disclosure_document_is_translated_into_english_and_mongolian(portal, admin, client):
    from disclosure.models import DisclosureDocumentPage

    document = DisclosureDocumentPage.objects.descendant_of(portal.root_page).live().filter(
        locale__language_code="zh-hans").first()
    for code, title in (("en", "Government Work Plan"), ("mn-mong", "ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠠᠵᠢᠯ ᠤᠨ ᠲᠥᠯᠥᠪᠯᠡᠭᠡ")):
        translation = start_translation(document, code, admin)
        translate_all(translation, lambda s, title=title: title if s == document.title else s)
        save_target(translation, admin, publish=True)
        version = document.get_translation(Locale.objects.get(language_code=code)).specific
        assert version.live and version.title == title
        # the catalogue metadata of the document comes along with the text
        assert (version.organisation, version.doc_number, version.publish_date) == (
            document.organisation, document.doc_number, document.publish_date)
    document.refresh_from_db()
    assert document.live


@pytest.mark.services
def test_hreflang_links_join_the_three_versions(portal, client):
    column = ColumnPage.objects.child_of(portal.root_page).get(slug="zwdt")
    html = client.get("/zwdt/", HTTP_HOST="www.localhost").content.decode()
    links = alternates(html)
    assert set(links) == {"zh-Hans", "en", "mn-Mong"}  # never bare "mn"
    assert links["zh-Hans"].startswith("http://www.localhost")
    assert links["en"].startswith("http://en.localhost") and links["mn-Mong"].startswith("http://mgl.localhost")
    # every version lists the same set, pointing back to the others
    for code, host in (("en", "en.localhost"), ("mn-Mong", "mgl.localhost")):
        path = re.sub(r"^https?://[^/]+", "", links[code])
        other = client.get(path, HTTP_HOST=host).content.decode()
        assert alternates(other) == links
        assert f'lang="{code}"' in other
    assert column.get_translations().count() == 2


def test_an_untranslated_page_has_no_alternate_and_the_switch_says_so(article, client):
    html = client.get(article.get_url_parts()[2], HTTP_HOST="www.localhost").content.decode()
    assert set(alternates(html)) == {"zh-Hans"}
    assert "untranslated/?lang=en" in html and "untranslated/?lang=mn-mong" in html
    # the notice says so in English on the English site (with 404: there is no such page)
    notice = client.get("/untranslated/?lang=en", HTTP_HOST="en.localhost")
    assert notice.status_code == 404
    assert 'lang="en"' in notice.content.decode()
    assert "not" in notice.content.decode().lower()
