"""The review list's filters (GET), as a FilterSet over Review."""

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from guestdesk.filters import CheckboxFilter, ListFilterSet
from guestdesk.forms import small_controls
from reviews.models import Review, ReviewQuerySet, Topic


class ReviewFilterForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        small_controls(self)


class TopicFilter(django_filters.Filter):
    field_class = forms.ModelChoiceField


class ReviewFilter(ListFilterSet):
    q = django_filters.CharFilter(label=_("Text"), method="search")
    source = django_filters.ChoiceFilter(
        label=_("Source"),
        choices=[("", _("All sources")), *Review.Source.choices],
        empty_label=None,
    )
    topic = TopicFilter(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        empty_label=_("All topics"),
        field_name="topic_links__topic",
    )
    min_score = django_filters.NumberFilter(
        label=_("Score from"), min_value=0, max_value=10, field_name="score", lookup_expr="gte"
    )
    max_score = django_filters.NumberFilter(
        label=_("Score to"), min_value=0, max_value=10, field_name="score", lookup_expr="lte"
    )
    start = django_filters.DateFilter(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
        field_name="date",
        lookup_expr="gte",
    )
    end = django_filters.DateFilter(
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
        field_name="date",
        lookup_expr="lte",
    )
    unanswered = CheckboxFilter(label=_("Unanswered only"), method="unanswered_only")

    class Meta:
        form = ReviewFilterForm

    def search(self, reviews: QuerySet, name: str, value: str) -> QuerySet:
        return reviews.filter(
            Q(text__icontains=value) | Q(title__icontains=value) | Q(author__icontains=value)
        )

    def unanswered_only(self, reviews: ReviewQuerySet, name: str, value: bool) -> ReviewQuerySet:
        return reviews.unanswered() if value else reviews
