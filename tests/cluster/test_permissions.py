"""Editors work on their own site only, and cannot publish without review."""

import pytest
from wagtail.models import PageLogEntry

from cluster.models import ArticlePage

from .admin_forms import edit_form

pytestmark = [pytest.mark.django_db]


def article_of(site):
    return ArticlePage.objects.live().descendant_of(site.root_page).order_by("pk").first()


def test_editor_opens_own_sites_article(client, demo_user, fgw):
    client.force_login(demo_user("fgw_editor"))
    article = article_of(fgw)
    response = client.get(f"/admin/pages/{article.pk}/edit/", HTTP_HOST="www.localhost")
    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_editor_cannot_open_other_sites_article(client, demo_user, jyj):
    client.force_login(demo_user("fgw_editor"))
    article = article_of(jyj)
    response = client.get(f"/admin/pages/{article.pk}/edit/", HTTP_HOST="www.localhost")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert f"/admin/pages/{article.pk}/edit/" not in response["Location"]


def test_editor_explorer_refuses_other_site(client, demo_user, fgw, jyj):
    client.force_login(demo_user("fgw_editor"))
    own = client.get(f"/admin/pages/{fgw.root_page_id}/", HTTP_HOST="www.localhost")
    assert own.status_code == 200
    other = client.get(f"/admin/pages/{jyj.root_page_id}/", HTTP_HOST="www.localhost", follow=True)
    jyj_titles = list(ArticlePage.objects.descendant_of(jyj.root_page).values_list("title", flat=True))
    jyj_columns = [c.title for c in jyj.root_page.get_children()]
    if other.redirect_chain or other.status_code != 200:
        # refused or sent back to the pages this editor may explore
        final = other.request["PATH_INFO"]
        assert final != f"/admin/pages/{jyj.root_page_id}/"
    html = other.content.decode()
    assert f"/admin/pages/{jyj.root_page_id}/edit/" not in html
    for title in jyj_titles:
        assert title not in html
    assert jyj_columns  # the jyj site has columns to hide


def test_editor_may_edit_but_not_publish(demo_user, fgw):
    article = article_of(fgw)
    editor_perms = article.permissions_for_user(demo_user("fgw_editor"))
    assert editor_perms.can_edit()
    assert not editor_perms.can_publish()
    # not even 签发 publishes directly: only the workflow's last approval does (test_publishing)
    assert not article.permissions_for_user(demo_user("fgw_signer")).can_publish()
    assert not article.permissions_for_user(demo_user("jyj_signer")).can_publish()
    assert not article.permissions_for_user(demo_user("jyj_editor")).can_edit()


def test_editor_posting_publish_does_not_go_live(client, demo_user, fgw):
    client.force_login(demo_user("fgw_editor"))
    article = article_of(fgw)
    old_title, revisions = article.title, article.revisions.count()
    edit_url = f"/admin/pages/{article.pk}/edit/"
    html = client.get(edit_url, HTTP_HOST="www.localhost").content.decode()
    assert 'name="action-publish"' not in html
    # The whole form as the browser sends it, so that only the permission check
    # stands between this POST and publication (a superuser's identical POST
    # publishes: test_publishing.test_superusers_direct_publish_is_in_the_audit_log).
    data = edit_form(client, article, title="未经审核的标题", **{"action-publish": "action-publish"})
    response = client.post(edit_url, data, HTTP_HOST="www.localhost")
    assert response.status_code == 302  # saved, not re-shown with errors

    article.refresh_from_db()
    assert article.live and article.title == old_title
    assert article.revisions.count() == revisions + 1
    assert article.get_latest_revision().as_object().title == "未经审核的标题"
    assert not PageLogEntry.objects.filter(page_id=article.pk, action="wagtail.publish", user__username="fgw_editor").exists()
    public = client.get(article.url, HTTP_HOST="fgw.localhost").content.decode()
    assert old_title in public
    assert "未经审核的标题" not in public
