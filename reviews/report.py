"""The improvement report: how the score moves and what guests complain about most.

`build(start, end)` compares the period with the one of the same length just before it
and runs a fixed number of queries whatever the number of reviews: every figure is added
up in PostgreSQL.

Topics are ranked by their estimated effect on the average score: the share of reviews
that complain about the topic times the score gap (the mean score of the reviews without
that complaint minus the mean score of those with it). It is roughly how much the average
would rise if the complaint went away, and it weighs a rare but bitter complaint against a
frequent mild one.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Aggregate, Avg, Count, F, FloatField, Func, Q, Sum, Value, Window
from django.db.models.functions import RowNumber, TruncMonth
from django.utils.translation import gettext as _

from guestdesk import charts
from reviews.models import NEGATIVE_MAX, Review, ReviewFollowUp, ReviewTopic, Topic

QUOTES = 2
NEGATIVE = ReviewTopic.Sentiment.NEGATIVE


@dataclass
class TopicLine:
    topic: Topic
    complaints: int
    praise: int
    share: Decimal  # % of the period's reviews that complain about it
    previous_complaints: int
    previous_share: Decimal
    quotes: list = field(default_factory=list)
    followups: int = 0
    followups_done: int = 0
    # Mean scores of the period's reviews with and without the complaint, the gap between
    # them and the estimated effect on the average score (points of 0-10, None: no data).
    mean_with: Decimal | None = None
    mean_without: Decimal | None = None
    gap: Decimal | None = None
    effect: Decimal | None = None
    previous_effect: Decimal | None = None

    @property
    def change(self):
        """Percentage points since the previous period (positive: more complaints)."""
        return self.share - self.previous_share

    @property
    def effect_change(self) -> Decimal | None:
        """How the effect moved since the previous period (positive: it costs more now)."""
        if self.effect is None or self.previous_effect is None:
            return None
        return self.effect - self.previous_effect


def effect(count: int, total, complaints: int, complaint_total) -> dict[str, Decimal | None]:
    """Gap and estimated effect of a complaint made in `complaints` of `count` reviews.

    `total` is the sum of all the reviews' scores, `complaint_total` that of the reviews
    with the complaint. Without reviews on both sides there is no gap to measure.
    """
    if not count or not complaints or complaints >= count:
        return {"mean_with": None, "mean_without": None, "gap": None, "effect": None}
    mean_with = Decimal(complaint_total) / complaints
    mean_without = (Decimal(total) - Decimal(complaint_total)) / (count - complaints)
    gap = mean_without - mean_with
    return {
        "mean_with": _round(mean_with),
        "mean_without": _round(mean_without),
        "gap": _round(gap),
        "effect": (Decimal(complaints) / count * gap).quantize(Decimal("0.01")),
    }


class Median(Aggregate):
    """PostgreSQL's continuous median of the expression (NULLs left out)."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        # The development database: a median aggregate registered by reviews.sqlite.
        return self.as_sql(compiler, connection, template="reviews_median(%(expressions)s)")


class DaysToRespond(Func):
    """Days from the start of the review's date (hotel time) to the response."""

    template = "EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0"  # seconds in a day
    arg_joiner = " - "
    output_field = FloatField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        # The development database: the same days, worked out by reviews.sqlite.
        responded, midnight = self.get_source_expressions()
        day, zone = midnight.get_source_expressions()
        days = Func(responded, day, zone, function="reviews_days_to_respond")
        return days.as_sql(compiler, connection)

    def __init__(self) -> None:
        midnight = Func(
            F("date"),
            Value(settings.TIME_ZONE),
            template="(%(expressions)s)",
            arg_joiner="::timestamp AT TIME ZONE ",
        )
        super().__init__(F("responded_at"), midnight)


def previous_period(start, end):
    length = end - start
    previous_end = start - timedelta(days=1)
    return previous_end - length, previous_end


def _percent(part, whole):
    if not whole:
        return Decimal(0)
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


def _round(value):
    return None if value is None else Decimal(value).quantize(Decimal("0.1"))


