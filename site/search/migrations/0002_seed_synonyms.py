"""The synonym table's first few hundred pairs (site/search/data/synonyms.txt,
written for the project). Editors change them in the admin afterwards."""
from pathlib import Path

from django.db import migrations

SEED = Path(__file__).resolve().parents[1] / "data" / "synonyms.txt"


def pairs():
    seen = {}
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        term, official = (part.strip() for part in line.split("=", 1))
        if term and official and official != term:
            seen.setdefault(term, official)  # the first line of a term wins
    return seen


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    existing = set(Synonym.objects.values_list("term", flat=True))
    Synonym.objects.bulk_create(
        [Synonym(term=t, official=o, note="初始词表") for t, o in pairs().items() if t not in existing]
    )


def unseed(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(note="初始词表").delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
