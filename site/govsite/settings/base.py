"""Settings shared by every profile.

Every value comes from the environment, with an embedded default that boots on a
laptop: SQLite, a Whoosh index, a Celery broker in a folder, e-mail and SMS written
to files, all under one ignored data folder (``var/`` unless ``DATA_DIR`` says
otherwise). Production is the same code with other variables (see README).
"""

import ipaddress
import shutil
from pathlib import Path

import environ

SITE_DIR = Path(__file__).resolve().parents[2]  # .../site
BASE_DIR = SITE_DIR.parent  # repository root
THEMES_DIR = BASE_DIR / "themes"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional; absent in the demo and in CI

DATA_DIR = Path(env("DATA_DIR", default=str(BASE_DIR / "var")))
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", ".localhost", "127.0.0.1", "testserver"])
# All sites of the cluster are served on one scheme and port (see cluster/sites.py).
CLUSTER_PUBLIC_SCHEME = env("CLUSTER_PUBLIC_SCHEME", default="http")
CLUSTER_PUBLIC_PORT = env.int("CLUSTER_PUBLIC_PORT", default=0)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # the cluster-wide apps (site/)
    "cluster",
    "workdays",
    "casefile",
    "notify",
    "privacy",
    "formguard",
    "multilingual",
    "search",  # the public search of the whole cluster; domains register into it
    "accounts",  # citizens' and enterprises' accounts (phone + SMS code), staff second factor
    "staticpub",  # published pages as files for nginx (静态发布) and their tamper guard
    "moderation",  # the sensitive-word list editors keep; a hit sends text to manual review
    # the domain apps
    "disclosure",
    "disclosure.applications",
    "services",  # the item catalogue (事项清单) and guides (办事指南)
    "services.licensing",  # applying online and case handling (行政许可法)
    "services.feedback",  # 好差评 ratings, follow-ups, supervision and statistics
    "interaction",  # mailboxes and letters (信箱, 网上信访)
    "interaction.consultations",  # drafts out for comment (意见征集)
    "interaction.surveys",  # questionnaires (网上调查)
    # Wagtail and friends
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "haystack",  # before wagtail.search: its update_index/rebuild_index win
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_otp",  # the staff's second factor (accounts.otp)
    "django_otp.plugins.otp_totp",
    "captcha",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cluster.middleware.ClusterCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cluster.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # staff pass their TOTP code after the password before any admin page
    "accounts.otp.AdminSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # last, as django-axes asks: it turns a locked-out login into a 429 page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "govsite.urls"
WSGI_APPLICATION = "govsite.wsgi.application"


def _theme_dirs(kind: str) -> list[Path]:
    """Each folder under themes/ brings its own templates/ and static/."""
    if not THEMES_DIR.is_dir():
        return []
    return sorted(p / kind for p in THEMES_DIR.iterdir() if (p / kind).is_dir())


TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": _theme_dirs("templates"),
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cluster.context_processors.cluster",
            ],
        },
    },
]

# --- database -------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}"),
}
SQLITE_OPTIONS = {"timeout": 20, "transaction_mode": "IMMEDIATE",
                  "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes. A transaction takes the write
    # lock when it begins (IMMEDIATE): one that read first and wrote later would fail at
    # once with "database is locked" when another process had written meanwhile (WAL's
    # snapshot rule), instead of waiting its turn for up to ``timeout`` seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache ----------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # A file cache is shared by the web server and the worker, unlike locmem, so
    # rate limits hold across processes on one machine.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }

# --- auth and security ----------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "accounts.backends.PhoneSignIn",  # citizens: phone + SMS code (accounts)
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
# Locked out is this user name from this address: one person's mistakes (or an
# attacker's guesses) do not lock out the others behind the same address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cluster/lockout.html"
# The proxies (nginx) whose X-Forwarded-For is believed: addresses or networks.
# None by default, so REMOTE_ADDR is the client; see formguard.abuse.client_ip.
TRUSTED_PROXIES = [str(ipaddress.ip_network(p, strict=False)) for p in env.list("TRUSTED_PROXIES", default=[])]
# Citizens' one-time SMS codes live this many seconds; staff need a TOTP code
# after the password (django-otp; README "Signing in to the admin").
ACCOUNTS_CODE_TTL = env.int("ACCOUNTS_CODE_TTL", default=300)
ADMIN_REQUIRE_OTP = env.bool("ADMIN_REQUIRE_OTP", default=True)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="政府网站集约化平台")
AXES_CLIENT_IP_CALLABLE = "formguard.abuse.client_ip"
RATELIMIT_IP_META_KEY = "formguard.abuse.client_ip"
RATELIMIT_VIEW = "cluster.views.rate_limited"
# The offline captcha of formguard.abuse; spoken too where Debian's flite is installed.
CAPTCHA_FLITE_PATH = shutil.which("flite")
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview frames its own pages
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail admin reads it from JavaScript
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The public pages carry no inline script; the admin needs a looser policy
# (see cluster.middleware.ClusterCSPMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- i18n -----------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("mn-mong", "ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["multilingual.formats"]

