from guestdesk import roles
from guestdesk.registry import Card
from vendors.models import RecommendationSheet


def panels(request, kind, obj):
    """The guest profile lists the guest's recommendation sheets (one query)."""
    if kind != "guest" or not roles.is_desk(request.user):
        return []
    sheets = list(RecommendationSheet.objects.for_guest(obj).select_related("created_by"))
    return [Card("vendors/_panel_sheets.html", {"guest": obj, "sheets": sheets}, order=40)]
