"""Only the review workflow publishes: no editorial group may publish directly, the
last 签发 approval does, and a superuser's direct publish is in the audit log."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageLogEntry

from cluster.models import ArticlePage, ColumnPage
from cluster.provision import group_name, provision_site

from .admin_forms import ADMIN_HOST, edit_form, page_form

pytestmark = [pytest.mark.django_db]

NEW_TITLE = "关于2027年重点项目申报的补充通知（未经审核）"


def article_of(site):
    return ArticlePage.objects.live().descendant_of(site.root_page).order_by("pk").first()


def public_html(client, page):
    return client.get(page.url, HTTP_HOST="fgw.localhost").content.decode()


def publish_log(page, username):
    return PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish", user__username=username)


def grant_publish(group, page):
    permission = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


@pytest.mark.parametrize("role", ["editor", "reviewer", "secrecy", "signer"])
def test_no_editorial_group_may_publish_directly(role, demo_user, fgw):
    article = article_of(fgw)
    assert not article.permissions_for_user(demo_user(f"fgw_{role}")).can_publish()
    # nor any group anywhere, Wagtail's own "Moderators" included
    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").exists()


def test_signers_publish_post_only_saves_a_draft(client, demo_user, fgw):
    article = article_of(fgw)
    old_title, revisions = article.title, article.revisions.count()
    client.force_login(demo_user("fgw_signer"))
    html = client.get(f"/admin/pages/{article.pk}/edit/", **ADMIN_HOST).content.decode()
    assert 'name="action-publish"' not in html
    data = edit_form(client, article, title=NEW_TITLE, **{"action-publish": "action-publish"})
    response = client.post(f"/admin/pages/{article.pk}/edit/", data, **ADMIN_HOST)
    assert response.status_code == 302

    article.refresh_from_db()
    assert article.title == old_title  # the live page is unchanged
    assert article.has_unpublished_changes
    assert article.revisions.count() == revisions + 1  # the edit was valid and saved as a draft
    assert article.get_latest_revision().as_object().title == NEW_TITLE
    assert not publish_log(article, "fgw_signer").exists()
    assert NEW_TITLE not in public_html(client, article)


def test_signers_new_page_posted_with_publish_is_not_live(client, demo_user, fgw):
    column = ColumnPage.objects.child_of(fgw.root_page).get(slug="tzgg")
    client.force_login(demo_user("fgw_signer"))
    url = f"/admin/pages/add/cluster/articlepage/{column.pk}/"
    data = page_form(client, url, "page-edit-form", title=NEW_TITLE, slug="weijingshenhe",
                     **{"action-publish": "action-publish"})
    response = client.post(url, data, **ADMIN_HOST)
    assert response.status_code == 302
    page = ArticlePage.objects.child_of(column).get(slug="weijingshenhe")
    assert not page.live
    assert not publish_log(page, "fgw_signer").exists()
    assert client.get("/tzgg/weijingshenhe/", HTTP_HOST="fgw.localhost").status_code == 404


def test_submitted_page_goes_live_on_the_signers_final_approval(client, demo_user, fgw):
    article = article_of(fgw)
    client.force_login(demo_user("fgw_signer"))
    data = edit_form(client, article, title=NEW_TITLE, **{"action-submit": "action-submit"})
    assert client.post(f"/admin/pages/{article.pk}/edit/", data, **ADMIN_HOST).status_code == 302
    article.refresh_from_db()
    assert article.workflow_in_progress
    assert NEW_TITLE not in public_html(client, article)

    for username, step in (("fgw_reviewer", "初审"), ("fgw_secrecy", "保密审查"), ("fgw_signer", "签发")):
        page = ArticlePage.objects.get(pk=article.pk)
        assert not (page.live and page.title == NEW_TITLE), step
        task_state = page.current_workflow_task_state
        assert task_state.task.name.endswith(step)
        client.force_login(demo_user(username))
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
        assert client.post(url, {"comment": "同意"}, **ADMIN_HOST).status_code in (200, 302)
        task_state.refresh_from_db()
        assert task_state.status == task_state.STATUS_APPROVED, step

    page = ArticlePage.objects.get(pk=article.pk)
    assert page.live and page.title == NEW_TITLE and not page.workflow_in_progress
    assert publish_log(page, "fgw_signer").exists()
    assert NEW_TITLE in public_html(client, page)


def test_superusers_direct_publish_is_in_the_audit_log(client, demo_user, fgw):
    article = article_of(fgw)
    client.force_login(demo_user("admin"))
    data = edit_form(client, article, title=NEW_TITLE, **{"action-publish": "action-publish"})
    assert client.post(f"/admin/pages/{article.pk}/edit/", data, **ADMIN_HOST).status_code == 302
    article.refresh_from_db()
    assert article.live and article.title == NEW_TITLE
    assert publish_log(article, "admin").exists()
    assert NEW_TITLE in public_html(client, article)


def test_reprovisioning_takes_back_direct_publishing(demo_user, fgw):
    """A site provisioned by an earlier version still has a publishing 签发 group."""
    article = article_of(fgw)
    grant_publish(Group.objects.get(name=group_name(fgw, "签发")), fgw.root_page)
    grant_publish(Group.objects.get(name="Moderators"), fgw.root_page.get_parent())
    assert article.permissions_for_user(demo_user("fgw_signer")).can_publish()
    provision_site(fgw)
    assert not article.permissions_for_user(demo_user("fgw_signer")).can_publish()
    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").exists()


def test_migration_takes_back_direct_publishing(demo_user, fgw):
    migration = importlib.import_module("cluster.migrations.0003_withhold_direct_publishing")
    article = article_of(fgw)
    grant_publish(Group.objects.get(name=group_name(fgw, "签发")), fgw.root_page)
    assert article.permissions_for_user(demo_user("fgw_signer")).can_publish()
    migration.withhold(apps, None)
    assert not article.permissions_for_user(demo_user("fgw_signer")).can_publish()
