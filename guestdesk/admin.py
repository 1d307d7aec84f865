from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from guestdesk.models import Department, OutboxMessage
from guestdesk.tasks import retry_message


def plain_inline(model: type[models.Model]) -> type[admin.TabularInline]:
    """A table of `model`'s rows on its owner's page, without blank extra rows."""
    return type(f"{model.__name__}Inline", (admin.TabularInline,), {"model": model, "extra": 0})


@admin.register(Department)
class DepartmentAdmin(TranslationAdmin):
    list_display = ["name", "code", "language", "active"]
    list_filter = ["active", "language"]
    search_fields = ["name", "code", "recipients"]
    filter_horizontal = ["members"]


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "subject", "recipients", "status", "attempts", "sent_at"]
    list_filter = ["status", "template", "language"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    actions = ["retry"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("to"))
    def recipients(self, obj):
        return ", ".join(obj.to)

    @admin.action(description=_("Send the failed messages again"))
    def retry(self, request, queryset):
        count = sum(retry_message(pk) for pk in queryset.values_list("pk", flat=True))
        self.message_user(
            request,
            ngettext("%d message queued again.", "%d messages queued again.", count) % count,
            messages.SUCCESS,
        )
