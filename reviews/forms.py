from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arrivals.forms import ImportFileForm, profile_field
from arrivals.models import Guest, ImportProfile
from guestdesk.forms import form_field, small_controls
from guestdesk.models import Department
from reviews.models import Review, Topic
from traces.models import TEXT_MAX_LENGTH as TRACE_TEXT_MAX_LENGTH

DEFAULT_DAYS = 90


class GuestBookForm(forms.ModelForm):
    """A guest-book entry typed in by the desk; the model's clean() checks the values."""

    guest = forms.ModelChoiceField(
        queryset=Guest.objects.all(), required=False, widget=forms.HiddenInput
    )

    class Meta:
        model = Review
        fields = ["date", "rating", "scale", "author", "language", "title", "text", "guest"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "text": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.source = Review.Source.GUEST_BOOK
        self.fields["rating"].help_text = _("As the guest gave it, on the scale chosen below.")
        form_field(self, "text", forms.CharField).strip = True


class ResponseForm(forms.Form):
    response = forms.CharField(
        label=_("Response"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


REQUEST, TRACE = "request", "trace"


class FollowUpForm(forms.Form):
    """What a follow-up asks of which department; the department defaults to the topic's."""

    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("None")
    )
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.active(),
        required=False,
        empty_label=_("The topic's department"),
    )
    note = forms.CharField(
        label=_("What should be done"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        strip=True,
    )
    kind = forms.ChoiceField(
        label=_("As"),
        choices=[
            (REQUEST, _("a guest request")),
            (TRACE, _("a task for the department (trace)")),
        ],
        initial=REQUEST,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, review: Review | None = None, **kwargs):
        self.review = review
        if review is not None and "initial" not in kwargs:
            complaints = [link.topic for link in review.topic_links.all() if link.is_negative]
            kwargs["initial"] = {"topic": complaints[0].pk if complaints else None}
        super().__init__(*args, **kwargs)
        small_controls(self)
        if review is not None and review.stay_id is None:
            self.fields["kind"].help_text = _(
                "A trace needs the stay the review is matched to; this review has none."
            )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        topic, department = data.get("topic"), data.get("department")
        if department is None and topic is not None and topic.department_id:
            department = Department.objects.active().filter(pk=topic.department_id).first()
        if department is None:
            raise forms.ValidationError(_("Choose the department that should do the work."))
        data["department"] = department
        data["kind"] = data.get("kind") or REQUEST
        if data["kind"] == TRACE:
            if self.review is None or self.review.stay_id is None:
                raise forms.ValidationError(
                    _(
                        "This review is not matched to a stay, so the department cannot get "
                        "a trace: match it to a stay or create a guest request."
                    )
                )
            heading = f"{topic.name}: " if topic is not None else ""
            if len(heading + data.get("note", "")) > TRACE_TEXT_MAX_LENGTH:
                raise forms.ValidationError(
                    _("A trace says what to do in at most %(limit)d characters.")
                    % {"limit": TRACE_TEXT_MAX_LENGTH}
                )
        return data


class ImportForm(ImportFileForm):
    """Upload a reviews file; a saved profile maps other column names."""

    profile = profile_field(ImportProfile.Kind.REVIEWS, _("None: the header names the fields"))
    source = forms.ChoiceField(
        label=_("Source"),
        required=False,
        choices=[("", _("From the file's source column")), *Review.Source.choices],
        help_text=_("Used for rows without a source column."),
    )

    def profile_settings(self) -> tuple[ImportProfile | None, dict]:
        profile = self.cleaned_data.get("profile")
        return (profile, profile.as_dict()) if profile else (None, {})


class PeriodForm(forms.Form):
    """The report's period; without dates the last 90 days up to today."""

    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data=None, **kwargs):
        start, end = self.default()
        super().__init__(data, initial={"start": start, "end": end}, **kwargs)
        small_controls(self)

    @staticmethod
    def default():
        end = timezone.localdate()
        return end - timedelta(days=DEFAULT_DAYS - 1), end

    def clean(self):
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The period must start before it ends."))
        if start and end and (end - start).days > 3 * 366:
            raise forms.ValidationError(_("Choose a period of at most three years."))
        return data

    def period(self):
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("end") or timezone.localdate()
        start = data.get("start") or end - timedelta(days=DEFAULT_DAYS - 1)
        return start, end
