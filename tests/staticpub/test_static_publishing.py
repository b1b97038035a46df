"""静态发布: approved pages are written as files per host, with every page that
shows them; unpublished ones disappear everywhere; per-reader pages never become
files; the full rebuild writes beside the live tree; a file changed on disk
outside publishing is restored and the site's managers are told."""

import pytest

from cluster.models import ArticlePage, ColumnPage
from cluster.withdrawal import withdraw_page
from notify.models import Outbox
from staticpub import service
from staticpub.models import PublishedFile, TamperEvent

pytestmark = [pytest.mark.django_db]

HOST = "fgw.localhost"


@pytest.fixture
def published(settings, tmp_path, fgw):
    """One site's pages published (the full rebuild of all six has its own test)."""
    settings.STATIC_PUBLISH_ROOT = str(tmp_path / "published")
    service.refresh(service.all_addresses(hosts=[HOST]))
    return tmp_path / "published" / "live" / HOST


def article_of(site) -> ArticlePage:
    return ArticlePage.objects.live().descendant_of(site.root_page).order_by("pk").first()


def approve_new_title(article, title, signer, capture):
    """What the last approval does (cluster.workflows.publish_approved)."""
    article.title = title
    revision = article.save_revision(user=signer)
    with capture(execute=True):
        revision.publish(user=signer, skip_permission_checks=True)


def at(page) -> str:
    """The page's path on its own site (``url`` is absolute in a cluster)."""
    return page.get_url_parts()[2]


def text(path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_rebuild_writes_every_site_and_page(settings, tmp_path, fgw):
    settings.STATIC_PUBLISH_ROOT = str(tmp_path / "published")
    before = service.live_dir()
    (before / "stale.html").write_text("old tree")
    service.rebuild()
    live = tmp_path / "published" / "live"
    published = live / HOST
    # written beside the old tree, then switched to; the old tree is gone
    assert live.resolve() != before and not before.exists()
    hosts = {p.name for p in live.iterdir()}
    assert {"www.localhost", "fgw.localhost", "en.localhost", "mgl.localhost"} <= hosts
    article = article_of(fgw)
    assert article.title in text(published / at(article).strip("/") / "index.html")
    assert (published / "index.html").exists() and (published / "sitemap.xml").exists()
    column = ColumnPage.objects.child_of(fgw.root_page).filter(slug="news").first() or article.get_parent()
    rss = published / at(column).strip("/") / "feed" / "rss" / "index.rss"
    assert rss.exists() and rss.read_bytes().lstrip().startswith(b"<?xml")
    # the manifest holds each file's hash
    row = PublishedFile.objects.get(host=HOST, path=at(article))
    assert row.sha256 == service.digest((published / at(article).strip("/") / "index.html").read_bytes())


def test_forms_and_search_stay_dynamic(published):
    # the 依申请公开 form carries a CSRF token; search results differ per query
    assert service.render(HOST, "/yisqgk/") is None
    assert not (published / "yisqgk" / "index.html").exists()
    assert not PublishedFile.objects.filter(path__startswith="/yisqgk/").exists()
    assert not PublishedFile.objects.filter(path__contains="?").exists()


def test_an_approved_change_reaches_the_article_its_column_and_the_home_page(published, fgw, demo_user,
                                                                              django_capture_on_commit_callbacks):
    article = article_of(fgw)
    home = published / "index.html"
    shown_on_home = article.title in text(home)
    title = "关于静态发布测试的补充通知（修订稿）"
    approve_new_title(article, title, demo_user("fgw_signer"), django_capture_on_commit_callbacks)
    assert title in text(published / at(article).strip("/") / "index.html")
    assert title in text(published / at(article.get_parent()).strip("/") / "index.html")
    # the home page lists the newest articles: where it showed the old title it shows the new one
    assert (title in text(home)) is shown_on_home


def test_unpublishing_removes_the_page_everywhere(published, fgw, demo_user, django_capture_on_commit_callbacks):
    article = article_of(fgw)
    page_file = published / at(article).strip("/") / "index.html"
    column_file = published / at(article.get_parent()).strip("/") / "index.html"
    assert page_file.exists() and article.title in text(column_file)
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_page(page=article, user=demo_user("fgw_signer"), reason="内容已过时")
    assert not page_file.exists()
    assert article.title not in text(column_file)
    assert not PublishedFile.objects.filter(host=HOST, path=at(article)).exists()


def test_deleting_a_column_removes_it_and_its_articles(published, fgw, django_capture_on_commit_callbacks):
    article = article_of(fgw)
    column = article.get_parent().specific
    column_path, article_path = at(column), at(article)
    column_dir = published / column_path.strip("/")
    assert (column_dir / "index.html").exists()
    with django_capture_on_commit_callbacks(execute=True):
        column.delete()
    assert not (column_dir / "index.html").exists()
    assert not (published / article_path.strip("/") / "index.html").exists()
    assert not PublishedFile.objects.filter(host=HOST, path__startswith=column_path).exists()


def test_a_file_edited_by_hand_is_restored_and_reported(published, fgw, demo_user):
    user = demo_user("fgw_signer")
    user.email = "signer@fgw.example.gov.cn"
    user.save()
    article = article_of(fgw)
    page_file = published / at(article).strip("/") / "index.html"
    original = page_file.read_bytes()
    page_file.write_text("<html><body>被篡改的页面</body></html>", encoding="utf-8")
    home = published / "index.html"
    home.unlink()
    intruder = published / "hacked.html"
    intruder.write_text("<script>alert(1)</script>", encoding="utf-8")

    events = service.check_tampering()

    assert page_file.read_bytes() == original
    assert home.exists()
    assert not intruder.exists()
    kinds = {(e.path, e.kind) for e in TamperEvent.objects.all()}
    assert (at(article), "changed") in kinds and ("/", "removed") in kinds and ("/hacked.html", "added") in kinds
    assert len(events) == 3
    # the altered bytes are kept for the investigation, outside the served tree
    kept = TamperEvent.objects.get(kind="changed").quarantined_as
    assert "被篡改的页面" in open(kept, encoding="utf-8").read()
    mail = Outbox.objects.filter(template="staticpub.tampered", recipient=user.email)
    assert mail.exists() and at(article) in mail.first().params["changes"]
    # a second check finds nothing: the tree matches the manifest again
    assert service.check_tampering() == []


def test_addresses_that_would_leave_the_tree_are_refused(tmp_path):
    assert service.file_for(tmp_path, HOST, "/../../etc/passwd") is None
    assert service.file_for(tmp_path, "../x", "/") is None
    assert service.file_for(tmp_path, HOST, "/a/b/") == tmp_path / HOST / "a" / "b" / "index.html"


def test_renaming_an_organisation_rewrites_the_pages_that_name_it(published, fgw,
                                                                   django_capture_on_commit_callbacks):
    from cluster.models import Organisation

    article = article_of(fgw)
    organisation = Organisation.objects.filter(code__isnull=False).order_by("pk").first()
    article.source_organisation = organisation
    article.save_revision().publish()
    service.refresh(service.affected_by(article))
    page_file = published / at(article).strip("/") / "index.html"
    column_file = published / at(article.get_parent()).strip("/") / "index.html"
    assert organisation.name in text(page_file)

    organisation.name = "敕勒川市静态发布测试局"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()

    # the article and the column listing it name the organisation as it is called now
    assert "敕勒川市静态发布测试局" in text(page_file)
    assert "敕勒川市静态发布测试局" in text(column_file)
