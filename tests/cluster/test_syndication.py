"""Publish once, show on many: an fgw article offered to and shown on the portal."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import PageLogEntry

from cluster import service
from cluster.models import ArticlePage, ColumnPage, Syndication

pytestmark = [pytest.mark.django_db, pytest.mark.services]

WWW = {"HTTP_HOST": "www.localhost"}


@pytest.fixture
def article(fgw):
    return ArticlePage.objects.live().descendant_of(fgw.root_page).order_by("pk").first()


@pytest.fixture
def zwdt(portal):
    return ColumnPage.objects.child_of(portal.root_page).get(slug="zwdt")


@pytest.fixture
def offer(article, portal, demo_user):
    [syndication] = service.offer_article(
        article=article, target_sites=[portal], user=demo_user("fgw_editor"), note="请门户采用"
    )
    return syndication


@pytest.fixture
def accepted(offer, zwdt, demo_user):
    return service.accept_syndication(syndication=offer, column=zwdt, user=demo_user("www_editor"))


def shared_path(article):
    return f"/zwdt/shared/{article.pk}/"


def test_offer_is_pending_and_logged(offer, article, client):
    assert offer.status == Syndication.Status.PENDING
    assert offer.requested_by.username == "fgw_editor"
    entry = PageLogEntry.objects.get(page_id=article.pk, action="cluster.syndication.offer")
    assert entry.user.username == "fgw_editor"
    assert entry.data == {"site": "www.localhost"}
    # not on the portal before someone there accepts it
    assert article.title not in client.get("/zwdt/", **WWW).content.decode()
    assert client.get(shared_path(article), **WWW).status_code == 404


def test_offering_to_own_site_or_unpublished_does_nothing(article, fgw, demo_user):
    editor = demo_user("fgw_editor")
    assert service.offer_article(article=article, target_sites=[fgw], user=editor) == []
    article.unpublish()
    article = ArticlePage.objects.get(pk=article.pk)
    with pytest.raises(ValidationError):
        service.offer_article(article=article, target_sites=[fgw], user=editor)


def test_other_sites_editor_cannot_offer(article, portal, demo_user):
    with pytest.raises(PermissionDenied):
        service.offer_article(article=article, target_sites=[portal], user=demo_user("jyj_editor"))
    assert not Syndication.objects.filter(article=article).exists()


def test_accepted_article_is_listed_and_served_on_portal(accepted, article, client):
    listing = client.get("/zwdt/", **WWW).content.decode()
    assert article.title in listing
    assert shared_path(article) in listing
    response = client.get(shared_path(article), **WWW)
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html
    assert '<link rel="canonical" href="http://fgw.localhost/' in html
    # and on the portal's home page block of that column
    assert shared_path(article) in client.get("/", **WWW).content.decode()
    # the accept decision is logged
    assert PageLogEntry.objects.filter(
        page_id=article.pk, action="cluster.syndication.accept", user__username="www_editor"
    ).exists()


def test_edit_of_original_shows_on_portal(accepted, article, client, demo_user):
    article.title = "发展改革委：重点项目申报截止时间延长"
    # only a superuser publishes without the review workflow (cluster.provision)
    article.save_revision(user=demo_user("admin")).publish(user=demo_user("admin"))
    assert "重点项目申报截止时间延长" in client.get(shared_path(article), **WWW).content.decode()
    assert "重点项目申报截止时间延长" in client.get("/zwdt/", **WWW).content.decode()


def test_unpublished_original_disappears_from_portal(accepted, article, client):
    title = article.title
    article.unpublish()
    assert client.get(shared_path(article), **WWW).status_code == 404
    assert title not in client.get("/zwdt/", **WWW).content.decode()
    assert shared_path(article) not in client.get("/", **WWW).content.decode()


def test_other_sites_editor_cannot_accept(offer, zwdt, demo_user):
    with pytest.raises(PermissionDenied):
        service.accept_syndication(syndication=offer, column=zwdt, user=demo_user("jyj_editor"))
    offer.refresh_from_db()
    assert offer.status == Syndication.Status.PENDING


def test_cannot_accept_into_another_sites_column(offer, jyj, demo_user):
    jyj_column = ColumnPage.objects.child_of(jyj.root_page).get(slug="zwdt")
    with pytest.raises(ValidationError):
        service.accept_syndication(syndication=offer, column=jyj_column, user=demo_user("www_editor"))


def test_decline(offer, article, demo_user, client):
    service.decline_syndication(syndication=offer, user=demo_user("www_editor"), note="与本站栏目定位不符")
    offer.refresh_from_db()
    assert offer.status == Syndication.Status.DECLINED
    assert offer.decided_by.username == "www_editor"
    assert offer.note == "与本站栏目定位不符"
    assert client.get(shared_path(article), **WWW).status_code == 404
    assert PageLogEntry.objects.filter(page_id=article.pk, action="cluster.syndication.decline").exists()
    # and it can be offered again
    [again] = service.offer_article(article=article, target_sites=[offer.target_site], user=demo_user("fgw_editor"))
    assert again.pk == offer.pk and again.status == Syndication.Status.PENDING


def test_jyj_editor_cannot_decline(offer, demo_user):
    with pytest.raises(PermissionDenied):
        service.decline_syndication(syndication=offer, user=demo_user("jyj_editor"))


# -- the admin views -----------------------------------------------------------


def test_admin_offer_view(client, article, portal, fgw, demo_user):
    client.force_login(demo_user("fgw_editor"))
    url = f"/admin/syndication/offer/{article.pk}/"
    response = client.get(url, **WWW)
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html
    assert f'value="{portal.pk}"' in html
    assert f'value="{fgw.pk}"' not in html  # not to its own site
    response = client.post(url, {"sites": [portal.pk], "note": "供门户参考"}, **WWW)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/admin/pages/{article.pk}/edit/")
    syndication = Syndication.objects.get(article=article, target_site=portal)
    assert syndication.note == "供门户参考"
    assert syndication.requested_by.username == "fgw_editor"


def test_admin_offer_view_refuses_other_sites_editor(client, article, portal, demo_user):
    client.force_login(demo_user("jyj_editor"))
    url = f"/admin/syndication/offer/{article.pk}/"
    assert client.get(url, **WWW).status_code in (302, 403)
    assert client.post(url, {"sites": [portal.pk]}, **WWW).status_code in (302, 403)
    assert not Syndication.objects.filter(article=article).exists()


def test_admin_inbox_and_accept(client, offer, article, zwdt, demo_user):
    client.force_login(demo_user("www_editor"))
    response = client.get("/admin/syndication/", **WWW)
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html and "请门户采用" in html
    assert f'value="{zwdt.pk}"' in html
    response = client.post(f"/admin/syndication/{offer.pk}/decide/", {"action": "accept", "column": zwdt.pk}, **WWW)
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == Syndication.Status.ACCEPTED and offer.column_id == zwdt.pk
    assert client.get(shared_path(article), **WWW).status_code == 200
    assert article.title not in client.get("/admin/syndication/", **WWW).content.decode()


def test_admin_inbox_of_other_site_is_empty(client, offer, article, zwdt, demo_user):
    client.force_login(demo_user("jyj_editor"))
    html = client.get("/admin/syndication/", **WWW).content.decode()
    assert article.title not in html
    response = client.post(f"/admin/syndication/{offer.pk}/decide/", {"action": "accept", "column": zwdt.pk}, **WWW)
    assert response.status_code in (302, 403)
    offer.refresh_from_db()
    assert offer.status == Syndication.Status.PENDING


def test_a_declined_offer_cannot_be_accepted_without_a_new_offer(fgw, portal, demo_user):
    from django.core.exceptions import ValidationError

    from cluster import service
    from cluster.models import ArticlePage, ColumnPage

    article = ArticlePage.objects.live().filter(url_path__startswith=fgw.root_page.url_path).first()
    [offer] = service.offer_article(article=article, target_sites=[portal], user=demo_user("fgw_editor"))
    service.decline_syndication(syndication=offer, user=demo_user("www_editor"))
    column = ColumnPage.objects.child_of(portal.root_page).get(slug="zwdt")
    with pytest.raises(ValidationError):
        service.accept_syndication(syndication=offer, column=column, user=demo_user("www_editor"))


def test_decide_with_a_malformed_column_is_a_404_not_a_500(client, fgw, portal, demo_user):
    from cluster import service
    from cluster.models import ArticlePage

    article = ArticlePage.objects.live().filter(url_path__startswith=fgw.root_page.url_path).first()
    [offer] = service.offer_article(article=article, target_sites=[portal], user=demo_user("fgw_editor"))
    client.force_login(demo_user("www_editor"))
    response = client.post(f"/admin/syndication/{offer.pk}/decide/", {"action": "accept", "column": "abc"})
    assert response.status_code == 404
