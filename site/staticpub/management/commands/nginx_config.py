import getpass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.test import Client
from wagtail.models import Site

from staticpub import service

# the headers Django sets on a public page, repeated by nginx on the files it serves
COPIED_HEADERS = (
    "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy",
    "Cross-Origin-Opener-Policy", "Strict-Transport-Security",
)


def security_headers() -> list[tuple[str, str]]:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return []
    response = Client(HTTP_HOST=site.hostname).get("/", secure=service.public_scheme_is_https())
    return [(name, response[name].replace('"', "'")) for name in COPIED_HEADERS if response.has_header(name)]


class Command(BaseCommand):
    help = "Print (or write) the nginx configuration that serves the static tree and proxies the rest."

    def add_arguments(self, parser):
        parser.add_argument("--listen", default="80")
        parser.add_argument("--upstream", default="127.0.0.1:8000", help="gunicorn's address")
        parser.add_argument("--standalone", action="store_true",
                            help="a whole nginx.conf (pid, logs, temp dirs under --prefix), for tests and benchmarks")
        parser.add_argument("--prefix", default="", help="folder of the standalone server's pid, logs and temp files")
        parser.add_argument("--output", default="", help="write here instead of printing")

    def handle(self, *args, listen, upstream, standalone, prefix, output, **options):
        prefix = Path(prefix or settings.DATA_DIR / "nginx").resolve()
        if standalone:
            for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
                (prefix / "tmp" / sub).mkdir(parents=True, exist_ok=True)
        text = render_to_string("staticpub/nginx.conf", {
            "standalone": standalone, "prefix": prefix, "run_as": getpass.getuser(), "mime_types": "/etc/nginx/mime.types",
            "upstream": upstream, "listen": listen,
            "hosts": sorted(set(Site.objects.values_list("hostname", flat=True))),
            "live": service.root() / "live", "static_root": Path(settings.STATIC_ROOT).resolve(),
            "media_root": Path(settings.MEDIA_ROOT).resolve(),
            "headers": security_headers(), "max_body": getattr(settings, "STATIC_PUBLISH_MAX_BODY", "60m"),
        })
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text)
