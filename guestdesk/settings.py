"""GuestDesk settings, read from the environment (see the README's configuration table).

Development defaults need nothing installed: SQLite, console email, an embedded Celery
broker on the file system. `GUESTDESK_ENV=production` refuses to start without the
variables a real deployment must set.
"""

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from guestdesk import env

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env.string("GUESTDESK_VAR_DIR", str(BASE_DIR / "var")))

ENVIRONMENT = env.choice("GUESTDESK_ENV", ["development", "production"], "development")
PRODUCTION = ENVIRONMENT == "production"
REQUIRED = env._MISSING if PRODUCTION else None


def _required(reader, name, dev_default, *args):
    """Read `name`; in production it must be set, in development `dev_default` applies."""
    value = reader(name, *args, REQUIRED) if PRODUCTION else reader(name, *args, dev_default)
    return value


DEV_SECRET_KEY = "dev-only-insecure-key-change-me"
SECRET_KEY = _required(env.string, "SECRET_KEY", DEV_SECRET_KEY)
if PRODUCTION and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith("dev-only")):
    raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 50 characters.")
DEBUG = env.boolean("DEBUG", not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when GUESTDESK_ENV=production.")
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
ALLOWED_HOSTS = _required(env.strings, "ALLOWED_HOSTS", LOOPBACK_HOSTS)
# Without GUESTDESK_ENV this is development, whose secret key is in this file: anyone could
# forge sessions and signed links. Fail closed if such an installation is reachable by name.
if SECRET_KEY == DEV_SECRET_KEY and set(ALLOWED_HOSTS) - set(LOOPBACK_HOSTS):
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS names other hosts than this computer, but SECRET_KEY is the development "
        "key: set GUESTDESK_ENV=production and a random SECRET_KEY (or a SECRET_KEY of your own "
        "for a development server on the network)."
    )
CSRF_TRUSTED_ORIGINS = env.strings("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "csp",
    "django_countries",
    "phonenumber_field",
    "simple_history",
    "rest_framework",
    "rest_framework_api_key",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guestdesk",
    "board",
    "arrivals",
    "digests",
    "vendors",
    "requests_desk",
    "reviews",
    "guestportal",
    "api",
    "traces",
]
# The project's own apps: the entries of INSTALLED_APPS that are packages in this folder.
# Catalogues, the i18n tooling and the route tests derive from this, never from a list.
PROJECT_APPS = [name for name in INSTALLED_APPS if (BASE_DIR / name / "apps.py").is_file()]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle sessions end; pages with personal data stay out of browser and proxy caches.
    "guestdesk.privacy.IdleSessionMiddleware",
    "guestdesk.privacy.NoStoreMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Every view asks for a login unless marked with login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Axes last, so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "guestdesk.urls"
WSGI_APPLICATION = "guestdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "guestdesk.context_processors.desk",
            ],
        },
    },
    {
        # Subjects and plain-text email bodies: the same templates, without HTML escaping.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
    {
        # The rows of the longest lists only (the day's arrivals): Jinja2 renders them several
        # times faster than the Django engine; see docs/PERFORMANCE.md. The page around them
        # stays a Django template, and their labels come translated from the view.
        "NAME": "rows",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "rows"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "guestdesk.rows.environment"},
    },
]

# Widgets are drawn by Jinja2 from Django's own widget templates (guestdesk/form_renderer.py).
FORM_RENDERER = "guestdesk.form_renderer.FormRenderer"

# Database: DATABASE_URL (postgres://user:pass@host:5432/name); SQLite in development.
_database_url = (
    _required(env.string, "DATABASE_URL", "") or f"sqlite:///{VAR_DIR / 'guestdesk.sqlite3'}"
)
if PRODUCTION and _database_url.startswith("sqlite"):
    raise ImproperlyConfigured("DATABASE_URL must name a PostgreSQL database in production.")
