"""Fill CalendarYear/CalendarDay from the chinese_calendar package (re-runnable)."""
from django.core.management.base import BaseCommand
from django.db import transaction

from workdays.models import CalendarDay, CalendarYear
from workdays.seeding import package_schedule, package_source, seed


class Command(BaseCommand):
    help = "从 chinese_calendar 包录入法定节假日与调休安排（可重复运行）。"

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="*", type=int, help="只录入这些年份（默认：包内全部年份）")
        parser.add_argument("--force", action="store_true", help="覆盖由工作人员从其他来源录入的完整年份")

    def handle(self, *args, years=None, force=False, verbosity=1, **options):
        covered = sorted(package_schedule())
        if verbosity:
            self.stdout.write(f"{package_source()}: {covered[0]}–{covered[-1]}")
        missing = [y for y in years or [] if y not in covered]
        if missing:
            self.stderr.write(f"not covered by the package: {', '.join(map(str, missing))}")
        log = self.stdout.write if verbosity > 1 else None
        with transaction.atomic():
            counts = seed(CalendarYear, CalendarDay, years=years or None, force=force, log=log)
        if verbosity:
            self.stdout.write(self.style.SUCCESS(
                f"seeded {counts['years']} years, {counts['days']} days; kept {counts['skipped']} staff-entered years"
            ))
