"""来信选登 as static files: addresses that are not Wagtail pages, registered by
interaction (interaction/static_pages.py) in staticpub.registry. Approving a
letter's masked version writes its page and the listings showing it within the
queue drain; withdrawing it removes the page; the tamper check and the full
rebuild cover the letters like pages; forms stay dynamic."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from cluster.models import Organisation
from interaction import service
from interaction.models import Letter, Mailbox
from staticpub import registry
from staticpub import service as staticpub
from staticpub.models import PublishedFile, TamperEvent

pytestmark = [pytest.mark.django_db]

WWW, MGL = "www.localhost", "mgl.localhost"
CITY = "11150100MB0000001A"
LISTING = "/hudong/xuandeng/"


@pytest.fixture
def admin(db):
    cache.clear()  # rate limits and the sensitive-word list live in the cache
    return get_user_model().objects.get(username="admin")


@pytest.fixture
def mayor(db) -> Mailbox:
    return Mailbox.objects.get(name="市长信箱")


@pytest.fixture
def live(settings, tmp_path, admin):
    """The letters' addresses on two hosts written (the pages of the sites are not needed here)."""
    settings.STATIC_PUBLISH_ROOT = str(tmp_path / "published")
    staticpub.refresh(registry.addresses(hosts=[WWW, MGL]))
    return tmp_path / "published" / "live"


def answered_letter(mayor, admin, subject="夜间施工噪音扰民") -> Letter:
    """A letter answered with publication asked for: its masked version waits for approval."""
    letter = service.submit_letter(
        mailbox=mayor, kind="complain", subject=subject, publish_allowed=True,
        content="我叫赵大勇，电话13900001111，住光明路5号，工地夜里施工。",
        writer={"name": "赵大勇", "phone": "13900001111", "address": "光明路5号"}).letter
    service.route(letter, user=admin, departments=[Organisation.objects.get(code=CITY)])
    service.draft_reply(letter, user=admin, text="已责令工地停止夜间施工。")
    service.approve_reply(letter, user=admin, publish=True)
    letter.refresh_from_db()
    return letter


def publish(letter, admin, capture) -> None:
    with capture(execute=True):
        service.approve_publication(letter, user=admin, subject=letter.public_subject,
                                    content=letter.public_content + "（审核人补充）", reply=letter.public_reply)


def page(live, host: str, path: str):
    return live / host / path.strip("/") / "index.html"


def text(path) -> str:
    return path.read_text(encoding="utf-8")


def test_publishing_a_letter_writes_its_page_and_updates_the_listings(live, mayor, admin,
                                                                     django_capture_on_commit_callbacks):
    letter = answered_letter(mayor, admin)
    detail = f"/hudong/xuandeng/{letter.receipt_number}/"
    mailbox_listing = f"/hudong/xuandeng/xinxiang/{mayor.pk}/"
    assert letter.receipt_number not in text(page(live, WWW, LISTING))  # pending: not public yet
    assert not page(live, WWW, detail).exists()

    publish(letter, admin, django_capture_on_commit_callbacks)

    for host in (WWW, MGL):  # every site serves 来信选登, each in its own language and theme
        written = text(page(live, host, detail))
        assert "审核人补充" in written and 'class="masked"' in written  # the hidden parts marked
        assert "13900001111" not in written and "大勇" not in written and "光明路5号" not in written
        assert letter.receipt_number in text(page(live, host, LISTING))
        assert letter.receipt_number in text(page(live, host, mailbox_listing))
    # the file is what Django serves, and the manifest knows it
    served = staticpub.render(WWW, detail)[0]
    assert page(live, WWW, detail).read_bytes() == served
    assert PublishedFile.objects.get(host=WWW, path=detail).sha256 == staticpub.digest(served)


def test_withdrawing_a_letter_removes_its_page_and_updates_the_listings(live, mayor, admin,
                                                                        django_capture_on_commit_callbacks):
    letter = answered_letter(mayor, admin)
    publish(letter, admin, django_capture_on_commit_callbacks)
    detail = f"/hudong/xuandeng/{letter.receipt_number}/"
    assert page(live, WWW, detail).exists()

    with django_capture_on_commit_callbacks(execute=True):
        service.withdraw_publication(letter, user=admin, reason="来信人要求撤下")

    for host in (WWW, MGL):
        assert not page(live, host, detail).exists()
        assert letter.receipt_number not in text(page(live, host, LISTING))
        assert letter.receipt_number not in text(page(live, host, f"/hudong/xuandeng/xinxiang/{mayor.pk}/"))
    assert not PublishedFile.objects.filter(path=detail).exists()


def test_a_published_letter_handled_again_leaves_until_its_new_answer_is_approved(
        live, mayor, admin, django_capture_on_commit_callbacks):
    letter = answered_letter(mayor, admin)
    publish(letter, admin, django_capture_on_commit_callbacks)
    detail = page(live, WWW, f"/hudong/xuandeng/{letter.receipt_number}/")
    assert detail.exists()
    # the writer is unsatisfied; the new answer is approved with a fresh masked version, pending review
    service.rate(letter, rating="unsatisfied")
    service.rehandle(letter, reason="噪音仍然存在")
    service.draft_reply(letter, user=admin, text="已再次核查并处罚施工单位。")
    with django_capture_on_commit_callbacks(execute=True):
        service.approve_reply(letter, user=admin, publish=True)

    assert not detail.exists()
    assert letter.receipt_number not in text(page(live, WWW, LISTING))


