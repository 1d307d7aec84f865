from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from guestdesk.admin import plain_inline
from vendors.models import (
    Contact,
    OpeningHours,
    Place,
    PlaceTagRow,
    RecommendationSheet,
    SheetItem,
    Supplier,
    SupplierCategory,
    SupplierLanguage,
)


@admin.register(Supplier)
class SupplierAdmin(admin.ModelAdmin):
    list_display = ["name", "preferred", "active", "contract_end", "commission_type"]
    list_filter = ["active", "preferred", "category_rows__category"]
    search_fields = ["name", "offer"]
    inlines = [
        plain_inline(SupplierCategory),
        plain_inline(SupplierLanguage),
        plain_inline(Contact),
    ]


@admin.register(Place)
class PlaceAdmin(TranslationAdmin):
    list_display = ["name", "kind", "price_level", "walking_minutes", "last_verified", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "address"]
    inlines = [plain_inline(PlaceTagRow), plain_inline(OpeningHours)]


@admin.register(RecommendationSheet)
class RecommendationSheetAdmin(admin.ModelAdmin):
    list_display = ["guest", "language", "created_at", "printed_at", "emailed_at"]
    raw_id_fields = ["guest", "email"]
    inlines = [plain_inline(SheetItem)]
