from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigestsConfig(AppConfig):
    name = "arrivals.digests"
    label = "digests"
    verbose_name = _("Department digests")