# Django only knows Cyrillic ``mn``; traditional script is its own language here.
from django.conf import locale as _django_locale  # noqa: E402

_django_locale.LANG_INFO.setdefault(
    "mn-mong",
    {"bidi": False, "code": "mn-mong", "name": "Mongolian (traditional script)", "name_local": "ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ"},
)

# --- static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(DATA_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = _theme_dirs("static")
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(DATA_DIR / "media")))
# Django serves MEDIA_URL's public part (image renditions) itself: on in the demo
# (settings.dev), off in production, where nginx serves /media/images/.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
# PDFs (annual reports, guides, receipts): a CJK font file, else Noto CJK from fonts-noto-cjk
PDF_FONT = env("PDF_FONT", default="")
PDF_MONGOLIAN_FONT = env("PDF_MONGOLIAN_FONT", default="")  # else Noto Sans Mongolian
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="政府网站集约化平台")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://www.localhost:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "cluster.ClusterDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ods", "odt", "wps", "ofd", "csv", "txt", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
MAX_ATTACHMENT_SIZE = env.int("MAX_ATTACHMENT_SIZE", default=50 * 1024 * 1024)
# Wagtail's own search serves the admin; haystack serves the public.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAIL_MODERATION_ENABLED = True
# The last approval publishes; no group holds the publish permission (cluster.provision).
WAGTAIL_FINISH_WORKFLOW_ACTION = "cluster.workflows.publish_approved"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]

# --- search (public, through haystack) --------------------------------------
SEARCH_ENGINE = env("SEARCH_ENGINE", default="whoosh")  # whoosh | tantivy | typesense
SEARCH_INDEX_DIR = Path(env("SEARCH_INDEX_DIR", default=str(DATA_DIR / "search")))
_HAYSTACK_ENGINES = {
    "whoosh": {
        "ENGINE": "search.whoosh_backend.ChineseWhooshEngine",
        "PATH": str(SEARCH_INDEX_DIR / "whoosh"),
    },
    # about 100,000 documents on one machine (README "Search engines")
    "tantivy": {
        "ENGINE": "search.tantivy_backend.TantivyEngine",
        "PATH": str(SEARCH_INDEX_DIR / "tantivy"),
    },
    # a Typesense cluster that several application hosts share (README "Search engines"):
    # TYPESENSE_NODES=http://10.0.0.11:8108,http://10.0.0.12:8108,http://10.0.0.13:8108
    "typesense": {
        "ENGINE": "search.typesense_backend.TypesenseEngine",
        "NODES": env.list("TYPESENSE_NODES", default=[]),
        "API_KEY": env("TYPESENSE_API_KEY", default=""),
        "COLLECTION": env("TYPESENSE_COLLECTION", default="govsite"),  # the live alias; rebuilds add a suffix
    },
}
# Only engines the suite tests are offered (Elasticsearch was not, and would have
# bypassed the project's Chinese analysis); a misspelt name must not fall back silently.
if SEARCH_ENGINE not in _HAYSTACK_ENGINES:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"SEARCH_ENGINE={SEARCH_ENGINE!r}: choose one of {', '.join(_HAYSTACK_ENGINES)}")
if SEARCH_ENGINE == "typesense" and not (_HAYSTACK_ENGINES["typesense"]["NODES"] and _HAYSTACK_ENGINES["typesense"]["API_KEY"]):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "SEARCH_ENGINE='typesense' needs TYPESENSE_NODES (comma-separated node addresses, "
        "e.g. http://10.0.0.11:8108,http://10.0.0.12:8108,http://10.0.0.13:8108) and TYPESENSE_API_KEY"
    )
