"""Give a site of the cluster its editors, reviewers and review workflow.

Every site gets four groups scoped to its own page tree and its own collection of
images and documents, and a workflow 初审 → 保密审查 → 签发 on its root page, so
nothing goes public without review. No group may publish directly (only a superuser
may, and Wagtail logs it as ``wagtail.publish``): the workflow's last approval
publishes (see ``cluster.workflows``). Re-running it changes nothing, except to take
back a direct publish permission an earlier version or an administrator granted.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.dispatch import Signal
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

# The role that manages the site itself: its profile (footer records, theme, contacts).
SITE_MANAGER = "签发"

# role -> page permissions on the site's tree. None has publish_page: a signer who
# held it could publish past 初审 and 保密审查, which the law forbids.
ROLES: dict[str, tuple[str, ...]] = {
    "编辑": ("add_page", "change_page"),
    "初审": ("add_page", "change_page"),
    "保密审查": ("change_page",),
    "签发": ("add_page", "change_page", "lock_page", "unlock_page"),
}
# Page permissions no group may hold anywhere in the tree.
WITHHELD_PAGE_PERMISSIONS = ("publish_page",)
REVIEW_STEPS = ("初审", "保密审查", "签发")
COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)


@dataclass
class SiteStaff:
    groups: dict[str, Group]
    workflow: Workflow
    collection: Collection


def site_label(site: Site) -> str:
    return site.site_name or site.hostname


def group_name(site: Site, role: str) -> str:
    return f"{site_label(site)}·{role}"


# Sent once a site's groups exist, so domain apps grant their own permissions
# to them (e.g. the 依申请公开 queue) without cluster knowing those apps.
site_provisioned = Signal()


def withhold_direct_publishing() -> int:
    """Take publish_page from every group on every page (the site groups of earlier
    versions, Wagtail's own "Moderators" on the root), so only the workflow and
    superusers publish. Returns how many grants were removed."""
    deleted, _ = GroupPagePermission.objects.filter(
        permission__content_type__app_label="wagtailcore", permission__codename__in=WITHHELD_PAGE_PERMISSIONS
    ).delete()
    return deleted


@transaction.atomic
def provision_site(site: Site) -> SiteStaff:
    label = site_label(site)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    root_collection = Collection.get_first_root_node()
    collection = root_collection.get_children().filter(name=label).first()
    if collection is None:
        collection = root_collection.add_child(name=label)

    groups: dict[str, Group] = {}
    for role, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name(site, role))
        group.permissions.add(admin_access)
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=site.root_page, permission=permission)
        for app_label, codename in COLLECTION_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
        if role == SITE_MANAGER:
            profile_permission = Permission.objects.get(content_type__app_label="cluster", codename="change_siteprofile")
            GroupSitePermission.objects.get_or_create(group=group, site=site, permission=profile_permission)
        groups[role] = group

    workflow, _ = Workflow.objects.get_or_create(name=f"{label}·审核发布")
    for order, step in enumerate(REVIEW_STEPS):
        task_name = f"{label}·{step}"
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name)
        task.groups.set([groups[step]])
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    WorkflowPage.objects.update_or_create(page=site.root_page, defaults={"workflow": workflow})
    withhold_direct_publishing()
    site_provisioned.send(sender=Site, site=site, groups=groups)
    return SiteStaff(groups, workflow, collection)
