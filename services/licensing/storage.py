"""Where applicants' materials and issued documents are kept: a folder outside
MEDIA_ROOT, never served by nginx or any public URL. Files leave it only
through views that check who asks (the owner's account, the holder of the
query code, an officer of the body, or a signed link)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_root() -> Path:
    # PRIVATE_MEDIA_ROOT if the installation sets one, else a folder in DATA_DIR
    root = getattr(settings, "PRIVATE_MEDIA_ROOT", None) or Path(settings.DATA_DIR) / "private"
    return Path(root) / "licensing"


class PrivateStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        super().__init__(location=str(private_root()), base_url=None, **kwargs)

    def url(self, name):  # no public address, ever
        raise NotImplementedError("licensing files are served by their views only")


_storage: PrivateStorage | None = None


def private_storage() -> PrivateStorage:
    """The storage (a callable, so migrations do not embed a path)."""
    global _storage
    if _storage is None or _storage.location != str(private_root()):
        _storage = PrivateStorage()
    return _storage