HAYSTACK_CONNECTIONS = {"default": _HAYSTACK_ENGINES[SEARCH_ENGINE]}
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20
# Publishing, unpublishing and deleting queue an index update through Celery.
HAYSTACK_SIGNAL_PROCESSOR = "search.signals.CelerySignalProcessor"

# --- Celery ---------------------------------------------------------------
# Without a broker URL the queue is a folder, so the demo's worker needs no server.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS: dict = {}
if CELERY_BROKER_URL.startswith("filesystem"):
    _queue = DATA_DIR / "celery" / "queue"
    _queue.mkdir(parents=True, exist_ok=True)
    (DATA_DIR / "celery" / "processed").mkdir(parents=True, exist_ok=True)
    (DATA_DIR / "celery" / "control").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue),
        "data_folder_out": str(_queue),
        "processed_folder": str(DATA_DIR / "celery" / "processed"),
        "store_processed": False,
        # the exchange tables (celery.exchange, celery.pidbox.exchange, ...);
        # kombu's default is ./control, i.e. wherever the process was started
        "control_folder": str(DATA_DIR / "celery" / "control"),
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Wagtail's scheduled publishing and expiry
    "publish-scheduled": {"task": "cluster.tasks.publish_scheduled", "schedule": 60.0},
    # the notification outbox: retry what the broker or the gateway missed
    "notify-deliver-pending": {"task": "notify.tasks.deliver_pending", "schedule": 60.0},
    # sent messages (phone numbers, e-mail addresses) after NOTIFY_RETENTION_DAYS
    "notify-purge-sent": {"task": "notify.tasks.purge_sent", "schedule": 86400.0},
    # used one-time form tokens, once they have expired
    "formguard-purge-tokens": {"task": "formguard.tasks.purge_used_tokens", "schedule": 3600.0},
    # 电子监察: today's colours, reminders, lapsed 补正 periods (idempotent), and once a day
    # a full re-dating of open cases (catches a calendar edit whose task the broker missed)
    "casefile-supervise": {"task": "casefile.tasks.supervise", "schedule": 3600.0},
    "casefile-redate-daily": {"task": "casefile.tasks.daily", "schedule": 86400.0},
    # 网页防篡改: files of the static tree changed outside publishing are restored
    # 好差评: invite applicants who have not rated a finished case
    "service-feedback-invite": {"task": "service_feedback.tasks.invite_ratings", "schedule": 3600.0},
    "staticpub-tamper-check": {"task": "staticpub.tasks.check_tampering", "schedule": 60.0},
    # static pages whose task the broker missed (it was down when the editor approved)
    "staticpub-pending": {"task": "staticpub.tasks.publish_pending", "schedule": 60.0},
}
# 好差评 (services/feedback): days after 办结 before an unrated case gets an
# invitation, and working days a department has to answer a poor rating (local
# rules use 5 to 15)
SERVICE_RATING_INVITE_DAYS = env.int("SERVICE_RATING_INVITE_DAYS", default=3)
SERVICE_FOLLOWUP_LIMIT = env.int("SERVICE_FOLLOWUP_LIMIT", default=10)
# Static publishing (静态发布): pages every reader sees alike are written under this
# folder for nginx (`manage.py nginx_config`). Empty: off, Django serves every page.
STATIC_PUBLISH_ROOT = env("STATIC_PUBLISH_ROOT", default="")
# Scheduled beat state lives in the data folder too.
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celery" / "beat-schedule")

# --- e-mail and SMS ---------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = str(DATA_DIR / "mail")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@gov.localhost")
SMS_BACKEND = env("SMS_BACKEND", default="notify.backends.FileSMSBackend")
SMS_FILE_PATH = str(DATA_DIR / "sms")
# The gateway's approved template codes by message template name (or "name:language"),
# e.g. {"yisqgk.received": "SMS_123456789"}; without one the name itself is the code.
SMS_TEMPLATE_CODES = env.json("SMS_TEMPLATE_CODES", default={})
# How long sent messages stay in the outbox.
NOTIFY_RETENTION_DAYS = env.int("NOTIFY_RETENTION_DAYS", default=180)

# --- logging ----------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cluster.forms.ClusterDocumentForm"
