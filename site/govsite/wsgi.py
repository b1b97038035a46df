"""WSGI entry point: ``gunicorn --pythonpath site govsite.wsgi``."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govsite.settings.production")

application = get_wsgi_application()
