from django.contrib import admin

from requests_desk.models import Attachment, LeadTime, RequestEvent, ServiceRequest, Waybill


class EventInline(admin.TabularInline):
    model = RequestEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "kind", "by", "from_status", "to_status", "comment", "changes"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ServiceRequest)
class ServiceRequestAdmin(admin.ModelAdmin):
    list_display = ["number", "type", "status", "due_at", "guest", "assigned_to", "supplier"]
    list_filter = ["status", "type", "priority"]
    search_fields = ["number", "walk_in_name", "guest__last_name", "confirmation_reference"]
    date_hierarchy = "due_at"
    raw_id_fields = ["guest", "stay", "supplier", "assigned_to", "created_by"]
    # Status moves go through the desk's workflow, so the history stays complete.
    readonly_fields = ["number", "status", "booked_at", "done_at", "closed_at", "created_by"]
    inlines = [EventInline]


@admin.register(LeadTime)
class LeadTimeAdmin(admin.ModelAdmin):
    list_display = ["type", "minutes"]


@admin.register(Waybill)
class WaybillAdmin(admin.ModelAdmin):
    list_display = ["number", "request", "issued_at", "issued_by"]
    readonly_fields = ["number", "request", "issued_at", "issued_by"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["name", "request", "content_type", "size", "uploaded_at"]
    # The file itself is served only through the request page, never by a media URL.
    exclude = ["file"]
    readonly_fields = ["request", "name", "content_type", "size", "uploaded_by"]
