from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequestsDeskConfig(AppConfig):
    name = "requests_desk"
    verbose_name = _("Guest requests")
