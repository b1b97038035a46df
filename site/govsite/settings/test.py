"""The test suite: a temporary data folder, fast hashing, eager Celery.

Tests that need a real worker start one themselves (tests/test_celery.py).
"""
import os
import tempfile

os.environ.setdefault("DATA_DIR", tempfile.mkdtemp(prefix="govsite-test-"))
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")

from .base import *  # noqa: E402,F401,F403
from .base import DATA_DIR, INSTALLED_APPS  # noqa: E402

# pytest's SQLite database is a shared-cache in-memory one, and each test runs inside one
# transaction of its own connection: begun IMMEDIATE, it would hold the write lock for the
# whole test and shut out the threads of the concurrency tests. (The mode itself is tested
# on a database file: tests/cluster/test_sqlite_writers.py.)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"].pop("transaction_mode", None)  # noqa: F405

# the same database: a suggestions rebuild reading pages in a thread of its own would make a
# test's writes fail at once ("database table is locked": a shared cache does not wait)
SEARCH_SUGGEST_BACKGROUND = False

# two case types that are not about disclosure, for the case kernel's own tests
INSTALLED_APPS = [*INSTALLED_APPS, "tests.casekernel_app"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True
WAGTAILADMIN_BASE_URL = "http://www.localhost"
MEDIA_ROOT = DATA_DIR / "media"
