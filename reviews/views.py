import csv
from collections.abc import Iterable, Sequence

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from arrivals.models import Guest
from guestdesk import roles
from guestdesk.roles import role_required
from reviews import report, services
from reviews.forms import GuestBookForm, ImportForm, PeriodForm, ResponseForm, ReviewFilterForm
from reviews.models import Review, ReviewImport

PAGE_SIZE = 50


@role_required(*roles.DESK)
def review_list(request):
    form = ReviewFilterForm(request.GET or None)
    reviews = form.apply(Review.objects.for_list()).distinct()
    page = Paginator(reviews, PAGE_SIZE).get_page(request.GET.get("page"))
    # list() runs the query here, so the template renders without touching the database.
    page.object_list = list(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "reviews/list.html", context)


EXPORT_HEADER = (
    "source", "external_id", "date", "rating", "scale", "score", "language", "author", "text",
    "complaints", "praise", "status", "responded_at",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# The project's one CSV writer (guestdesk/csv.py, csv_response) replaces this function
# once it exists; it keeps the same arguments.
def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """A CSV download; a cell that a spreadsheet would run as a formula gets a leading quote."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheets read the Cyrillic text as UTF-8
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        cells = ["" if cell is None else str(cell) for cell in row]
        writer.writerow(["'" + c if c.startswith(FORMULA_STARTS) else c for c in cells])
    return response


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
    form = ReviewFilterForm(request.GET or None)
    reviews = form.apply(Review.objects.for_list()).distinct()
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
    form = ResponseForm(initial={"response": review.response})
    return render(request, "reviews/detail.html", {"review": review, "form": form})


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
        upload = form.cleaned_data["file"]
        batch = ReviewImport(
            original_name=upload.name[:255],
            source=form.cleaned_data["source"],
            uploaded_by=request.user,
        )
        batch.file.save(upload.name, upload, save=True)
        services.run_import(batch, commit=False)
        return redirect("reviews:import_batch", pk=batch.pk)
    batches = list(ReviewImport.objects.select_related("uploaded_by")[:20])
    return render(request, "reviews/imports.html", {"form": form, "batches": batches})


@role_required(*roles.DESK)
def import_batch(request, pk):
    batch = get_object_or_404(ReviewImport.objects.select_related("uploaded_by"), pk=pk)
    rows = batch.report.get("rows", [])
    rejected = [row for row in rows if row[1] == "rejected"]
    return render(
        request, "reviews/import_batch.html", {"batch": batch, "rejected": rejected, "rows": rows}
    )


@role_required(*roles.DESK)
@require_POST
def import_commit(request, pk):
    batch = get_object_or_404(ReviewImport, pk=pk)
    if batch.status != ReviewImport.Status.CHECKED:
        messages.error(request, _("This file was already imported or could not be read."))
        return redirect("reviews:import_batch", pk=pk)
    counts = services.run_import(batch, commit=True, user=request.user)
    messages.success(
        request,
        _(
            "Imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged, "
            "%(rejected)s rejected."
        )
        % counts,
    )
    return redirect("reviews:import_batch", pk=pk)


@role_required(*roles.DESK)
def import_file(request, pk):
    batch = get_object_or_404(ReviewImport, pk=pk)
    return FileResponse(batch.file.open("rb"), as_attachment=True, filename=batch.original_name)


@role_required(*roles.MANAGERS)
def improvement_report(request):
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    figures = report.build(start, end)
    chart = report.chart(figures)
    chart["names"] = {"score": _("Average score"), "count": _("Reviews")}
    return render(request, "reviews/report.html", {"form": form, "report": figures, "chart": chart})
