from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from arrivals.models import Guest
from guestdesk import roles
from guestdesk.csv import csv_response
from guestdesk.imports import batches, pages
from guestdesk.roles import role_required
from reviews import report, services
from reviews.filters import ReviewFilter
from reviews.forms import TRACE, FollowUpForm, GuestBookForm, ImportForm, PeriodForm, ResponseForm
from reviews.importer import ReviewImporter
from reviews.models import ResponseTemplate, Review, ReviewImport

PAGE_SIZE = 50


@role_required(*roles.DESK)
def review_list(request):
    filters = ReviewFilter(request.GET, Review.objects.for_list())
    reviews = filters.qs.distinct()
    page = Paginator(reviews, PAGE_SIZE).get_page(request.GET.get("page"))
    # list() runs the query here, so the template renders without touching the database.
    page.object_list = list(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": filters.form, "page": page, "query": query.urlencode()}
    return render(request, "reviews/list.html", context)


EXPORT_HEADER = (
    "source", "external_id", "date", "rating", "scale", "score", "language", "author", "text",
    "complaints", "praise", "status", "responded_at",
)  # fmt: skip


def _export_row(review: Review) -> list:
    links = list(review.topic_links.all())
    return [
        review.source,
        review.external_id,
        review.date.isoformat(),
        review.rating,
        review.scale,
        review.score,
        review.language,
        review.author,
        review.text,
        " ".join(link.topic.code for link in links if link.is_negative),
        " ".join(link.topic.code for link in links if not link.is_negative),
        "answered" if review.responded_at else "unanswered",
        review.responded_at.isoformat() if review.responded_at else "",
    ]


@role_required(*roles.MANAGERS)
def review_export(request: HttpRequest) -> HttpResponse:
    """The reviews the list shows with the same filters, one row each, as CSV."""
    reviews = ReviewFilter(request.GET, Review.objects.for_list()).qs.distinct()
    rows = (_export_row(review) for review in reviews.iterator(chunk_size=500))
    filename = f"reviews-{timezone.localdate():%Y-%m-%d}.csv"
    return csv_response(filename, EXPORT_HEADER, rows)


@role_required(*roles.DESK)
def review_add(request):
    initial = {"date": timezone.localdate(), "guest": request.GET.get("guest")}
    form = GuestBookForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        review = services.save_review(form.save(commit=False), request.user)
        messages.success(request, _("Guest-book entry saved."))
        return redirect("reviews:review", pk=review.pk)
    guest = str(form["guest"].value() or "")
    context = {
        "form": form,
        "guest": Guest.objects.filter(pk=guest).first() if guest.isdigit() else None,
    }
    return render(request, "reviews/form.html", context)


@role_required(*roles.DESK)
def review_detail(request, pk):
    review = get_object_or_404(
        Review.objects.for_list().select_related("stay", "responded_by", "created_by"), pk=pk
    )
    templates = review_templates(review)
    chosen = next((t for t in templates if str(t.pk) == request.GET.get("template")), None)
    text = chosen.render(review) if chosen else review.response
    form = ResponseForm(initial={"response": text})
    context = {
        "review": review,
        "form": form,
        "templates": templates,
        "chosen": chosen,
        "followups": list(
            review.followups.select_related("topic", "department", "request", "trace", "created_by")
        ),
        "followup_form": FollowUpForm(review=review),
    }
    return render(request, "reviews/detail.html", context)


def review_templates(review: Review) -> list[ResponseTemplate]:
    """Templates for this review: its topics' and the general ones, its language first."""
    topics = [link.topic_id for link in review.topic_links.all()]
    templates = ResponseTemplate.objects.filter(
        Q(topic__isnull=True) | Q(topic__in=topics)
    ).select_related("topic")
    return sorted(
        templates,
        key=lambda t: (t.language != review.language, t.language, t.topic_id is None, t.order),
    )


@role_required(*roles.DESK)
@require_POST
def review_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    """One action: a guest request for the department concerned, linked to the review."""
    review = get_object_or_404(Review, pk=pk)
    form = FollowUpForm(request.POST, review=review)
    if not form.is_valid():
        errors = [str(error) for errors in form.errors.values() for error in errors]
        messages.error(request, " ".join(errors))
        return redirect("reviews:review", pk=pk)
    data = form.cleaned_data
    if data["kind"] == TRACE:
        followup = services.follow_up_trace(
            review, data["topic"], data["department"], data["note"], request.user
        )
        assert followup.trace is not None
        messages.success(
            request,
            _("Trace for %(department)s due %(date)s created.")
            % {
                "department": data["department"].name,
                "date": date_format(followup.trace.due_date, "SHORT_DATE_FORMAT"),
            },
        )
        return redirect("reviews:review", pk=pk)
    followup = services.follow_up(
        review, data["topic"], data["department"], data["note"], request.user
    )
    assert followup.request is not None
    messages.success(
        request,
        _("Request %(number)s created for %(department)s.")
        % {"number": followup.request.number, "department": data["department"].name},
    )
    return redirect("reviews:review", pk=pk)


@role_required(*roles.DESK)
@require_POST
def review_respond(request, pk):
    review = get_object_or_404(Review, pk=pk)
    form = ResponseForm(request.POST)
    if not form.is_valid() or not form.cleaned_data["response"].strip():
        messages.error(request, _("Write the response before saving it."))
        return redirect("reviews:review", pk=pk)
    services.respond(review, form.cleaned_data["response"], request.user)
    messages.success(request, _("Response saved."))
    return redirect("reviews:review", pk=pk)


@role_required(*roles.DESK)
def imports(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        __, settings = form.profile_settings()
        batch = pages.accept_upload(
            ReviewImporter.kind,
            ReviewImport,
            form.cleaned_data["file"],
            request,
            profile_settings=settings,
            source=form.cleaned_data["source"],
        )
        return redirect("reviews:import_batch", pk=batch.pk)
    # Counts only: a batch's report rows live in their own table, never loaded here.
    batches_ = list(ReviewImport.objects.select_related("uploaded_by").defer("error")[:20])
    return render(request, "reviews/imports.html", {"form": form, "batches": batches_})


@role_required(*roles.DESK)
def import_batch(request, pk):
    batch = get_object_or_404(ReviewImport.objects.select_related("uploaded_by"), pk=pk)
    return render(request, "reviews/import_batch.html", pages.report_context(request, batch))


@role_required(*roles.DESK)
@require_POST
def import_commit(request, pk):
    batch = get_object_or_404(ReviewImport, pk=pk)
    if not batches.commit(ReviewImporter.kind, batch):
        messages.error(request, _("This file was already imported or could not be read."))
    return redirect("reviews:import_batch", pk=pk)


@role_required(*roles.MANAGERS)
def improvement_report(request):
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    figures = report.build(start, end)
    context = {
        "form": form,
        "report": figures,
        "chart": report.chart(figures),
        "source_chart": report.source_chart(figures),
    }
    return render(request, "reviews/report.html", context)
