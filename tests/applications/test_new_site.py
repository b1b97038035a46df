"""A site added after the demo gets its 依申请公开 permissions without a manual step."""
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from cluster.models import HomePage
from cluster.provision import group_name


def test_new_site_groups_can_work_requests_and_signer_approves_extensions(db, django_capture_on_commit_callbacks):
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="示例旗人民政府", slug="new-county-site"))
    with django_capture_on_commit_callbacks(execute=True):
        site = Site.objects.create(
            hostname="new.localhost", port=80, root_page=home, site_name="示例旗人民政府"
        )

    editor = Group.objects.get(name=group_name(site, "编辑"))
    signer = Group.objects.get(name=group_name(site, "签发"))
    assert editor.permissions.filter(codename="change_disclosurerequest").exists()
    assert not editor.permissions.filter(codename="extend_disclosurerequest").exists()
    assert signer.permissions.filter(codename="extend_disclosurerequest").exists()
