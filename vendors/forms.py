from django import forms
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from vendors.models import (
    GUIDE_LANGUAGES,
    SPOKEN_LANGUAGES,
    Category,
    Contact,
    ContractState,
    OpeningHours,
    Place,
    PlaceKind,
    PlaceTag,
    PriceLevel,
    Supplier,
)
from vendors.presets import codes_of

LANGUAGE_LABELS = {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English")}


class SupplierForm(forms.ModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Categories"),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one category.")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

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
        data = super().clean()
        if data.get("name") is None and any(data.get(f) for f in ("phone", "email", "messenger")):
            self.add_error("name", _("Give the contact person's name."))
        return data


ContactFormSet = inlineformset_factory(
    Supplier, Contact, form=ContactForm, extra=2, can_delete=True, max_num=30
)


class DirectoryFilter(forms.Form):
    """The directory's search and filters (GET)."""

    q = forms.CharField(label=_("Search"), required=False)
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All categories")), *Category.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *SPOKEN_LANGUAGES]
    )
    preferred = forms.BooleanField(label=_("Preferred only"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("active", _("Active")), ("inactive", _("Inactive")), ("all", _("All"))],
    )
    contract = forms.ChoiceField(
        label=_("Contract"),
        required=False,
        choices=[
            ("", _("Any contract")),
            (ContractState.EXPIRING, _("Expires within 30 days")),
            (ContractState.EXPIRED, _("Expired")),
        ],
    )

    def filter(self, suppliers):
        if not self.is_valid():
            return suppliers.active()
        data = self.cleaned_data
        suppliers = suppliers.search(data["q"])
        if data["category"]:
            suppliers = suppliers.in_category(data["category"])
        if data["language"]:
            suppliers = suppliers.speaking(data["language"])
        if data["preferred"]:
            suppliers = suppliers.filter(preferred=True)
        status = data["status"] or "active"
        if status != "all":
            suppliers = suppliers.filter(active=status == "active")
        if data["contract"] == ContractState.EXPIRING:
            suppliers = suppliers.contract_expiring()
        elif data["contract"] == ContractState.EXPIRED:
            suppliers = suppliers.contract_expired()
        return suppliers


class PlaceForm(forms.ModelForm):
    tags = forms.MultipleChoiceField(
        label=_("Tags"),
        choices=PlaceTag.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

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
        labels = {
            f"{field}_{code}": f"{label} ({LANGUAGE_LABELS[code]})"
            for field, label in (("name", _("Name")), ("description", _("Description")))
            for code in GUIDE_LANGUAGES
        }
        widgets = {
            f"description_{code}": forms.Textarea(attrs={"rows": 3}) for code in GUIDE_LANGUAGES
        } | {"last_verified": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("tags", self.instance.tag_codes)
        for code in GUIDE_LANGUAGES:
            self.fields[f"name_{code}"].required = False
            self.fields[f"description_{code}"].required = False

    def clean(self):
        data = super().clean()
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


class GuideFilter(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *PlaceKind.choices]
    )
    tag = forms.MultipleChoiceField(
        label=_("Tags"),
        required=False,
        choices=PlaceTag.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    price = forms.TypedChoiceField(
        label=_("Price up to"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any price")), *PriceLevel.choices],
    )
    walk = forms.TypedChoiceField(
        label=_("Walk up to"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("Any distance")),
            (5, _("5 minutes")),
            (10, _("10 minutes")),
            (15, _("15 minutes")),
            (30, _("30 minutes")),
        ],
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    check = forms.BooleanField(label=_("Needs checking"), required=False)
    inactive = forms.BooleanField(label=_("Include inactive"), required=False)

    def filter(self, places):
        if not self.is_valid():
            return places.active()
        data = self.cleaned_data
        if not data["inactive"]:
            places = places.active()
        if data["q"]:
            text = data["q"]
            query = Q()
            for code in GUIDE_LANGUAGES:
                query |= Q(**{f"name_{code}__icontains": text})
                query |= Q(**{f"description_{code}__icontains": text})
            places = places.filter(query | Q(address__icontains=text))
        if data["kind"]:
            places = places.filter(kind=data["kind"])
        if data["tag"]:
            places = places.with_tags(data["tag"])
        if data["price"] is not None:
            places = places.filter(price_level__lte=data["price"])
        if data["walk"] is not None:
            places = places.filter(walking_minutes__lte=data["walk"])
        if data["open_now"]:
            places = places.open_at()
        if data["check"]:
            places = places.needing_check()
        return places


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
        self.fields["places"].queryset = places if places is not None else Place.objects.active()
        self.fields["language"].choices = [(c, LANGUAGE_LABELS[c]) for c in GUIDE_LANGUAGES]

    def clean_preset(self):
        return ",".join(codes_of(self.cleaned_data["preset"]))

    def clean_places(self):
        places = self.cleaned_data["places"]
        if len(places) > self.MAX_PLACES:
            raise forms.ValidationError(
                _("A sheet holds at most %(count)d places."), params={"count": self.MAX_PLACES}
            )
        return places
