from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import module_has_submodule
from wagtail.models import Page, Site

from cluster.demo.builder import DEMO_PASSWORD, DemoBuilder


class Command(BaseCommand):
    help = "Build (or complete) the demo site cluster. Safe to run again: nothing is duplicated."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=None, help="at most this many articles per column")

    def handle(self, *args, articles=None, **options):
        from search import indexing

        # One index write at the end instead of one task per published page.
        with indexing.signals_paused():
            DemoBuilder(articles_per_column=articles, stdout=self.stdout).build()
            # The cluster builds only its own content; each domain app adds its own
            # (catalogues, documents, requests, …) in a ``demo_data`` module with
            # ``build(stdout)``, run in INSTALLED_APPS order; each must be re-runnable.
            for app in apps.get_app_configs():
                if app.name != "cluster" and module_has_submodule(app.module, "demo_data"):
                    import_module(f"{app.name}.demo_data").build(stdout=self.stdout)
        self.stdout.write(f"demo cluster ready: {Site.objects.count()} sites, {Page.objects.count()} pages")
        indexing.update()
        self.stdout.write("search index updated")
        port = settings.CLUSTER_PUBLIC_PORT or 8000
        sites = ", ".join(f"http://{host}.localhost:{port}/" for host in ("www", "fgw", "jyj", "byhq", "en", "mgl"))
        self.stdout.write(f"Sites: {sites}\nAdmin: http://www.localhost:{port}/admin/  user admin / {DEMO_PASSWORD}")
