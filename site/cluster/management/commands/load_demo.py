from django.core.management.base import BaseCommand

from cluster.demo.builder import DEMO_PASSWORD, DemoBuilder


class Command(BaseCommand):
    help = "Build (or complete) the demo site cluster. Safe to run again: nothing is duplicated."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=None, help="at most this many articles per column")

    def handle(self, *args, articles=None, **options):
        DemoBuilder(articles_per_column=articles, stdout=self.stdout).build()
        self.stdout.write(
            "Sites: http://www.localhost:8000/ (portal), http://fgw.localhost:8000/, http://jyj.localhost:8000/, "
            "http://byhq.localhost:8000/, http://en.localhost:8000/\n"
            f"Admin: http://www.localhost:8000/admin/  user admin / {DEMO_PASSWORD}"
        )
