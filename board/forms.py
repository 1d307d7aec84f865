from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from board.models import (
    Event,
    HoursException,
    OpeningHours,
    ServiceEntry,
    Venue,
)
from guestdesk.forms import form_field, in_languages, label_languages
from guestdesk.models import Department

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXTAREA = forms.Textarea(attrs={"rows": 3})


class EventForm(forms.ModelForm):
    confirm_overlap = forms.BooleanField(
        label=_("Overlap on purpose: keep both events in this venue"),
        required=False,
        help_text=_("Managers only."),
    )

    class Meta:
        model = Event
        fields = [
            *in_languages("title", "description"),
            "venue",
            "starts_at",
            "ends_at",
            "is_public",
            "organiser",
            "contact",
            "expected_attendance",
            "departments",
            "staff_notes",
        ]
        widgets = {
            "starts_at": DATETIME_INPUT,
            "ends_at": DATETIME_INPUT,
            **dict.fromkeys(in_languages("description"), TEXTAREA),
            "staff_notes": TEXTAREA,
            "departments": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, can_confirm_overlap=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_confirm_overlap = can_confirm_overlap
        if not can_confirm_overlap:
            del self.fields["confirm_overlap"]
        venues = Venue.objects.all() if self.instance.pk else Venue.objects.active()
        form_field(self, "venue", forms.ModelChoiceField).queryset = venues
        form_field(
            self, "departments", forms.ModelChoiceField
        ).queryset = Department.objects.active()
        label_languages(self, {"title": _("Title"), "description": _("Description")})
        for name in ("starts_at", "ends_at"):
            form_field(self, name, forms.DateTimeField).input_formats = [
                "%Y-%m-%dT%H:%M",
                "%Y-%m-%d %H:%M",
            ]

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event ends before it starts."))
        return cleaned


def default_event_times(day=None):
    """A new event defaults to 19:00-21:00 hotel time on `day` (today by default)."""
    day = day or timezone.localdate()
    start = timezone.make_aware(datetime.combine(day, time(19, 0)))
    return {"starts_at": start, "ends_at": start + timedelta(hours=2)}


class ServiceEntryForm(forms.ModelForm):
    class Meta:
        model = ServiceEntry
        fields = [
            "category",
            *in_languages("title", "description", "location", "price_note"),
            "phone_extension",
            "always_open",
            "is_public",
            "order",
        ]
        widgets = dict.fromkeys(in_languages("description"), TEXTAREA)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_languages(
            self,
            {
                "title": _("Title"),
                "description": _("Description"),
                "location": _("Where in the hotel"),
                "price_note": _("Price"),
            },
        )


class VenueForm(forms.ModelForm):
    class Meta:
        model = Venue
        fields = [
            *in_languages("name", "location"),
            "capacity",
            "active",
            "order",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_languages(
            self, {"name": pgettext_lazy("title", "Name"), "location": _("Where in the hotel")}
        )


HoursFormSet: "type[BaseInlineFormSet[OpeningHours, ServiceEntry, Any]]" = inlineformset_factory(
    ServiceEntry,
    OpeningHours,
    fields=["weekday", "opens", "closes"],
    widgets={"opens": TIME_INPUT, "closes": TIME_INPUT},
    extra=2,
    can_delete=True,
)

ExceptionsFormSet: "type[BaseInlineFormSet[HoursException, ServiceEntry, Any]]" = (
    inlineformset_factory(
        ServiceEntry,
        HoursException,
        fields=["date", "closed", "opens", "closes", "note"],
        widgets={"date": DATE_INPUT, "opens": TIME_INPUT, "closes": TIME_INPUT},
        extra=1,
        can_delete=True,
    )
)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    public_only = forms.BooleanField(label=_("Only what guests see"), required=False)
