"""Department names in kk, ru and en: digests and pages show them in the reader's language."""

from modeltranslation.translator import TranslationOptions, register

from guestdesk.models import Department


@register(Department)
class DepartmentTranslationOptions(TranslationOptions):
    fields = ("name",)
