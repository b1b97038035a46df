"""PostgreSQL-only indexes for the 来信选登 listing (other databases keep the
(publication, [mailbox,] published_at) indexes of 0001).

Only published letters, in the listing's own order (newest first, then the
newest row), with the mailbox for the filter (INCLUDE): a page's ids, the
offset skipped, and the count are index-only scans, whatever the page number.
(Django's own Index(include=...) would warn on SQLite at every start.)"""

from django.db import migrations

INDEXES = {
    "letter_pub_order": "(published_at DESC, id DESC) INCLUDE (mailbox_id)",
    "letter_pub_mailbox_order": "(mailbox_id, published_at DESC, id DESC)",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON interaction_letter {columns} WHERE publication = 'published'")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("interaction", "0002_postgresql_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
