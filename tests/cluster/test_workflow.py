"""Nothing goes public without 初审 → 保密审查 → 签发, each by its own site's staff."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from cluster.models import ArticlePage

pytestmark = [pytest.mark.django_db, pytest.mark.services]

NEW_TITLE = "关于2027年重点项目申报的补充通知（修订稿）"


@pytest.fixture
def submitted(fgw, demo_user):
    """An fgw article whose new title the fgw editor saved and submitted for review."""
    editor = demo_user("fgw_editor")
    article = ArticlePage.objects.live().descendant_of(fgw.root_page).order_by("pk").first()
    old_title = article.title
    article.title = NEW_TITLE
    revision = article.save_revision(user=editor)
    workflow = article.get_workflow()
    assert workflow is not None and workflow.name == "敕勒川市发展和改革委员会·审核发布"
    workflow.start(article, editor)
    article = ArticlePage.objects.get(pk=article.pk)
    return article, old_title, revision


def approve(article, username, demo_user):
    page = ArticlePage.objects.get(pk=article.pk)
    task_state = page.current_workflow_task_state
    assert task_state is not None
    user = demo_user(username)
    assert "approve" in [name for name, *_ in task_state.task.specific.get_actions(page, user)]
    task_state.task.specific.on_action(task_state, user, "approve")


def assert_public_title(client, article, title, present):
    html = client.get(article.url, HTTP_HOST="fgw.localhost").content.decode()
    assert (title in html) is present


def test_three_approvals_in_order_publish(client, submitted, demo_user):
    article, old_title, _ = submitted
    assert article.live
    assert article.title == old_title  # the live page keeps the published title
    assert_public_title(client, article, NEW_TITLE, False)

    steps = [("fgw_reviewer", "初审"), ("fgw_secrecy", "保密审查"), ("fgw_signer", "签发")]
    for position, (username, step) in enumerate(steps):
        page = ArticlePage.objects.get(pk=article.pk)
        assert page.current_workflow_task.name.endswith(step)
        # only this step's group may act now
        for other, _ in steps:
            if other != username:
                actions = page.current_workflow_task.specific.get_actions(page, demo_user(other))
                assert actions == []
        approve(article, username, demo_user)
        if position < len(steps) - 1:
            assert_public_title(client, article, NEW_TITLE, False)

    page = ArticlePage.objects.get(pk=article.pk)
    assert page.live and page.title == NEW_TITLE
    assert page.current_workflow_task_state is None
    assert_public_title(client, article, NEW_TITLE, True)


def test_editor_cannot_approve_own_submission(submitted, demo_user):
    article, _, _ = submitted
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.current_workflow_task.specific.get_actions(page, demo_user("fgw_editor")) == []


def test_other_sites_reviewer_cannot_approve(submitted, demo_user):
    article, _, _ = submitted
    page = ArticlePage.objects.get(pk=article.pk)
    task = page.current_workflow_task.specific
    jyj_reviewer = demo_user("jyj_reviewer")
    assert task.get_actions(page, jyj_reviewer) == []
    assert not task.user_can_access_editor(page, jyj_reviewer)
    assert task.get_actions(page, demo_user("fgw_reviewer")) != []


def test_other_sites_reviewer_cannot_use_the_admin_action(client, submitted, demo_user):
    article, _, _ = submitted
    page = ArticlePage.objects.get(pk=article.pk)
    task_state = page.current_workflow_task_state
    client.force_login(demo_user("jyj_reviewer"))
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url, {}, HTTP_HOST="www.localhost")
    assert response.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS


def test_reviewer_approves_through_admin(client, submitted, demo_user):
    article, _, _ = submitted
    page = ArticlePage.objects.get(pk=article.pk)
    task_state = page.current_workflow_task_state
    client.force_login(demo_user("fgw_reviewer"))
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": "同意"}, HTTP_HOST="www.localhost")
    assert response.status_code in (200, 302)
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_APPROVED
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.current_workflow_task.name.endswith("保密审查")


def test_audit_log_records_who_did_what(submitted, demo_user):
    article, _, _ = submitted
    for username in ("fgw_reviewer", "fgw_secrecy", "fgw_signer"):
        approve(article, username, demo_user)
    entries = PageLogEntry.objects.filter(page_id=article.pk)
    by_action = {}
    for entry in entries:
        by_action.setdefault(entry.action, []).append(entry.user.username if entry.user else None)
    assert "fgw_editor" in by_action["wagtail.workflow.start"]
    approvers = by_action["wagtail.workflow.approve"]
    assert {"fgw_reviewer", "fgw_secrecy", "fgw_signer"} <= set(approvers)
    assert "fgw_signer" in by_action["wagtail.publish"]
