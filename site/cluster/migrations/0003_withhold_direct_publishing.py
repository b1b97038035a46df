"""Existing sites: take the publish permission back from every group (the 签发
groups of earlier versions held it, Wagtail's "Moderators" holds it on the root),
so pages go live only through the review workflow's last approval or a superuser.
New and re-provisioned sites get the same from cluster.provision."""

from django.db import migrations


def withhold(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        permission__content_type__app_label="wagtailcore", permission__codename="publish_page"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cluster", "0002_clusterdocument_extracted_text"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Not reversible into the old grants: nobody should get direct publishing back by accident.
    operations = [migrations.RunPython(withhold, migrations.RunPython.noop)]
