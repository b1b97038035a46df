"""撤稿: a site's 签发 group takes a live page of its own site down at once, with a
reason in the audit log, and still cannot publish directly."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from cluster.models import ArticlePage, ColumnPage

from .admin_forms import ADMIN_HOST, edit_form

pytestmark = [pytest.mark.django_db]

REASON = "数据有误，待核实后重新发布"


def article_of(site):
    return ArticlePage.objects.live().descendant_of(site.root_page).order_by("pk").first()


def withdraw_url(page):
    return reverse("cluster_withdraw_page", args=[page.pk])


def public_status(client, page, host="fgw.localhost"):
    return client.get(page.url, HTTP_HOST=host).status_code


def refused(response):
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message.
    if response.status_code == 302:
        return "/withdraw/" not in response["Location"] and "/pages/" not in response["Location"]
    return response.status_code in (403, 404)


def withdraw_log(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action="cluster.withdraw")


def test_signer_withdraws_a_live_page_of_own_site(client, demo_user, fgw):
    article = article_of(fgw)
    url = article.url
    assert client.get(url, HTTP_HOST="fgw.localhost").status_code == 200
    client.force_login(demo_user("fgw_signer"))

    # the action is offered on the edit page (header and action menu) ...
    edit_html = client.get(f"/admin/pages/{article.pk}/edit/", **ADMIN_HOST).content.decode()
    assert withdraw_url(article) in edit_html
    # ... and on the column's listing ...
    listing = client.get(reverse("wagtailadmin_explore", args=[article.get_parent().pk]), **ADMIN_HOST)
    assert withdraw_url(article) in listing.content.decode()
    # ... and the confirmation page asks for a labelled reason
    page = client.get(withdraw_url(article), **ADMIN_HOST)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label class="w-field__label" for="id_reason"' in html
    assert "撤稿原因" in html

    response = client.post(withdraw_url(article), {"reason": REASON}, **ADMIN_HOST)
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    entry = withdraw_log(article).get()
    assert entry.user.username == "fgw_signer"
    assert entry.data["reason"] == REASON
    assert entry.comment == REASON
    assert client.get(url, HTTP_HOST="fgw.localhost").status_code == 404

    # the page's history in the admin shows who withdrew it and why
    history = client.get(reverse("wagtailadmin_pages:history", args=[article.pk]), **ADMIN_HOST).content.decode()
    assert "撤稿" in history and REASON in history


def test_reason_is_required(client, demo_user, fgw):
    article = article_of(fgw)
    client.force_login(demo_user("fgw_signer"))
    response = client.post(withdraw_url(article), {"reason": "   "}, **ADMIN_HOST)
    assert response.status_code == 200
    assert "请填写撤稿原因。" in response.content.decode()
    article.refresh_from_db()
    assert article.live
    assert not withdraw_log(article).exists()
    assert public_status(client, article) == 200


def test_signer_cannot_withdraw_another_sites_page(client, demo_user, jyj):
    article = article_of(jyj)
    client.force_login(demo_user("fgw_signer"))
    assert refused(client.get(withdraw_url(article), **ADMIN_HOST))
    assert refused(client.post(withdraw_url(article), {"reason": REASON}, **ADMIN_HOST))
    article.refresh_from_db()
    assert article.live
    assert not withdraw_log(article).exists()
    assert public_status(client, article, "jyj.localhost") == 200


@pytest.mark.parametrize("role", ["editor", "reviewer", "secrecy"])
def test_other_roles_cannot_withdraw(role, client, demo_user, fgw):
    article = article_of(fgw)
    client.force_login(demo_user(f"fgw_{role}"))
    edit_html = client.get(f"/admin/pages/{article.pk}/edit/", **ADMIN_HOST).content.decode()
    assert withdraw_url(article) not in edit_html
    assert refused(client.post(withdraw_url(article), {"reason": REASON}, **ADMIN_HOST))
    article.refresh_from_db()
    assert article.live
    assert public_status(client, article) == 200


def test_signer_may_take_the_column_down_with_its_articles(client, demo_user, fgw):
    column = ColumnPage.objects.child_of(fgw.root_page).get(slug="tzgg")
    articles = list(ArticlePage.objects.live().child_of(column))
    assert articles
    client.force_login(demo_user("fgw_signer"))
    html = client.get(withdraw_url(column), **ADMIN_HOST).content.decode()
    assert 'name="include_descendants"' in html
    response = client.post(withdraw_url(column), {"reason": REASON, "include_descendants": "on"}, **ADMIN_HOST)
    assert response.status_code == 302
    for article in articles:
        article.refresh_from_db()
        assert not article.live
        assert withdraw_log(article).get().data["reason"] == REASON
        assert public_status(client, article) == 404
    assert withdraw_log(column).get().user.username == "fgw_signer"


def test_without_the_checkbox_only_the_page_itself_goes(client, demo_user, fgw):
    column = ColumnPage.objects.child_of(fgw.root_page).get(slug="tzgg")
    article = ArticlePage.objects.live().child_of(column).first()
    client.force_login(demo_user("fgw_signer"))
    assert client.post(withdraw_url(column), {"reason": REASON}, **ADMIN_HOST).status_code == 302
    column.refresh_from_db()
    article.refresh_from_db()
    assert not column.live
    assert article.live and not withdraw_log(article).exists()


def test_signer_cannot_take_the_whole_site_down(client, demo_user, fgw):
    client.force_login(demo_user("fgw_signer"))
    assert refused(client.post(withdraw_url(fgw.root_page), {"reason": REASON}, **ADMIN_HOST))
    assert client.get("/", HTTP_HOST="fgw.localhost").status_code == 200


def test_after_withdrawing_the_signer_still_cannot_publish(client, demo_user, fgw):
    article = article_of(fgw)
    signer = demo_user("fgw_signer")
    client.force_login(signer)
    client.post(withdraw_url(article), {"reason": REASON}, **ADMIN_HOST)
    article.refresh_from_db()
    assert not article.permissions_for_user(signer).can_publish()
    data = edit_form(client, article, **{"action-publish": "action-publish"})
    assert client.post(f"/admin/pages/{article.pk}/edit/", data, **ADMIN_HOST).status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert public_status(client, article) == 404


def test_superuser_withdraws_with_a_reason_too(client, demo_user, fgw):
    article = article_of(fgw)
    client.force_login(demo_user("admin"))
    assert client.post(withdraw_url(article), {"reason": REASON}, **ADMIN_HOST).status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert withdraw_log(article).get().user.username == "admin"
