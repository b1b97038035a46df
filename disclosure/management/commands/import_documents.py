"""manage.py import_documents PATH --site HOST: bulk import into a disclosure catalogue."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from cluster.models import Organisation
from disclosure.importer import import_documents, write_report


class Command(BaseCommand):
    help = (
        "Import documents (JSON Lines, CSV or HTML; a file or a folder) into a site's disclosure "
        "catalogue. Re-runnable: records imported before are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--site", required=True, help="host name of the site, e.g. fgw.localhost")
        parser.add_argument("--organisation", help="code of the publishing organisation (default: the site's)")
        parser.add_argument("--format", dest="fmt", choices=["auto", "jsonl", "csv", "html"], default="auto")
        parser.add_argument("--limit", type=int, default=None, help="read at most this many records")
        parser.add_argument("--report", type=Path, help="write the rejected records, and those whose legacy Mongolian was converted or left "
                            "ambiguous, to this CSV file")
        parser.add_argument("--draft", action="store_true", help="save as drafts for review instead of publishing")

    def handle(self, *args, path, site, organisation, fmt, limit, report, draft, **options):
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        try:
            site_obj = Site.objects.get(hostname=site)
        except Site.DoesNotExist:
            raise CommandError(f"no site with host name {site}") from None
        org = None
        if organisation:
            org = Organisation.objects.filter(code=organisation).first()
            if org is None:
                raise CommandError(f"no organisation with code {organisation}")
        quiet = options["verbosity"] == 0
        try:
            result = import_documents(
                path=path, site=site_obj, organisation=org, fmt=fmt, limit=limit, draft=draft,
                progress_stream=None if quiet else self.stderr, label=f"import_documents {path.name}",
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if report:
            write_report(result, report)
        rate = result.read / result.seconds if result.seconds else 0
        self.stdout.write(
            f"read {result.read} = imported {result.imported} + skipped {result.skipped} "
            f"+ rejected {len(result.rejected)}; undated {result.undated} of the imported (no date in the source); "
            f"{result.seconds:.1f} s ({rate:.1f} records/s)"
            + (f"; indexed {result.indexed} in {result.index_seconds:.1f} s" if result.indexed else "")
            + ("; saved as drafts" if draft else "")
        )
        if result.legacy_mongolian:
            self.stdout.write(
                f"legacy Mongolian (private-use codes) in {len(result.legacy_mongolian)} imported records: "
                + ("see the report" if report else "; ".join(f"{n.where} {n.note}" for n in result.legacy_mongolian[:20]))
            )
        if result.rejected and not report:
            for rejection in result.rejected[:20]:
                self.stdout.write(f"  rejected {rejection.where} {rejection.id}: {rejection.reason}")
        if not result.balanced:  # cannot happen; say so loudly if it ever does
            raise CommandError("the counts do not add up")
