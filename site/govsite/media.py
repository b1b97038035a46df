"""Public media without nginx: the demo runs under runserver, often with DEBUG off.

Only what nginx serves in production (staticpub's nginx.conf: ``/media/images/``,
the image renditions) is served here; uploads elsewhere in MEDIA_ROOT (letters'
attachments, reply documents) and Wagtail documents go through their own views.
"""
from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.views.static import serve

PUBLIC_MEDIA = "images/"


def public_media(request, path: str):
    if not (settings.SERVE_MEDIA or settings.DEBUG):
        raise Http404
    return serve(request, path, document_root=Path(settings.MEDIA_ROOT) / PUBLIC_MEDIA)


def media_urlpatterns() -> list:
    prefix = settings.MEDIA_URL.lstrip("/") + PUBLIC_MEDIA
    return [re_path(rf"^{prefix}(?P<path>.+)$", public_media, name="public_media")]
