"""VIP level names and amenities in kk, ru and en: digests show the department's language."""

from modeltranslation.translator import TranslationOptions, register

from arrivals.models import VipLevel


@register(VipLevel)
class VipLevelTranslationOptions(TranslationOptions):
    fields = ("name", "amenity")