def _summary(start, end, previous):
    reviews = Review.objects.all()
    figures = reviews.aggregate(
        count=Count("pk", filter=Q(date__range=(start, end))),
        total=Sum("score", filter=Q(date__range=(start, end))),
        previous_total=Sum("score", filter=Q(date__range=previous)),
        average=Avg("score", filter=Q(date__range=(start, end))),
        negative=Count("pk", filter=Q(date__range=(start, end), score__lte=NEGATIVE_MAX)),
        unanswered=Count("pk", filter=Q(date__range=(start, end), responded_at__isnull=True)),
        previous_count=Count("pk", filter=Q(date__range=previous)),
        previous_average=Avg("score", filter=Q(date__range=previous)),
    )
    figures["average"] = _round(figures["average"])
    figures["previous_average"] = _round(figures["previous_average"])
    if figures["average"] is not None and figures["previous_average"] is not None:
        figures["change"] = figures["average"] - figures["previous_average"]
    else:
        figures["change"] = None
    return figures


def _topic_lines(start, end, previous, summary):
    count, previous_count = summary["count"], summary["previous_count"]
    in_period = Q(sentiment=NEGATIVE, review__date__range=(start, end))
    in_previous = Q(sentiment=NEGATIVE, review__date__range=previous)
    counted = (
        ReviewTopic.objects.filter(
            Q(review__date__range=(start, end)) | Q(review__date__range=previous)
        )
        .values("topic")
        .annotate(
            complaints=Count("pk", filter=Q(sentiment=NEGATIVE, review__date__range=(start, end))),
            praise=Count("pk", filter=~Q(sentiment=NEGATIVE) & Q(review__date__range=(start, end))),
            previous=Count("pk", filter=in_previous),
            # A review has one link per topic, so these add up each review's score once.
            complaint_total=Sum("review__score", filter=in_period),
            previous_complaint_total=Sum("review__score", filter=in_previous),
        )
        .order_by()
    )
    by_topic = {row["topic"]: row for row in counted}
    empty = {"complaints": 0, "praise": 0, "previous": 0}
    lines = []
    for topic in Topic.objects.all():
        row = by_topic.get(topic.pk, empty)
        if not (row["complaints"] or row["previous"] or row["praise"]):
            continue
        now = effect(count, summary["total"], row["complaints"], row.get("complaint_total"))
        before = effect(
            previous_count,
            summary["previous_total"],
            row["previous"],
            row.get("previous_complaint_total"),
        )
        lines.append(
            TopicLine(
                topic=topic,
                complaints=row["complaints"],
                praise=row["praise"],
                share=_percent(row["complaints"], count),
                previous_complaints=row["previous"],
                previous_share=_percent(row["previous"], previous_count),
                mean_with=now["mean_with"],
                mean_without=now["mean_without"],
                gap=now["gap"],
                effect=now["effect"],
                previous_effect=before["effect"],
            )
        )
    lines.sort(
        key=lambda line: (
            -(line.effect if line.effect is not None else Decimal(-100)),
            -line.complaints,
            line.topic.order,
        )
    )
    return lines


def _followups(start, end) -> dict[int | None, dict[str, int]]:
    """{topic id: {"total", "done"}} of follow-ups of the period's reviews (one query);
    a follow-up is done when its guest request or its trace is."""
    rows = (
        ReviewFollowUp.objects.filter(review__date__range=(start, end))
        .values("topic")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(request__status="done") | Q(trace__status="done")),
        )
        .order_by()
    )
    return {row["topic"]: {"total": row["total"], "done": row["done"]} for row in rows}


def _quotes(start, end):
    """The QUOTES newest complaints of each topic in the period (one query)."""
    ranked = (
        ReviewTopic.objects.filter(sentiment=NEGATIVE, review__date__range=(start, end))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("topic_id")],
                order_by=[F("review__date").desc(), F("review_id").desc()],
            )
        )
        .filter(rank__lte=QUOTES)
        .select_related("review")
        .order_by("topic_id", "rank")
    )
    quotes: dict[int, list[Any]] = {}
    for link in ranked:
        quotes.setdefault(link.topic_id, []).append(link)
    return quotes


