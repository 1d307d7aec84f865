from django.contrib import admin

from arrivals.models import Guest, ImportBatch, ImportProfile, Stay, StayChange, VipLevel


@admin.register(VipLevel)
class VipLevelAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "rank", "colour"]
    filter_horizontal = ["departments"]


@admin.register(Guest)
class GuestAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "nationality", "language", "email"]
    search_fields = ["last_name", "first_name", "email", "phone"]
    list_filter = ["language", "default_vip_level"]


class StayChangeInline(admin.TabularInline):
    model = StayChange
    extra = 0
    readonly_fields = ["kind", "changes", "changed_by", "batch", "changed_at"]
    can_delete = False


@admin.register(Stay)
class StayAdmin(admin.ModelAdmin):
    list_display = ["confirmation_number", "guest", "arrival_date", "departure_date", "status"]
    list_filter = ["status", "vip_level", "source"]
    search_fields = ["confirmation_number", "guest__last_name", "room"]
    date_hierarchy = "arrival_date"
    raw_id_fields = ["guest", "reviewed_by", "missing_from_batch"]
    inlines = [StayChangeInline]


@admin.register(ImportProfile)
class ImportProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "source", "encoding", "delimiter", "date_format"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["original_name", "created_at", "status", "uploaded_by", "total_rows"]
    readonly_fields = ["report", "counts"]
