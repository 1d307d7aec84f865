from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from guestdesk.forms import checkboxes, label_languages
from vendors.models import (
    GUIDE_LANGUAGES,
    SPOKEN_LANGUAGES,
    Category,
    Contact,
    OpeningHours,
    Place,
    PlaceTag,
    Supplier,
)
from vendors.presets import codes_of

LANGUAGE_LABELS = {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English")}


class SupplierForm(forms.ModelForm):
    categories = checkboxes(
        _("Categories"),
        Category.choices,
        error_messages={"required": _("Choose at least one category.")},
    )
    languages = checkboxes(_("Languages spoken"), SPOKEN_LANGUAGES, required=False)

    class Meta:
        model = Supplier
        fields = [
            "name",
            "categories",
            "offer",
            "address",
            "website",
            "phone",
            "email",
            "working_hours",
            "languages",
            "payment_terms",
            "commission_type",
            "commission_value",
            "contract_start",
            "contract_end",
            "preferred",
            "active",
            "notes",
        ]
        widgets = {
            "offer": forms.Textarea(attrs={"rows": 3}),
            "payment_terms": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "contract_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "contract_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, show_commission=True, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("categories", self.instance.category_codes)
            self.initial.setdefault("languages", self.instance.language_codes)
        if not show_commission:
            # Commission terms are for managers' eyes: agents edit everything else.
            del self.fields["commission_type"]
            del self.fields["commission_value"]

    def save(self, commit=True):
        supplier = super().save(commit=commit)
        if commit:
            supplier.set_categories(self.cleaned_data["categories"])
            supplier.set_languages(self.cleaned_data["languages"])
        return supplier


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "role", "phone", "email", "messenger"]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("name") is None and any(data.get(f) for f in ("phone", "email", "messenger")):
            self.add_error("name", _("Give the contact person's name."))
        return data


ContactFormSet = inlineformset_factory(
    Supplier, Contact, form=ContactForm, extra=2, can_delete=True, max_num=30
)


class PlaceForm(forms.ModelForm):
    tags = checkboxes(_("Tags"), PlaceTag.choices, required=False)

    class Meta:
        model = Place
        fields = [
            "kind",
            "name_en",
            "name_ru",
            "name_kk",
            "description_en",
            "description_ru",
            "description_kk",
            "address",
            "latitude",
            "longitude",
            "phone",
            "website",
            "hours_note",
            "price_level",
            "walking_minutes",
            "tags",
            "last_verified",
            "active",
        ]
        widgets = {
            f"description_{code}": forms.Textarea(attrs={"rows": 3}) for code in GUIDE_LANGUAGES
        } | {"last_verified": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the reader's language (labels built when the module loads would keep one).
        label_languages(
            self, {"name": pgettext_lazy("title", "Name"), "description": _("Description")}
        )
        if self.instance.pk:
            self.initial.setdefault("tags", self.instance.tag_codes)
        for code in GUIDE_LANGUAGES:
            self.fields[f"name_{code}"].required = False
            self.fields[f"description_{code}"].required = False

    def clean(self):
        super().clean()
        data = self.cleaned_data
        names = [(data.get(f"name_{code}") or "").strip() for code in GUIDE_LANGUAGES]
        if not any(names):
            raise forms.ValidationError(
                _("Give the place's name in at least one language."), code="name"
            )
        for code in GUIDE_LANGUAGES:
            data[f"name_{code}"] = (data.get(f"name_{code}") or "").strip() or None
        return data

    def save(self, commit=True):
        place = super().save(commit=commit)
        if commit:
            place.set_tags(self.cleaned_data["tags"])
        return place


class OpeningHoursForm(forms.ModelForm):
    class Meta:
        model = OpeningHours
        fields = ["weekday", "opens", "closes"]
        widgets = {
            "opens": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "closes": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


OpeningHoursFormSet = inlineformset_factory(
    Place, OpeningHours, form=OpeningHoursForm, extra=3, can_delete=True, max_num=28
)


class SheetForm(forms.Form):
    """The places chosen for a guest, the sheet's language and an optional note."""

    places = forms.ModelMultipleChoiceField(
        label=_("Places"),
        queryset=Place.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one place.")},
    )
    language = forms.ChoiceField(label=_("Language of the sheet"), choices=())
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty for a title in the guest's language."),
    )
    note = forms.CharField(
        label=_("Personal note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # The ready selections the agent started from, "lunch_nearby,shopping"; unknown codes drop.
    preset = forms.CharField(required=False, max_length=200)

    MAX_PLACES = 12

    def __init__(self, *args, places=None, **kwargs):
        super().__init__(*args, **kwargs)
        places_field = self.fields["places"]
        language_field = self.fields["language"]
        assert isinstance(places_field, forms.ModelMultipleChoiceField)
        assert isinstance(language_field, forms.ChoiceField)
        places_field.queryset = places if places is not None else Place.objects.active()
        language_field.choices = [(c, LANGUAGE_LABELS[c]) for c in GUIDE_LANGUAGES]

    def clean_preset(self):
        return ",".join(codes_of(self.cleaned_data["preset"]))

    def clean_places(self):
        places = self.cleaned_data["places"]
        if len(places) > self.MAX_PLACES:
            raise forms.ValidationError(
                _("A sheet holds at most %(count)d places."), params={"count": self.MAX_PLACES}
            )
        return places
