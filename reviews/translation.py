"""Topic names and proposals in kk, ru and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as keep_history

from reviews.models import Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "proposal")
    required_languages = ()


# The audit trail (guestdesk.audit), registered once the translation fields exist so that
# the history keeps every language.
keep_history(Topic)
