from django.db.models import Q

from guestdesk import roles
from guestdesk.registry import Card
from reviews.models import Review, ReviewFollowUp


def panels(request, kind, obj):
    """The guest profile lists what the guest wrote about the hotel: reviews matched to the
    guest or to one of the guest's stays (one query); a guest request opened as a review's
    follow-up names the review it came from (one query)."""
    if not roles.is_desk(request.user):
        return []
    if kind == "guest":
        reviews = list(
            Review.objects.filter(Q(guest=obj) | Q(stay__guest=obj))
            .select_related("stay")
            .order_by("-date", "-pk")[:20]
        )
        return [Card("reviews/_panel_reviews.html", {"guest": obj, "reviews": reviews}, order=50)]
    if kind == "request":
        followups = list(ReviewFollowUp.objects.filter(request=obj).select_related("review"))
        if not followups:
            return []
        return [Card("reviews/_panel_followups.html", {"followups": followups}, order=20)]
    return []