def test_a_mailbox_taken_off_the_listing_leaves_the_static_tree(live, mayor, admin,
                                                                django_capture_on_commit_callbacks):
    letter = answered_letter(mayor, admin)
    publish(letter, admin, django_capture_on_commit_callbacks)
    listing = f"/hudong/xuandeng/xinxiang/{mayor.pk}/"
    assert page(live, WWW, listing).exists()

    mayor.public_listing = False
    with django_capture_on_commit_callbacks(execute=True):
        mayor.save()

    assert not page(live, WWW, listing).exists()
    assert not page(live, WWW, f"/hudong/xuandeng/{letter.receipt_number}/").exists()
    assert letter.receipt_number not in text(page(live, WWW, LISTING))


def test_an_edited_letter_file_is_restored_and_reported(live, mayor, admin, django_capture_on_commit_callbacks):
    letter = answered_letter(mayor, admin)
    publish(letter, admin, django_capture_on_commit_callbacks)
    detail = f"/hudong/xuandeng/{letter.receipt_number}/"
    target = page(live, WWW, detail)
    original = target.read_bytes()
    target.write_text("<html><body>答复内容被篡改</body></html>", encoding="utf-8")
    listing = page(live, MGL, LISTING)
    listing.unlink()

    events = staticpub.check_tampering()

    assert target.read_bytes() == original and listing.exists()
    assert {(e.host, e.path, e.kind) for e in events} == {(WWW, detail, "changed"), (MGL, LISTING, "removed")}
    kept = TamperEvent.objects.get(kind="changed").quarantined_as
    assert "答复内容被篡改" in open(kept, encoding="utf-8").read()
    assert staticpub.check_tampering() == []


def test_the_full_rebuild_writes_every_published_letter_on_every_site(settings, tmp_path):
    settings.STATIC_PUBLISH_ROOT = str(tmp_path / "published")
    published = list(Letter.objects.filter(publication="published", mailbox__public_listing=True))
    hidden = Letter.objects.exclude(publication="published").exclude(receipt_number="").first()
    assert published and hidden is not None

    staticpub.rebuild()

    live = tmp_path / "published" / "live"
    for host in (WWW, MGL, "fgw.localhost"):
        listing = text(page(live, host, LISTING))
        for letter in published:
            assert letter.receipt_number in listing
            assert page(live, host, f"/hudong/xuandeng/{letter.receipt_number}/").exists()
        assert not page(live, host, f"/hudong/xuandeng/{hidden.receipt_number}/").exists()
    assert PublishedFile.objects.filter(host=WWW, path=LISTING).exists()


def test_a_new_site_gets_the_published_letters(live, django_capture_on_commit_callbacks):
    from wagtail.models import Page, Site

    from cluster.models import HomePage

    home = Page.get_first_root_node().add_child(instance=HomePage(title="示例旗人民政府", slug="static-new-site"))
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="new.localhost", port=80, root_page=home, site_name="示例旗人民政府")

    letter = Letter.objects.filter(publication="published", mailbox__public_listing=True).first()
    assert letter.receipt_number in text(page(live, "new.localhost", LISTING))
    assert page(live, "new.localhost", f"/hudong/xuandeng/{letter.receipt_number}/").exists()


def test_forms_and_queries_stay_dynamic(live):
    for path in ("/hudong/xie/", "/hudong/chaxun/"):
        assert staticpub.render(WWW, path) is None  # a CSRF token: never a file
        assert not page(live, WWW, path).exists()
    assert page(live, WWW, LISTING).exists() and page(live, WWW, "/hudong/").exists()
    assert not PublishedFile.objects.filter(path__startswith="/hudong/chaxun/").exists()
    assert not PublishedFile.objects.filter(path__contains="?").exists()


def test_renaming_the_answering_organisation_rewrites_the_letter_pages(live, mayor, admin,
                                                                       django_capture_on_commit_callbacks):
    letter = answered_letter(mayor, admin)
    publish(letter, admin, django_capture_on_commit_callbacks)
    detail = page(live, WWW, f"/hudong/xuandeng/{letter.receipt_number}/")
    organisation = Organisation.objects.get(code=CITY)
    assert organisation.name in text(detail)

    organisation.name = "敕勒川市人民政府（更名测试）"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()

    assert "敕勒川市人民政府（更名测试）" in text(detail)
    assert "敕勒川市人民政府（更名测试）" in text(page(live, WWW, LISTING))


def test_saving_an_organisation_without_a_new_name_rewrites_nothing(live, mayor, admin,
                                                                    django_capture_on_commit_callbacks):
    from staticpub.models import PendingChange

    organisation = Organisation.objects.get(code=CITY)
    organisation.save()
    assert not PendingChange.objects.exists()
