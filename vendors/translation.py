"""Place names and descriptions in kk, ru and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as keep_history

from vendors.models import Place


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    # Each language column may be empty; Place.text() shows which one filled the gap.
    required_languages = ()


# The audit trail (guestdesk.audit), registered once the translation fields exist so that
# the history keeps every language.
keep_history(Place)
