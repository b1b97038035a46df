#!/usr/bin/env python
"""Django's command-line utility for the government site cluster.

The Django project lives in ``site/govsite``. Python's standard library owns the
top-level name ``site``, so the folder ``site/`` is put on ``sys.path`` and the
packages inside it (``govsite``, ``cluster`` ...) are imported by their own names.
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govsite.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
