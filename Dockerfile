# GuestDesk image: the same image runs web (gunicorn), the Celery worker and Celery beat.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 GUESTDESK_VAR_DIR=/app/var
WORKDIR /app

# The whole tree, then the install: no list of apps to keep in step with INSTALLED_APPS.
COPY . .
RUN pip install --no-cache-dir .

# Static files are collected at build time with the production storage (hashed names).
RUN GUESTDESK_ENV=production \
    SECRET_KEY=build-time-only-not-used-at-run-time-0123456789abcdefghijklmnop \
    ALLOWED_HOSTS=build DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --no-input \
    && useradd --system --home /app guestdesk && mkdir -p /app/var/media \
    && chown -R guestdesk /app/var

USER guestdesk
EXPOSE 8000
CMD ["gunicorn", "guestdesk.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
