"""Production: several hosts, PostgreSQL, Redis, Celery workers and beat.

Nothing here has a default that would be unsafe: the secret key, the database,
Redis and the host names must come from the environment.
"""
import os

for _required in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"):
    if not os.environ.get(_required):
        raise RuntimeError(f"production settings need the environment variable {_required}")

from .base import *  # noqa: E402,F401,F403
from .base import env  # noqa: E402

DEBUG = False
# nginx serves the published pages from here (the README's production section)
STATIC_PUBLISH_ROOT = env("STATIC_PUBLISH_ROOT", default=str(DATA_DIR / "published"))  # noqa: F405
CLUSTER_PUBLIC_SCHEME = env("CLUSTER_PUBLIC_SCHEME", default="https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
LOGGING["root"]["level"] = env("LOG_LEVEL", default="INFO")  # noqa: F405
# Wagtail's page preview frames the site's own pages, so SAMEORIGIN is deliberate
# (base.py); HSTS preloading binds every subdomain of the government domain for
# months and is switched on by the operator (SECURE_HSTS_PRELOAD), not by default.
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W019"]  # noqa: F405
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")
