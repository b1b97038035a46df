"""``manage.py rebuild_search``: rebuild the public search index from the database.

Unlike haystack's ``rebuild_index`` (which Wagtail's ``update_index`` shadows),
this builds beside the live index (a folder, or a Typesense collection behind
the alias) and swaps it in, so the search keeps working.
"""
from django.core.management.base import BaseCommand

from search.rebuild import rebuild


class Command(BaseCommand):
    help = "Rebuild the public search index beside the live one, then swap (Whoosh/tantivy: a folder, Typesense: a collection)."

    def add_arguments(self, parser):
        parser.add_argument("--using", default="default", help="haystack connection (default: default)")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, using, batch_size, no_progress, verbosity, **options):
        stream = None if (no_progress or verbosity < 1) else self.stderr._out
        report = rebuild(using, batch_size=batch_size, stream=stream)
        if verbosity >= 1:
            self.stdout.write(
                "%d documents in %.1f s%s" % (report.documents, report.seconds, (" → %s" % report.path) if report.path else "")
            )
