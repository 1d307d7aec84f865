from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from board.models import Event, HoursException, OpeningHours, ServiceEntry, Venue
from guestdesk.admin import plain_inline


@admin.register(ServiceEntry)
class ServiceEntryAdmin(TranslationAdmin):
    list_display = ["title", "category", "is_public", "always_open", "order"]
    list_filter = ["category", "is_public"]
    search_fields = ["title_kk", "title_ru", "title_en"]
    inlines = [plain_inline(OpeningHours), plain_inline(HoursException)]


@admin.register(Venue)
class VenueAdmin(TranslationAdmin):
    list_display = ["name", "capacity", "active", "order"]


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "venue", "starts_at", "ends_at", "is_public"]
    list_filter = ["is_public", "venue"]
    date_hierarchy = "starts_at"
    search_fields = ["title_kk", "title_ru", "title_en", "organiser"]
    filter_horizontal = ["departments"]
    readonly_fields = ["overlap_confirmed_by", "created_by"]
