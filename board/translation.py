"""Guest-facing texts stored in kk, ru and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as keep_history

from board.models import Event, ServiceEntry, Venue


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name", "location")


@register(ServiceEntry)
class ServiceEntryTranslation(TranslationOptions):
    fields = ("title", "description", "location", "price_note")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description")


# The audit trail (guestdesk.audit), registered once the translation fields exist so that
# the history keeps every language.
keep_history(Venue)
keep_history(ServiceEntry)
keep_history(Event)
