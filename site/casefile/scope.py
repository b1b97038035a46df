"""Who sees which cases: an officer the cases of the organisations whose sites
their groups work on; a supervisor (电子监察, the ``casefile.supervise_cases``
permission) and a superuser every organisation's."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import QuerySet
from wagtail.models import Site

from cluster.models import Organisation

SUPERVISE_PERMISSION = "casefile.supervise_cases"
SUPERVISOR_GROUP = "电子监察"


def is_supervisor(user) -> bool:
    return bool(user and user.is_active and (user.is_superuser or user.has_perm(SUPERVISE_PERMISSION)))


def officer_organisations(user) -> QuerySet[Organisation]:
    """The organisations whose cases ``user`` works: those of the sites on
    whose root page one of the user's groups holds permissions."""
    if is_supervisor(user):
        return Organisation.objects.all()
    sites = Site.objects.filter(root_page__group_permissions__group__user=user).distinct()
    return Organisation.objects.filter(site_profiles__site__in=sites).distinct()


def cases_for(model, user) -> QuerySet:
    """``model``'s cases that ``user`` sees (one query for the organisations
    first, so the queue's own query stays a plain indexed filter)."""
    qs = model._default_manager.all()
    if is_supervisor(user):
        return qs
    return qs.filter(organisation_id__in=list(officer_organisations(user).values_list("pk", flat=True)))


def ensure_supervisor_group(**kwargs) -> Group | None:
    """The 电子监察 group holds the supervision permission (run after migrate)."""
    perm = Permission.objects.filter(content_type__app_label="casefile", codename="supervise_cases").first()
    if perm is None:
        return None
    group, _created = Group.objects.get_or_create(name=SUPERVISOR_GROUP)
    group.permissions.add(perm)
    # supervisors read the admin's supervision views, so they may open the admin
    access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if access is not None:
        group.permissions.add(access)
    return group
