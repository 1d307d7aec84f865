import datetime

from tests.routes import DESK, DESK_POST_ONLY, MANAGERS

ROUTES = {
    "reviews:list": {"expect": DESK},
    "reviews:add": {"expect": DESK},
    "reviews:export": {"expect": MANAGERS},
    "reviews:review": {"kwargs": lambda w: {"pk": w["review"].pk}, "expect": DESK},
    "reviews:respond": {"kwargs": lambda w: {"pk": w["review"].pk}, "expect": DESK_POST_ONLY},
    "reviews:follow_up": {"kwargs": lambda w: {"pk": w["review"].pk}, "expect": DESK_POST_ONLY},
    "reviews:imports": {"expect": DESK},
    "reviews:import_batch": {"kwargs": lambda w: {"pk": w["review_import"].pk}, "expect": DESK},
    "reviews:import_commit": {
        "kwargs": lambda w: {"pk": w["review_import"].pk},
        "expect": DESK_POST_ONLY,
    },
    "reviews:import_progress": {
        "kwargs": lambda w: {"pk": w["review_import"].pk},
        "expect": DESK,
    },
    "reviews:import_file": {"kwargs": lambda w: {"pk": w["review_import"].pk}, "expect": DESK},
    "reviews:report": {"expect": MANAGERS},
}


def world(users):
    from django.core.files.base import ContentFile

    from reviews.models import Review, ReviewImport
    from reviews.services import save_review

    review = save_review(
        Review(
            source=Review.Source.GUEST_BOOK,
            date=datetime.date(2026, 1, 10),
            rating=4,
            scale=5,
            text="Очень шумно ночью.",
        ),
        users["agent"],
    )
    batch = ReviewImport(original_name="reviews.csv", uploaded_by=users["agent"])
    batch.file.save("reviews.csv", ContentFile(b"external_id,date,rating,text\n"), save=True)
    return {"review": review, "review_import": batch}
