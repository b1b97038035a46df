"""The demo and local development: embedded defaults, debug on."""
import os

os.environ.setdefault("DEBUG", "true")
# runserver has no nginx in front: picture news must show with DEBUG off too
os.environ.setdefault("SERVE_MEDIA", "true")

from .base import *  # noqa: E402,F401,F403
