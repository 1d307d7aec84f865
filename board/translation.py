"""Guest-facing texts stored in kk, ru and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

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
