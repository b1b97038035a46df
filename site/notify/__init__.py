"""Notifications by SMS and e-mail through Celery, never lost."""
