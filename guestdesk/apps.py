from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from guestdesk.celery import app as celery_app


class GuestDeskConfig(AppConfig):
    name = "guestdesk"
    verbose_name = _("GuestDesk")
    beat_schedule = {
        "outbox-retry-stale": {"task": "guestdesk.tasks.requeue_stale_outbox", "schedule": 300.0},
        # Daily: anonymise guests and files past their retention (docs/PRIVACY.md).
        "privacy-retention": {"task": "guestdesk.tasks.purge_personal_data", "schedule": 86400.0},
    }

    def ready(self) -> None:
        # Imported here, once models are ready: it connects the login stamp of sessions.
        # The audit trail's signal receiver and system check.
        from guestdesk import (
            audit,  # noqa: F401
            privacy,  # noqa: F401
        )

        # Without a sender: permissions of apps migrated after this one exist only later.
        post_migrate.connect(_grant_administrators)
        celery_app.conf.beat_schedule = {**settings.CELERY_BEAT_SCHEDULE, **beat_schedule()}


def beat_schedule() -> dict:
    """Every app's periodic tasks, declared as `beat_schedule` on its AppConfig."""
    schedule: dict = {}
    for config in apps.get_app_configs():
        entries = getattr(config, "beat_schedule", {})
        clash = schedule.keys() & entries.keys()
        if clash:
            raise ValueError(f"{config.name} repeats beat entries {sorted(clash)}")
        schedule.update(entries)
    return schedule


def _grant_administrators(sender, **kwargs):
    """Administrators may manage everything in the admin (they still need is_staff)."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.filter(name="Administrator").first()
    if group is not None:
        group.permissions.set(Permission.objects.all())
