from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from traces.models import Trace, TraceRule


@admin.register(TraceRule)
class TraceRuleAdmin(SimpleHistoryAdmin):
    list_display = ["vip_level", "department", "text", "days_before", "due_time", "active"]
    list_filter = ["vip_level", "department", "active"]


@admin.register(Trace)
class TraceAdmin(SimpleHistoryAdmin):
    list_display = ["due_date", "due_time", "department", "text", "status", "stay"]
    list_filter = ["status", "department"]
    raw_id_fields = ["stay", "request", "rule", "created_by", "resolved_by"]
    # Status moves go through the day page or the stay page, with their checks.
    readonly_fields = ["status", "resolved_by", "resolved_at", "alerted_at"]
