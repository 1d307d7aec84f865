from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rest_framework_api_key.models import APIKey

from api import webhooks
from api.event_types import EVENTS
from api.models import (
    SCOPES,
    ApiCall,
    ApiKey,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)
from api.tasks import deliver_webhook
from guestdesk.forms import checkboxes

# The library's own key model stays unused: GuestDesk's keys carry scopes (ApiKey).
if admin.site.is_registered(APIKey):
    admin.site.unregister(APIKey)


class ApiKeyForm(forms.ModelForm):
    scopes = checkboxes(_("scopes"), list(SCOPES.items()), required=False)

    class Meta:
        model = ApiKey
        fields = ["name", "scopes", "allowed_addresses", "expiry_date", "revoked"]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    form = ApiKeyForm
    list_display = ["name", "prefix", "scope_list", "created", "expiry_date", "revoked"]
    list_filter = ["revoked"]
    search_fields = ["name", "prefix"]
    readonly_fields = ["prefix", "created", "last_used_at", "created_by"]

    @admin.display(description=_("scopes"))
    def scope_list(self, obj: ApiKey) -> str:
        return ", ".join(obj.scopes)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "name"] if obj is not None else fields

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if change:
            obj.save()
            return
        obj.created_by = request.user
        key = ApiKey.objects.assign_key(obj)
        obj.save()
        messages.warning(
            request,
            _("The API key for %(name)s is: %(key)s — copy it now, it is not shown again.")
            % {"name": obj.name, "key": key},
        )


@admin.register(ApiCall)
class ApiCallAdmin(admin.ModelAdmin):
    list_display = ["at", "key", "user", "method", "path", "status", "address"]
    list_filter = ["method", "status", "key"]
    date_hierarchy = "at"
    readonly_fields = [f.name for f in ApiCall._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class WebhookEndpointForm(forms.ModelForm):
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")
    events = checkboxes(_("events"), list(EVENTS.items()))

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "secret", "events", "active"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["name", "url", "active", "paused_at", "consecutive_failures"]
    list_filter = ["active"]
    readonly_fields = ["paused_at", "consecutive_failures", "created_at"]
    actions = ["resume"]

    @admin.action(description=_("Resume the selected endpoints and send what waits"))
    def resume(self, request: HttpRequest, queryset: Any) -> None:
        count = sum(webhooks.resume(endpoint, deliver_webhook.delay) for endpoint in queryset)
        self.message_user(
            request,
            ngettext("%d delivery queued.", "%d deliveries queued.", count) % count,
            messages.SUCCESS,
        )


class AttemptInline(admin.TabularInline):
    model = WebhookAttempt
    extra = 0
    can_delete = False
    readonly_fields = ["at", "status_code", "error", "duration_ms"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "endpoint", "status", "attempts", "last_status_code", "delivered_at"]
    list_filter = ["status", "endpoint", "event__kind"]
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]
    inlines = [AttemptInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
