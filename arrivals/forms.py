import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from arrivals.languages import language_choices
from arrivals.models import (
    NOTES_MAX_LENGTH,
    Guest,
    ImportProfile,
    Stay,
    VipLevel,
    validate_columns,
)
from guestdesk.forms import in_languages, label_languages
from guestdesk.imports.pages import check_upload


class StayForm(forms.ModelForm):
    """An agent's edit of a stay; the VIP level only for managers."""

    class Meta:
        model = Stay
        fields = [
            "room",
            "arrival_date",
            "eta",
            "departure_date",
            "adults",
            "children",
            "vip_level",
            "company",
            "transport_number",
            "pickup_needed",
            "special_attention",
            "security_note",
        ]
        widgets = {
            "arrival_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "departure_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "eta": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "special_attention": forms.Textarea(attrs={"rows": 3}),
            "security_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, manager=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not manager:
            self.fields["vip_level"].disabled = True
            self.fields["vip_level"].help_text = _("Only a manager changes VIP levels.")


class GuestForm(forms.ModelForm):
    class Meta:
        model = Guest
        fields = [
            "first_name",
            "last_name",
            "nationality",
            "language",
            "email",
            "phone",
            "birthday",
            "default_vip_level",
            *Guest.PREFERENCES,
            "notes",
        ]
        widgets = {
            "birthday": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "preferences_notes": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, manager=False, **kwargs):
        super().__init__(*args, **kwargs)
        # The form class froze the model's choices in the language active at import time;
        # name the languages in the language of this request.
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = language_choices()
        if not manager:
            self.fields["default_vip_level"].disabled = True


class VipLevelForm(forms.ModelForm):
    """A VIP level with its name and amenity in each language (digests pick the reader's)."""

    class Meta:
        model = VipLevel
        fields = [
            "code",
            *in_languages("name"),
            "rank",
            "colour",
            *in_languages("amenity"),
            "departments",
        ]
        widgets = {
            **dict.fromkeys(in_languages("amenity"), forms.Textarea(attrs={"rows": 2})),
            "departments": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_languages(self, {"name": _("Level name"), "amenity": _("Amenity to prepare")})
        # A level needs a name in at least the fallback language (English).
        self.fields["name_en"].required = True

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class VipReviewForm(forms.Form):
    """One row of the manager's VIP list: level, notes and the review mark."""

    vip_level = forms.ModelChoiceField(
        label=_("VIP level"),
        queryset=VipLevel.objects.all(),
        required=False,
        empty_label=_("not VIP"),
    )
    special_attention = forms.CharField(
        label=_("Special attention"),
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reviewed = forms.BooleanField(label=_("Reviewed"), required=False)


ENCODINGS = [
    ("utf-8", _("UTF-8 (with or without BOM)")),
    ("utf-16", _("UTF-16 (with BOM)")),
    ("cp1251", _("Windows-1251 (Cyrillic)")),
    ("kz1048", _("KZ-1048 (Kazakh)")),
    ("latin-1", _("Latin-1")),
]
DELIMITERS = [("", _("Detect")), (",", ","), (";", ";"), ("\t", _("Tab"))]


def profile_field(kind: str, empty_label: StrOrPromise) -> forms.ModelChoiceField:
    """The choice of a saved import profile of `kind`; `empty_label` says what none means."""
    return forms.ModelChoiceField(
        label=_("Import profile"),
        queryset=ImportProfile.objects.filter(kind=kind),
        required=False,
        empty_label=empty_label,
    )


class ImportFileForm(forms.Form):
    """An import's file, refused over the size limit; subclasses add the profile and more."""

    file = forms.FileField(label=_("CSV or XLSX file"))

    def clean_file(self):
        return check_upload(self.cleaned_data["file"])


class ImportUploadForm(ImportFileForm):
    """Upload a PMS file with a saved profile, or describe the columns here."""

    profile = profile_field(ImportProfile.Kind.STAYS, _("New profile (fill in below)"))
    full_day = forms.BooleanField(
        label=_("Full-day file"),
        required=False,
        help_text=_(
            "The file lists every arrival of its dates: stays it no longer lists are "
            "flagged for an agent to confirm."
        ),
    )
    name = forms.CharField(label=_("Profile name"), required=False, max_length=100)
    source = forms.CharField(label=_("Source (PMS)"), required=False, max_length=30)
    encoding = forms.ChoiceField(label=_("Encoding"), choices=ENCODINGS, required=False)
    delimiter = forms.ChoiceField(label=_("Separator"), choices=DELIMITERS, required=False)
    date_format = forms.CharField(
        label=_("Date format"),
        required=False,
        help_text=_("For example %d.%m.%Y or %Y-%m-%d."),
    )
    columns = forms.CharField(
        label=_("Columns (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "class": "font-monospace"}),
        help_text=_('GuestDesk field: column name, e.g. {"confirmation_number": "Conf No"}.'),
    )

    def clean_columns(self):
        text = self.cleaned_data["columns"].strip()
        if not text:
            return {}
        try:
            columns = json.loads(text)
        except ValueError:
            raise ValidationError(_("This is not valid JSON.")) from None
        validate_columns(columns)
        return columns

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if self.errors or data.get("profile"):
            return data
        for field in ("name", "date_format", "columns"):
            if not data.get(field):
                self.add_error(field, _("Needed for a new profile."))
        if data.get("name") and ImportProfile.objects.filter(name=data["name"]).exists():
            self.add_error("name", _("A profile with this name exists; pick it above."))
        return data

    def profile_settings(self):
        """The profile (saved or new) as the dict an import runs with."""
        data = self.cleaned_data
        if data.get("profile"):
            return data["profile"], data["profile"].as_dict()
        profile = ImportProfile.objects.create(
            name=data["name"],
            source=data.get("source") or "PMS",
            encoding=data.get("encoding") or "utf-8",
            delimiter=data.get("delimiter") or "",
            date_format=data["date_format"],
            columns=data["columns"],
        )
        return profile, profile.as_dict()


class AnonymiseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=80,
        help_text=_("For example: the guest asked in writing on 12.03.2026. Kept in the history."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that names, contacts, preferences and notes cannot be restored.")
    )
