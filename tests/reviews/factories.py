import datetime
from decimal import Decimal

import factory

from reviews.models import Review
from reviews.services import save_review


class ReviewFactory(factory.django.DjangoModelFactory):
    """A review saved through the service, so its topics are assigned as in the app."""

    class Meta:
        model = Review

    source = Review.Source.BOOKING
    external_id = factory.Sequence(lambda n: f"B{n:05d}")
    date = datetime.date(2026, 3, 1)
    rating = Decimal("9")
    scale = 10
    text = "Clean room, friendly staff."
    language = "en"
    author = factory.Sequence(lambda n: f"Guest {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return save_review(model_class(*args, **kwargs))