def _by_source_and_month(start, end) -> list[dict[str, Any]]:
    """Reviews, average score, answered and median days to respond per source and month."""
    rows = list(
        Review.objects.between(start, end)
        .annotate(month=TruncMonth("date"))
        .values("source", "month")
        .annotate(
            count=Count("pk"),
            total=Sum("score"),
            average=Avg("score"),
            negative=Count("pk", filter=Q(score__lte=NEGATIVE_MAX)),
            answered=Count("pk", filter=Q(responded_at__isnull=False)),
            median_days=Median(DaysToRespond()),
        )
        .order_by("source", "month")
    )
    for row in rows:
        row["average"] = _round(row["average"])
        row["median_days"] = _round(row["median_days"])
    return rows


def _totals(rows, key: str, order) -> list[dict[str, Any]]:
    """The per source and month rows added up by `key` ("month" or "source")."""
    totals: dict[Any, dict[str, Any]] = {}
    for row in rows:
        entry = totals.setdefault(row[key], {key: row[key], "count": 0, "total": 0, "negative": 0})
        entry["count"] += row["count"]
        entry["total"] += row["total"]
        entry["negative"] += row["negative"]
    result = sorted(totals.values(), key=order)
    for entry in result:
        entry["average"] = _round(Decimal(entry["total"]) / entry["count"])
    return result


def _source_table(rows, months, labels) -> dict[str, Any]:
    """The per source and month figures as a table: a row per source, a column per month
    (None where a source had no review that month)."""
    columns = [month["month"] for month in months]
    cells: dict[str, dict[Any, dict[str, Any]]] = {}
    for row in rows:
        cells.setdefault(row["source"], {})[row["month"]] = row
    return {
        "months": columns,
        "rows": [
            {
                "label": labels.get(source, source),
                "cells": [by_month.get(month) for month in columns],
            }
            for source, by_month in sorted(cells.items())
        ],
    }


def build(start, end):
    """Everything the report page shows for the period from `start` to `end`."""
    previous = previous_period(start, end)
    summary = _summary(start, end, previous)
    by_source_month = _by_source_and_month(start, end)
    months = _totals(by_source_month, "month", order=lambda row: row["month"])
    sources = _totals(by_source_month, "source", order=lambda row: (-row["count"], row["source"]))
    labels = dict(Review.Source.choices)
    for source in sources:
        source["label"] = labels.get(source["source"], source["source"])
    lines = _topic_lines(start, end, previous, summary)
    quotes = _quotes(start, end)
    followups = _followups(start, end)
    for line in lines:
        line.quotes = quotes.get(line.topic.pk, [])
        counted = followups.get(line.topic.pk, {"total": 0, "done": 0})
        line.followups, line.followups_done = counted["total"], counted["done"]
    return {
        "start": start,
        "end": end,
        "previous_start": previous[0],
        "previous_end": previous[1],
        "summary": summary,
        "months": months,
        "sources": sources,
        "by_source": _source_table(by_source_month, months, labels),
        "topics": lines,
        "complaints": [line for line in lines if line.complaints],
    }


def chart(report):
    """The monthly chart: the average score (0-10) as a line, the number of reviews as bars."""
    months = report["months"]
    return charts.chart(
        [m["month"].strftime("%Y-%m") for m in months],
        [
            charts.line(_("Average score"), [float(m["average"]) for m in months], "#198754"),
            charts.bar(_("Reviews"), [m["count"] for m in months], "#adb5bd", axis="count"),
        ],
        axes={"y": {"min": 0, "max": 10, "side": "left"}, "count": {"side": "right"}},
    )


# One colour per source line, in the order of the table (sources sorted by code).
PALETTE = ("#0d6efd", "#dc3545", "#fd7e14", "#6f42c1", "#20c997", "#d63384", "#6c757d", "#ffc107")


def source_chart(report):
    """The score by source and month: a line per source (a gap where it had no review) and
    the average of all sources in black."""
    table, months = report["by_source"], report["months"]
    series = [
        charts.line(
            row["label"],
            [float(cell["average"]) if cell else None for cell in row["cells"]],
            PALETTE[index % len(PALETTE)],
        )
        for index, row in enumerate(table["rows"])
    ]
    series.append(charts.line(_("All sources"), [float(m["average"]) for m in months], "#000000"))
    return charts.chart(
        [m["month"].strftime("%Y-%m") for m in months],
        series,
        axes={"y": {"min": 0, "max": 10, "side": "left"}},
    )
