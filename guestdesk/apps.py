from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuestDeskConfig(AppConfig):
    name = "guestdesk"
    verbose_name = _("GuestDesk")

    def ready(self):
        from django.db.models.signals import post_migrate

        # Without a sender: permissions of apps migrated after this one exist only later.
        post_migrate.connect(_grant_administrators)


def _grant_administrators(sender, **kwargs):
    """Administrators may manage everything in the admin (they still need is_staff)."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.filter(name="Administrator").first()
    if group is not None:
        group.permissions.set(Permission.objects.all())
