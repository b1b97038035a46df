"""The demo and local development: embedded defaults, debug on."""
import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F401,F403
