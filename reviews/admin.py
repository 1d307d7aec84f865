from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from guestdesk.admin import plain_inline
from reviews.models import (
    ResponseTemplate,
    Review,
    ReviewFollowUp,
    ReviewImport,
    ReviewTopic,
    SentimentLexicon,
    Topic,
)


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ("code", "name", "department", "order")
    ordering = ("order", "code")


@admin.register(SentimentLexicon)
class SentimentLexiconAdmin(admin.ModelAdmin):
    list_display = ("language",)


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("date", "source", "score", "author", "responded_at")
    list_filter = ("source", "language")
    search_fields = ("text", "title", "author", "external_id")
    raw_id_fields = ("guest", "stay", "responded_by", "created_by")
    inlines = [plain_inline(ReviewTopic)]


@admin.register(ReviewImport)
class ReviewImportAdmin(admin.ModelAdmin):
    list_display = ("original_name", "status", "created_at", "uploaded_by")
    readonly_fields = ("counts", "attempts")


@admin.register(ReviewFollowUp)
class ReviewFollowUpAdmin(admin.ModelAdmin):
    list_display = ("review", "topic", "department", "request", "created_at")
    raw_id_fields = ("review", "request", "created_by")


@admin.register(ResponseTemplate)
class ResponseTemplateAdmin(admin.ModelAdmin):
    list_display = ("name", "language", "topic", "order")
    list_filter = ("language", "topic")
    search_fields = ("name", "text")
