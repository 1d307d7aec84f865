from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

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


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class CategoryInline(admin.TabularInline):
    model = SupplierCategory
    extra = 0


class LanguageInline(admin.TabularInline):
    model = SupplierLanguage
    extra = 0


@admin.register(Supplier)
class SupplierAdmin(admin.ModelAdmin):
    list_display = ["name", "preferred", "active", "contract_end", "commission_type"]
    list_filter = ["active", "preferred", "category_rows__category"]
    search_fields = ["name", "offer"]
    inlines = [CategoryInline, LanguageInline, ContactInline]


class HoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class TagInline(admin.TabularInline):
    model = PlaceTagRow
    extra = 0


@admin.register(Place)
class PlaceAdmin(TranslationAdmin):
    list_display = ["name", "kind", "price_level", "walking_minutes", "last_verified", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "address"]
    inlines = [TagInline, HoursInline]


class SheetItemInline(admin.TabularInline):
    model = SheetItem
    extra = 0


@admin.register(RecommendationSheet)
class RecommendationSheetAdmin(admin.ModelAdmin):
    list_display = ["guest", "language", "created_at", "printed_at", "emailed_at"]
    raw_id_fields = ["guest", "email"]
    inlines = [SheetItemInline]
