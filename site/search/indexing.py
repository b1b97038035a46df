"""Rebuild/update the haystack index without going through command *names*.

Wagtail's ``wagtail.search`` app also ships an ``update_index`` command and is
listed before ``haystack`` in INSTALLED_APPS, so ``manage.py update_index`` (and
haystack's ``rebuild_index``, which calls it by name) runs Wagtail's command.
These helpers call haystack's command classes directly.
"""
from __future__ import annotations

from contextlib import contextmanager

from django.apps import apps
from django.core.management import call_command


@contextmanager
def signals_paused():
    """Publishing queues one index task per page; bulk jobs (imports, the demo)
    pause that and index once at the end instead."""
    try:
        processor = apps.get_app_config("haystack").signal_processor
    except (LookupError, AttributeError):
        processor = None
    if processor is not None:
        processor.teardown()
    try:
        yield
    finally:
        if processor is not None:
            processor.setup()


def clear(using: str = "default", verbosity: int = 0) -> None:
    from haystack.management.commands import clear_index

    call_command(clear_index.Command(), interactive=False, using=[using], verbosity=verbosity)


def update(using: str = "default", verbosity: int = 0, **options) -> None:
    from haystack.management.commands import update_index

    call_command(update_index.Command(), using=[using], verbosity=verbosity, **options)


def rebuild(using: str = "default", verbosity: int = 0, **options) -> None:
    clear(using, verbosity)
    update(using, verbosity, **options)
