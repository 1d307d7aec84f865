"""Topic names and proposals in kk, ru and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from reviews.models import Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "proposal")
    required_languages = ()
