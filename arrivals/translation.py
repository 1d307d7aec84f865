"""VIP level names and amenities in kk, ru and en: digests show the department's language."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as keep_history

from arrivals.models import VipLevel


@register(VipLevel)
class VipLevelTranslationOptions(TranslationOptions):
    fields = ("name", "amenity")


# The audit trail (guestdesk.audit), registered once the translation fields exist.
keep_history(VipLevel)
