"""Adding, answering, following up and importing reviews; each write re-runs the analysis."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from guestdesk.imports.errors import FileRefused
from guestdesk.models import Department
from requests_desk import services as requests_services
from requests_desk.models import ServiceRequest
from requests_desk.types import RequestType
from reviews import analysis
from reviews.importer import ReviewImporter
from reviews.models import Review, ReviewFollowUp, ReviewImport, Topic
from traces import services as trace_services


@transaction.atomic
def save_review(review, user=None):
    """Save a new or edited review and assign its topics again."""
    if not review.pk and user is not None:
        review.created_by = user
    review.save()
    analysis.analyse([review])
    return review


def respond(review, text, user):
    """Record the staff response to `review` (it replaces an earlier one)."""
    review.response = text.strip()
    review.responded_at = timezone.now()
    review.responded_by = user
    review.save(update_fields=["response", "responded_at", "responded_by", "score"])
    return review


def follow_up(
    review: Review, topic: Topic | None, department: Department, note: str, user
) -> ReviewFollowUp:
    """Open a guest request for `department` about what `review` says, linked both ways.

    The request (type "other") carries the guest and stay the review is matched to, what
    to do, and the sentence of the review about the topic; the follow-up is done when the
    request is.
    """
    excerpt = ""
    if topic is not None:
        link = review.topic_links.filter(topic=topic).first()
        excerpt = link.excerpt if link else ""
    heading = f"{topic.name}: " if topic is not None else ""
    description = f"{heading}{note.strip()}"
    if excerpt:
        description += f"\n«{excerpt}»"
    with transaction.atomic():
        request_obj = ServiceRequest(
            type=RequestType.OTHER,
            guest=review.guest,
            stay=review.stay,
            details={"description": description},
            notes=_("Follow-up of the %(source)s review of %(date)s for %(department)s.")
            % {
                "source": review.get_source_display(),
                "date": review.date.strftime("%d.%m.%Y"),
                "department": department.name,
            },
        )
        if review.guest_id is None and review.stay_id is None:
            request_obj.walk_in_name = review.author or _("Reviewer")
        requests_services.create_request(request_obj, user)
        return ReviewFollowUp.objects.create(
            review=review, topic=topic, department=department, request=request_obj, created_by=user
        )


def follow_up_trace(
    review: Review, topic: Topic | None, department: Department, note: str, user
) -> ReviewFollowUp:
    """Give `department` a trace about the stay `review` is matched to, linked here.

    Due today, or on the stay's arrival date when that is later (a review before the
    guest's next stay); done when the department marks the trace done.
    """
    stay = review.stay
    if stay is None:
        raise ValueError("a trace needs the review's stay")
    heading = f"{topic.name}: " if topic is not None else ""
    with transaction.atomic():
        trace = trace_services.add(
            stay=stay,
            department=department,
            due_date=max(timezone.localdate(), stay.arrival_date),
            due_time=None,
            text=f"{heading}{note.strip()}",
            by=user,
        )
        return ReviewFollowUp.objects.create(
            review=review, topic=topic, department=department, trace=trace, created_by=user
        )


# -- import -------------------------------------------------------------------------------


def run_import(batch: ReviewImport, commit: bool, user=None, today=None) -> dict:
    """Check (commit=False) or import `batch` now, in this process; returns the counts.

    Pages and commands go through the engine's background steps; this runs the same
    importer directly (rows matched by source and ID, or by the review's fingerprint).
    """
    run = ReviewImporter(
        batch.profile_settings or {},
        user=user or batch.uploaded_by,
        batch=batch,
        trusted=batch.trusted,
        source=batch.source,
        today=today,
    )
    try:
        report = run.run(batch.file.path, commit=commit)
    except FileRefused as exc:
        batch.status, batch.error = ReviewImport.Status.FAILED, str(exc)
        batch.save(update_fields=["status", "error"])
        return run.counts
    batch.counts, batch.total_rows = report["counts"], report["total"]
    batch.processed_rows = report["total"]
    batch.status = ReviewImport.Status.DONE if commit else ReviewImport.Status.CHECKED
    batch.error = ""
    if commit:
        batch.committed_at = timezone.now()
    batch.save()
    return report["counts"]
