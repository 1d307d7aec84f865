from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from arrivals import services
from arrivals.models import Guest, ImportBatch, ImportProfile, Stay, StayChange, VipLevel
from arrivals.signals import announce_changed, announce_vip


@admin.register(VipLevel)
class VipLevelAdmin(TranslationAdmin):
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

    def save_model(self, request, obj, form, change):
        # A stay made VIP here must reach the departments like one made VIP on the desk.
        old_rank = None
        if change and obj.pk:
            old = Stay.objects.select_related("vip_level").get(pk=obj.pk)
            old_rank = old.vip_level.rank if old.vip_level is not None else None
        super().save_model(request, obj, form, change)
        if services.raised_vip(old_rank, obj.vip_level):
            announce_vip([obj.pk])
        announce_changed([obj.pk])


@admin.register(ImportProfile)
class ImportProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "source", "encoding", "delimiter", "date_format"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["original_name", "created_at", "status", "uploaded_by", "total_rows"]
    readonly_fields = ["counts", "attempts"]
