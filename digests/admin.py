from django.contrib import admin

from digests.models import Digest, DigestSubscription, LateAlert


@admin.register(DigestSubscription)
class DigestSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["department", "enabled", "send_time", "language", "show_phone_numbers"]
    list_filter = ["enabled", "language"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["date", "department", "kind", "status", "acknowledged_at", "created_at"]
    list_filter = ["kind", "department", "date"]
    date_hierarchy = "date"
    raw_id_fields = ["outbox", "created_by"]
    readonly_fields = ["vip_stay_ids", "sections"]


@admin.register(LateAlert)
class LateAlertAdmin(admin.ModelAdmin):
    list_display = ["stay", "department", "created_at"]
    raw_id_fields = ["stay", "outbox"]
