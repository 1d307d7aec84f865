"""Department names in kk, ru and en: digests and pages show them in the reader's language."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as keep_history

from guestdesk.models import Department


@register(Department)
class DepartmentTranslationOptions(TranslationOptions):
    fields = ("name",)


# The audit trail (guestdesk.audit), registered once the translation fields exist so that
# the history keeps every language.
keep_history(Department)
