"""Picture news under runserver without nginx: settings.SERVE_MEDIA serves the public
part of MEDIA_URL (image renditions, what nginx serves in production) and no more."""
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def _photo_news_src(client) -> str:
    html = client.get("/", HTTP_HOST="www.localhost").content.decode()
    section = html.split('class="photo-news"', 1)[1]
    return re.search(r'<img[^>]+src="([^"]+)"', section).group(1)


@override_settings(DEBUG=False, SERVE_MEDIA=True)
def test_picture_news_image_is_served_with_the_setting_on(client):
    src = _photo_news_src(client)
    assert src.startswith(settings.MEDIA_URL + "images/")
    response = client.get(src, HTTP_HOST="www.localhost")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert b"".join(response.streaming_content)[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xe1", b"RIFF")


@override_settings(DEBUG=False, SERVE_MEDIA=False)
def test_production_leaves_media_to_nginx(client):
    src = _photo_news_src(client)
    assert client.get(src, HTTP_HOST="www.localhost").status_code == 404


@override_settings(DEBUG=False, SERVE_MEDIA=True)
def test_uploads_outside_the_renditions_stay_unserved(client):
    # a letter's attachment lives in MEDIA_ROOT too, but is nobody's public file
    private = Path(settings.MEDIA_ROOT) / "hudong" / "2026" / "01" / "attachment.pdf"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_bytes(b"%PDF-1.4 private")
    try:
        assert client.get("/media/hudong/2026/01/attachment.pdf", HTTP_HOST="www.localhost").status_code == 404
        # a path climbing out of images/ is refused (SuspiciousFileOperation: 400)
        outside = Client(raise_request_exception=False).get("/media/images/../hudong/2026/01/attachment.pdf",
                                                            HTTP_HOST="www.localhost")
        assert outside.status_code in (400, 404)
    finally:
        private.unlink()


def test_the_demo_profile_switches_it_on():
    env = {**os.environ, "PYTHONPATH": "site", "DJANGO_SETTINGS_MODULE": "govsite.settings.dev", "DEBUG": "false"}
    env.pop("SERVE_MEDIA", None)
    code = "import django; django.setup(); from django.conf import settings; print(settings.SERVE_MEDIA)"
    out = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "True"


def test_production_nginx_serves_the_renditions():
    out = StringIO()
    call_command("nginx_config", stdout=out)
    media = Path(settings.MEDIA_ROOT).resolve()
    assert re.search(rf"location /media/images/ {{\s*alias {re.escape(str(media))}/images/;", out.getvalue())


def test_the_demo_with_debug_on_gives_no_upload_a_public_address(tmp_path):
    """``make demo`` runs with DEBUG on: still only the renditions have a media address
    (a letter's attachment or a private document under MEDIA_ROOT resolves to no file view)."""
    env = {**os.environ, "PYTHONPATH": "site", "DJANGO_SETTINGS_MODULE": "govsite.settings.dev", "DEBUG": "true",
           "DATA_DIR": str(tmp_path)}
    code = (
        "import django; django.setup()\n"
        "from django.urls import Resolver404, resolve\n"
        "for path in ('/media/hudong/2026/01/a.pdf', '/media/documents/a.pdf', '/media/yisqgk/2026/a.pdf',"
        " '/media/images/a.jpg'):\n"
        "    try:\n"
        "        match = resolve(path)\n"
        "    except Resolver404:\n"
        "        print(path, 'nothing')\n"
        "    else:\n"
        "        print(path, match.url_name or match.func.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True,
                         text=True, check=True).stdout.split("\n")
    served = dict(line.split(" ", 1) for line in out if line)
    assert served["/media/images/a.jpg"] == "public_media"
    for path in ("/media/hudong/2026/01/a.pdf", "/media/documents/a.pdf", "/media/yisqgk/2026/a.pdf"):
        assert served[path] not in ("serve", "public_media"), (path, served[path])
