from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guestportal.kinds import Kind


class Honeypot(forms.Form):
    """A field people never see (hidden by CSS): only a robot fills it in."""

    website = forms.CharField(required=False, label=_("Leave this empty"))

    def is_robot(self) -> bool:
        return bool(self.data.get("website"))


class RoomForm(Honeypot):
    room = forms.CharField(label=_("Room number"), max_length=20)
    surname = forms.CharField(label=_("Surname"), max_length=100)


class AskForm(Honeypot):
    kind = forms.ChoiceField(label=_("What can we arrange?"), choices=Kind.choices)
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))
    people = forms.IntegerField(label=_("People"), min_value=1, max_value=50, initial=1)
    notes = forms.CharField(
        label=_("Anything we should know"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where to, a restaurant's name, a show, your wishes."),
    )

    def clean_day(self):
        day = self.cleaned_data["day"]
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("Choose today or a later date."))
        if day > today + timedelta(days=366):
            raise forms.ValidationError(_("Choose a date within a year."))
        return day


SCORES = [(n, str(n)) for n in range(10, 0, -1)]


class FeedbackForm(Honeypot):
    score = forms.TypedChoiceField(
        label=_("How was your stay, from 1 to 10?"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Your words for the hotel"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    language = forms.ChoiceField(label=_("Language of your text"), choices=settings.LANGUAGES)
