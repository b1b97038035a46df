"""The demo loader can run again without changing anything, and provisions every site."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site, WorkflowPage

from cluster.models import ClusterDocument, Organisation, SiteProfile, Syndication
from cluster.provision import ROLES, group_name

pytestmark = [pytest.mark.django_db]


def counts():
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "organisations": Organisation.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "documents": ClusterDocument.objects.count(),
        "revisions": sum(p.revisions.count() for p in Page.objects.all()),
        "syndications": Syndication.objects.count(),
    }


def test_loading_again_changes_nothing():
    before = counts()
    call_command("load_demo", articles=3, verbosity=0)
    assert counts() == before


def test_every_site_is_provisioned():
    sites = list(Site.objects.select_related("root_page"))
    assert {"www.localhost", "fgw.localhost", "jyj.localhost", "byhq.localhost", "en.localhost"} <= {
        s.hostname for s in sites
    }
    User = get_user_model()
    for site in sites:
        assert SiteProfile.objects.filter(site=site).exists(), site
        workflow = WorkflowPage.objects.get(page=site.root_page).workflow
        assert [t.name.split("·")[-1] for t in workflow.tasks] == ["初审", "保密审查", "签发"], site
        assert site.root_page.get_workflow() == workflow
        assert Group.objects.filter(name__in=[group_name(site, role) for role in ROLES]).count() == 4, site
        prefix = site.hostname.split(".")[0]
        for role, suffix in (("编辑", "editor"), ("初审", "reviewer"), ("保密审查", "secrecy"), ("签发", "signer")):
            user = User.objects.get(username=f"{prefix}_{suffix}")
            assert user.groups.filter(name=group_name(site, role)).exists(), user
