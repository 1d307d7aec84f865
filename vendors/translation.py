"""Place names and descriptions in kk, ru and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from vendors.models import Place


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    # Each language column may be empty; Place.text() shows which one filled the gap.
    required_languages = ()
