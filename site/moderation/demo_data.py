"""The demo's sensitive-word list: the neutral starter list (``seed.py``)."""

from django.core.management import call_command


def build(stdout=None):
    call_command("seed_sensitive_words", stdout=stdout)
