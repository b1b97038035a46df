"""Domain functions of the cluster that other apps and the admin views call."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, Site

from .models import ArticlePage, ColumnPage, SiteProfile, Syndication
from .sites import public_root_url


@dataclass
class SiteEntry:
    site: Site
    name: str
    url: str
    columns: list


def cluster_map() -> list[SiteEntry]:
    """Every site with its top-level columns, for the cluster site map."""
    sites = Site.objects.select_related("root_page").order_by("-is_default_site", "hostname")
    profiles = {p.site_id: p for p in SiteProfile.objects.filter(site__in=sites)}
    entries = []
    for site in sites:
        profile = profiles.get(site.pk)
        columns = list(site.root_page.get_children().live().public().in_menu().type(ColumnPage))
        name = (profile.site_name if profile else "") or site.site_name or site.hostname
        entries.append(SiteEntry(site, name, public_root_url(site) + "/", columns))
    return entries


def site_of_page(page: Page) -> Site | None:
    return page.get_site()


def user_can_edit_site(user, site: Site) -> bool:
    """Whether a user may edit pages of a site (its root page)."""
    return site.root_page.permissions_for_user(user).can_edit()


def offer_article(*, article: ArticlePage, target_sites: list[Site], user, note: str = "") -> list[Syndication]:
    """Push a live article to other sites of the cluster, whose editors decide."""
    if not article.live:
        raise ValidationError(_("只有已发布的文章才能报送到其他网站。"))
    if not article.permissions_for_user(user).can_edit():
        raise PermissionDenied
    own_site = article.get_site()
    created = []
    with transaction.atomic():
        for site in target_sites:
            if own_site and site.pk == own_site.pk:
                continue
            syndication, was_created = Syndication.objects.get_or_create(
                article=article, target_site=site, defaults={"requested_by": user, "note": note}
            )
            if not was_created and syndication.status in (Syndication.Status.DECLINED, Syndication.Status.WITHDRAWN):
                syndication.status = Syndication.Status.PENDING
                syndication.requested_by = user
                syndication.note = note
                syndication.decided_by = None
                syndication.decided_at = None
                syndication.save()
                was_created = True
            if was_created:
                created.append(syndication)
                log(instance=article, action="cluster.syndication.offer", user=user, data={"site": site.hostname})
    return created


def accept_syndication(*, syndication: Syndication, column: ColumnPage, user) -> Syndication:
    site = syndication.target_site
    if syndication.status != Syndication.Status.PENDING:
        raise ValidationError(_("这条报送已处理，不能再次采用。"))
    if not column.url_path.startswith(site.root_page.url_path):
        raise ValidationError(_("只能采用到本网站的栏目。"))
    if not user_can_edit_site(user, site):
        raise PermissionDenied
    with transaction.atomic():
        syndication.column = column
        syndication.status = Syndication.Status.ACCEPTED
        syndication.decided_by = user
        syndication.decided_at = timezone.now()
        syndication.save()
        log(
            instance=syndication.article,
            action="cluster.syndication.accept",
            user=user,
            data={"site": site.hostname, "column": column.title},
        )
    return syndication


def decline_syndication(*, syndication: Syndication, user, note: str = "") -> Syndication:
    if not user_can_edit_site(user, syndication.target_site):
        raise PermissionDenied
    with transaction.atomic():
        syndication.status = Syndication.Status.DECLINED
        syndication.column = None
        syndication.decided_by = user
        syndication.decided_at = timezone.now()
        syndication.note = note or syndication.note
        syndication.save()
        log(
            instance=syndication.article,
            action="cluster.syndication.decline",
            user=user,
            data={"site": syndication.target_site.hostname},
        )
    return syndication


def pending_for_user(user):
    """Offers waiting for a decision on the sites this user edits."""
    sites = [s for s in Site.objects.select_related("root_page") if user_can_edit_site(user, s)]
    return (
        Syndication.objects.filter(status=Syndication.Status.PENDING, target_site__in=sites)
        .select_related("article", "target_site", "requested_by")
        .order_by("-requested_at")
    )
