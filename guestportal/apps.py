from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuestPortalConfig(AppConfig):
    name = "guestportal"
    label = "guestportal"
    verbose_name = _("Guest self-service")

    def ready(self):
        from guestportal import signals  # noqa: F401  (the welcome email at check-in)
