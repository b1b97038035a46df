"""PostgreSQL-only indexes for the public pages (other databases keep the
plain queries; nothing to do there).

- The 来信选登 search: the masked subject and text of published letters cut into
  overlapping two-character pieces (Chinese has no spaces, and most searches are
  two characters long, which trigram indexes cannot serve), as a full-text
  vector in a partial GIN index. publication.py uses it with the same
  substring match after it where the pieces alone are not exact, so the results
  are exactly those of the search without the index.
- The statistics: the year's letters by submission time with every column the
  grouped counts read (INCLUDE), so the two grouped queries are index-only
  scans instead of reading the whole table with the letters' text. (Django's own
  Index(include=...) would warn on SQLite at every start.)"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION interaction_bigrams(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(substr(t, i, 2), ' ' ORDER BY i), '')
  FROM generate_series(1, greatest(length(t) - 1, 0)) AS i
$$
"""
INDEX = """
CREATE INDEX IF NOT EXISTS letter_pub_bigrams ON interaction_letter
USING gin (to_tsvector('simple'::regconfig, interaction_bigrams(public_subject || E'\\n' || public_content)))
WHERE publication = 'published'
"""


STATS_INDEX = """
CREATE INDEX IF NOT EXISTS letter_stats_cover ON interaction_letter (submitted_at)
INCLUDE (id, mailbox_id, organisation_id, status, answered_at, answered_on_time, days_to_answer, rating)
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    schema_editor.execute(INDEX)
    schema_editor.execute(STATS_INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS letter_stats_cover")
    schema_editor.execute("DROP INDEX IF EXISTS letter_pub_bigrams")
    schema_editor.execute("DROP FUNCTION IF EXISTS interaction_bigrams(text)")


class Migration(migrations.Migration):
    dependencies = [("interaction", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