try:
    # Persistent connections: one per gunicorn worker thread and Celery worker thread, so
    # PostgreSQL's max_connections must exceed (web processes x threads) + worker threads.
    _conn_max_age = env.integer("CONN_MAX_AGE", 60)
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=_conn_max_age)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL we understand: {exc}") from None
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Web, worker and beat share the file. WAL lets readers go on while one writes; every
    # transaction takes the write lock when it begins (IMMEDIATE), so a transaction that
    # read first never fails upgrading to a write ("database is locked"): it waits up to
    # the busy timeout for its turn instead.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": env.integer("SQLITE_BUSY_TIMEOUT", 60),
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: lock a (user name, address) pair after AXES_FAILURE_LIMIT failures, so
# an attacker on one address cannot lock the real user out from the front desk; and lock an
# address after AXES_IP_FAILURE_LIMIT failures across any user names (password spraying).
AXES_USER_FAILURE_LIMIT = env.integer("AXES_FAILURE_LIMIT", 5)
AXES_IP_FAILURE_LIMIT = env.integer("AXES_IP_FAILURE_LIMIT", 30)
AXES_FAILURE_LIMIT = "guestdesk.lockout.failure_limit"
AXES_COOLOFF_TIME = env.integer("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Reverse proxies in front of GuestDesk (nginx: 1). The client address then comes from
# X-Forwarded-For; with 0 that header is ignored. Logins and public rate limits share it.
PROXY_COUNT = env.integer("PROXY_COUNT", 0)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("PROXY_COUNT must be 0 or more.")
AXES_CLIENT_IP_CALLABLE = "guestdesk.client_ip.client_ip"

# Sessions end after SESSION_IDLE_HOURS without a request (a shift and a half): requests
# renew the session (guestdesk.privacy.IdleSessionMiddleware), so the lifetime counts idle
# time, not time since login. It renews at most every SESSION_RENEW_SECONDS, rather than
# SESSION_SAVE_EVERY_REQUEST's database write on every request.
SESSION_IDLE_HOURS = env.integer("SESSION_IDLE_HOURS", 12)
if SESSION_IDLE_HOURS < 1:
    raise ImproperlyConfigured("SESSION_IDLE_HOURS must be 1 or more.")
SESSION_COOKIE_AGE = SESSION_IDLE_HOURS * 3600
SESSION_SAVE_EVERY_REQUEST = False
SESSION_RENEW_SECONDS = 300

# Time and language: "today" is the hotel's local date.
TIME_ZONE = env.string("TIME_ZONE", "Asia/Almaty")
try:
    ZoneInfo(TIME_ZONE)
except (ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(f"TIME_ZONE {TIME_ZONE!r} is not a known time zone.") from None
USE_TZ = True
USE_I18N = True
LANGUAGE_CODE = env.choice("LANGUAGE_CODE", ["kk", "ru", "en"], "ru")
# English dates day-first (25.11.2026), as a hotel in Kazakhstan writes them.
FORMAT_MODULE_PATH = ["guestdesk.formats"]
LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]
# One message catalogue per app, beside its code; listed here (not only found by Django)
# so that the project's translations take precedence over third-party apps' ones.
LOCALE_PATHS = [BASE_DIR / name / "locale" for name in PROJECT_APPS]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "ru", "kk")}
PHONENUMBER_DEFAULT_REGION = env.string("PHONENUMBER_DEFAULT_REGION", "KZ")
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "INTERNATIONAL"
HOTEL_NAME = env.string("HOTEL_NAME", "GuestDesk Hotel")
HOTEL_ADDRESS = env.string("HOTEL_ADDRESS", "")
HOTEL_PUBLIC_URL = env.string("HOTEL_PUBLIC_URL", "http://127.0.0.1:8000")

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.string("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: SMTP when EMAIL_HOST is set, the console otherwise. Every message is also kept
# in the outbox table (guestdesk.OutboxMessage), so nothing sent is ever lost from view.
EMAIL_HOST = env.string("EMAIL_HOST", "")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.string("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.string("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env.boolean("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env.integer("EMAIL_TIMEOUT", 30)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env.string("DEFAULT_FROM_EMAIL", "GuestDesk <guestdesk@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_MAX_ATTEMPTS = env.integer("EMAIL_MAX_ATTEMPTS", 5)
# The same document to the same address within these minutes is sent once (double clicks).
EMAIL_DEDUP_MINUTES = env.integer("EMAIL_DEDUP_MINUTES", 10)
# Seconds before the first retry of a temporary SMTP failure; doubled at each attempt.
EMAIL_RETRY_DELAY = env.integer("EMAIL_RETRY_DELAY", 30)

# Celery: Redis (or any broker URL) from CELERY_BROKER_URL; without one, an embedded
# broker on the file system so `make run` needs nothing else installed.
CELERY_BROKER_URL = env.string("CELERY_BROKER_URL", "")
BROKER_EMBEDDED = not CELERY_BROKER_URL
if BROKER_EMBEDDED:
    CELERY_BROKER_URL = "filesystem://"
    _broker_dir = VAR_DIR / "broker"
    for _sub in ("queue", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
CELERY_TASK_ALWAYS_EAGER = env.boolean("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_DEFAULT_QUEUE = env.string("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# One tick every few minutes. Each app declares its own entries as `beat_schedule` on its
# AppConfig; guestdesk.apps merges them in at start-up (apps' tasks are idempotent).
CELERY_BEAT_SCHEDULE: dict = {}
DIGEST_TICK_SECONDS = env.integer("DIGEST_TICK_SECONDS", 300)

# Cache (rate limits of the public guest page, short-lived figures): Redis when CACHE_URL
# is set, so every gunicorn process shares it; process memory otherwise.
CACHE_URL = env.string("CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Rendered page fragments ({% cache %}): each process's own memory, so a deployment's
    # new templates and translations never meet fragments drawn by the previous one.
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "template-fragments",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# Guests' personal data (docs/PRIVACY.md): anonymised this many days after a guest's last
# departure; uploaded import files, import reports' row data and sent emails' bodies after
# RETENTION_FILES_DAYS. A review keeps its text on erasure unless the hotel says otherwise.
RETENTION_GUEST_DAYS = env.integer("RETENTION_GUEST_DAYS", 3 * 365)
RETENTION_FILES_DAYS = env.integer("RETENTION_FILES_DAYS", 90)
for _name in ("RETENTION_GUEST_DAYS", "RETENTION_FILES_DAYS"):
    if globals()[_name] < 1:
        raise ImproperlyConfigured(f"{_name} must be at least 1 (days).")
ERASURE_KEEPS_REVIEW_TEXT = env.boolean("ERASURE_KEEPS_REVIEW_TEXT", True)

# Department traces: may a department member give a trace to another department?
GUESTDESK_TRACES_CROSS_DEPARTMENT = env.boolean("GUESTDESK_TRACES_CROSS_DEPARTMENT", False)

# Largest e-ticket or voucher a guest request accepts.
REQUESTS_ATTACHMENT_MAX_MB = env.integer("REQUESTS_ATTACHMENT_MAX_MB", 10)

# Requests per client address per minute on the public guest pages (/guest/...).
BOARD_PUBLIC_RATE_LIMIT = env.integer("BOARD_PUBLIC_RATE_LIMIT", 120)
# Guests' own pages: room-and-surname tries per address per window (seconds), and the
# guest-book score (out of 10) at or below which the managers are emailed at once.
GUESTPORTAL_ROOM_ATTEMPTS = env.integer("GUESTPORTAL_ROOM_ATTEMPTS", 5)
GUESTPORTAL_ROOM_WINDOW = env.integer("GUESTPORTAL_ROOM_WINDOW", 900)
GUESTPORTAL_LOW_SCORE = env.integer("GUESTPORTAL_LOW_SCORE", 6)

# The API (/api/v1/, docs/API.md): Django REST framework, keys from api.ApiKey.
API_RATE_LIMIT = env.string("API_RATE_LIMIT", "600/min")  # per key (or per staff user)
API_MAX_BODY_KB = env.integer("API_MAX_BODY_KB", 2048)  # larger bodies get 413
API_BULK_MAX = env.integer("API_BULK_MAX", 1000)  # stays in one upsert call
WEBHOOK_TIMEOUT = env.integer("WEBHOOK_TIMEOUT", 10)  # seconds a receiver may take
WEBHOOK_RETRY_DELAY = env.integer("WEBHOOK_RETRY_DELAY", 30)  # first retry; doubles each time
WEBHOOK_MAX_ATTEMPTS = env.integer("WEBHOOK_MAX_ATTEMPTS", 8)  # per delivery
WEBHOOK_PAUSE_AFTER = env.integer("WEBHOOK_PAUSE_AFTER", 20)  # consecutive failed attempts
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.auth.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.auth.ScopePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["api.auth.KeyRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"key": API_RATE_LIMIT},
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "GuestDesk API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "StayStatusEnum": "arrivals.models.Stay.Status",
        "StayMoveEnum": ["in_house", "departed", "no_show"],
        "RequestStatusEnum": "requests_desk.models.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.problem_responses",
    ],
}

# Security headers. The policy allows only this site's own scripts and styles: templates
# carry no inline code, and front-end assets are vendored into static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Behind HTTPS (the normal case) keep these on; a plain-HTTP trial on a laptop may
    # turn them off, knowing `check --deploy` will then warn.
    SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env.boolean(
        "SECURE_COOKIES", True
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.string("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
