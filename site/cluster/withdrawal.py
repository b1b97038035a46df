"""撤稿: a site's 签发 group takes a live page of its own site down at once, with a reason.

No editorial group holds Wagtail's ``publish`` page permission (``cluster.provision``),
and Wagtail asks for that same permission to unpublish, so without this only a
superuser could take a wrong page down. Withdrawing is granted here, to the page's own
site's 签发 group, and grants nothing else: going live again still takes the review
workflow (初审 → 保密审查 → 签发).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page, Site

from .provision import group_name

SIGNER = "签发"
LOG_ACTION = "cluster.withdraw"
REASON_MAX_LENGTH = 500


def may_withdraw_on_site(user, page: Page) -> bool:
    """Whether the user may withdraw this page of its site, were it live: a superuser,
    or a member of the 签发 group of the site the page belongs to."""
    if not (user.is_authenticated and user.is_active):
        return False
    site = page.get_site()
    # The home page is the whole site: taking it down is not a 撤稿 but closing the
    # site, left to a superuser and Wagtail's own unpublish.
    if site is None or site.root_page_id == page.pk:
        return False
    return user.is_superuser or user.groups.filter(name=group_name(site, SIGNER)).exists()


def can_withdraw(user, page: Page) -> bool:
    return page.live and may_withdraw_on_site(user, page)


def live_descendants(page: Page):
    """The page's live descendants on its own site (not the tree of a site whose root
    happens to lie below it)."""
    descendants = page.get_descendants().live()
    nested_roots = Site.objects.filter(root_page__path__startswith=page.path).exclude(root_page=page)
    exclude = Q()
    for path in nested_roots.values_list("root_page__path", flat=True):
        exclude |= Q(path__startswith=path)
    return descendants.exclude(exclude) if exclude else descendants


@transaction.atomic
def withdraw_page(*, page: Page, user, reason: str, include_descendants: bool = False) -> list[Page]:
    """Unpublish the page (and, if asked, its live descendants) in the user's name and
    log ``cluster.withdraw`` with the reason on each. Returns the pages taken down."""
    if not can_withdraw(user, page):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("请填写撤稿原因。"))
    pages = [page.specific]
    if include_descendants:
        pages += list(live_descendants(page).specific())
    for target in pages:
        # Wagtail's check would ask for the publish permission the signer must not hold;
        # may_withdraw_on_site above is the check. Descendants are done one by one here
        # because Wagtail's include_descendants skips those the user cannot unpublish.
        UnpublishPageAction(target, user=user, log_action=False).execute(skip_permission_checks=True)
        data = {"reason": reason}
        if target.pk != page.pk:
            data.update(withdrawn_with={"id": page.pk, "title": page.title})
        log(instance=target, action=LOG_ACTION, user=user, data=data)
    return pages
