"""A fresh database knows the official calendar the chinese_calendar package covers."""
from django.db import migrations


def seed_calendar(apps, schema_editor):
    try:
        import chinese_calendar  # noqa: F401
    except ImportError:  # the package is a requirement; without it staff enter the years by hand
        return
    from workdays.seeding import seed

    seed(apps.get_model("workdays", "CalendarYear"), apps.get_model("workdays", "CalendarDay"))


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]

    operations = [migrations.RunPython(seed_calendar, migrations.RunPython.noop)]
