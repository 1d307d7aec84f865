"""Dashboard card: the score of the last 30 days against the 30 before, open work."""

from datetime import timedelta

from django.db.models import Avg, Count, Q
from django.utils import timezone

from guestdesk import roles
from guestdesk.registry import Card
from reviews.models import Review, ReviewTopic, Topic

DAYS = 30


def cards(request):
    """Two queries: the figures, and the most frequent complaint of the last 30 days."""
    if not roles.is_desk(request.user):
        return []
    today = timezone.localdate()
    recent = (today - timedelta(days=DAYS - 1), today)
    before = (recent[0] - timedelta(days=DAYS), recent[0] - timedelta(days=1))
    figures = Review.objects.aggregate(
        average=Avg("score", filter=Q(date__range=recent)),
        count=Count("pk", filter=Q(date__range=recent)),
        previous_average=Avg("score", filter=Q(date__range=before)),
        unanswered=Count("pk", filter=Q(responded_at__isnull=True)),
    )
    top = (
        Topic.objects.annotate(
            complaints=Count(
                "review_links",
                filter=Q(
                    review_links__sentiment=ReviewTopic.Sentiment.NEGATIVE,
                    review_links__review__date__range=recent,
                ),
            )
        )
        .filter(complaints__gt=0)
        .order_by("-complaints", "order")
        .first()
    )
    context = {**figures, "top": top, "manager": roles.is_manager(request.user)}
    return [Card("reviews/_card_reviews.html", context, order=55)]
