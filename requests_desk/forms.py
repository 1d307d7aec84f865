from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arrivals.models import Guest, Stay
from guestdesk import roles
from requests_desk import details
from requests_desk.models import LeadTime, ServiceRequest, Status
from requests_desk.services import FORM_FIELDS
from requests_desk.types import SUPPLIER_CATEGORY, RequestType
from vendors.models import Supplier

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# E-tickets and vouchers: PDF and the image formats phones and scanners produce.
ATTACHMENT_TYPES = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "webp": ("image/webp", (b"RIFF",)),
}


def attachment_max_bytes():
    return getattr(settings, "REQUESTS_ATTACHMENT_MAX_MB", 10) * 1024 * 1024


def desk_users():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=roles.DESK)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class StayChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        room = f" · {obj.room}" if obj.room else ""
        return (
            f"{obj.guest.name}{room} · {obj.confirmation_number} · "
            f"{obj.arrival_date:%d.%m}–{obj.departure_date:%d.%m.%Y}"
        )


def stays_to_offer(extra_pk=None) -> QuerySet[Stay]:
    """Stays a request is usually for: in house or arriving within two months; today's
    arrivals first, then the guests in house, then the rest by arrival."""
    today = timezone.localdate()
    stays = Stay.objects.active().filter(
        departure_date__gte=today - timedelta(days=1), arrival_date__lte=today + timedelta(days=60)
    )
    if extra_pk:
        stays = stays | Stay.objects.filter(pk=extra_pk)
    first = Case(
        When(arrival_date=today, then=Value(0)),
        When(
            Q(status=Stay.Status.IN_HOUSE) | Q(arrival_date__lt=today, departure_date__gte=today),
            then=Value(1),
        ),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        stays.select_related("guest")
        .annotate(offer_order=first)
        .order_by("offer_order", "arrival_date", "guest__last_name", "pk")
    )


class SupplierSelect(forms.Select):
    """Each supplier's categories on its option, so the form shows those of the chosen
    type only (static/js/requests_desk.js); the server refuses the others anyway."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        supplier = getattr(value, "instance", None)
        if supplier is not None:
            option["attrs"]["data-categories"] = " ".join(sorted(supplier.category_codes))
        return option


def _model_choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """The form's field `name`, which offers model instances."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


def bookable_suppliers(type_: str | None, keep_pk: int | None = None) -> QuerySet[Supplier]:
    """Suppliers to offer for a request of `type_` (any type when None), today; `keep_pk`
    (the request's current supplier) stays choosable even if it no longer qualifies."""
    category = SUPPLIER_CATEGORY[type_] if type_ else None
    suppliers = Supplier.objects.bookable(category, on=timezone.localdate())
    if keep_pk:
        suppliers = suppliers | Supplier.objects.filter(pk=keep_pk)
    return suppliers.order_by("-preferred", "name").prefetch_related("category_rows")


class RequestForm(forms.ModelForm):
    """Create or edit a request; the type's own fields come from requests_desk.details."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Shown with the warnings only: the agent confirms a time that looks wrong.
    confirm = forms.BooleanField(required=False)

    class Meta:
        model = ServiceRequest
        fields = ["type", *FORM_FIELDS]
        widgets = {
            "guest": forms.HiddenInput,
            "due_at": details.DateTimeInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "guest_message": forms.Textarea(attrs={"rows": 2}),
            "cancellation_terms": forms.Textarea(attrs={"rows": 2}),
            "supplier": SupplierSelect,
        }
        field_classes = {"assigned_to": UserChoiceField, "stay": StayChoiceField}

    def __init__(self, *args, type_=None, details_initial=None, **kwargs):
        super().__init__(*args, **kwargs)
        creating = self.instance.pk is None
        _model_choices(self, "stay").queryset = stays_to_offer(
            self.initial.get("stay") or self.instance.stay_id
        )
        self.fields["stay"].required = False
        _model_choices(self, "guest").queryset = Guest.objects.all()
        _model_choices(self, "assigned_to").queryset = desk_users()
        self.fields["due_at"].required = False
        self.fields["due_at"].help_text = _("Leave empty to use the type's default lead time.")
        self.fields["currency"].widget.attrs["maxlength"] = 3
        self.fields["confirm"].label = _("Create anyway") if creating else _("Save anyway")
        self.warnings: list[StrOrPromise] = []
        if not creating:
            del self.fields["type"]
            self.fields["due_at"].required = True
            self.fields["due_at"].help_text = ""
            self.initial["version"] = self.instance.version
        # Creating: every bookable supplier, marked with its categories so the page shows
        # the chosen type's only. Editing: the request's type only.
        _model_choices(self, "supplier").queryset = bookable_suppliers(
            None if creating else self.instance.type, self.instance.supplier_id
        )
        self.type = self.instance.type if not creating else self._chosen_type(type_)
        # Creating: every type's fieldset is rendered, only the chosen one is shown and
        # validated. Editing: only the request's own type.
        data = self.data if self.is_bound else None
        shown = [self.type] if not creating else list(RequestType.values)
        # A new request made from a stay starts with what the stay already says (the
        # flight to meet, the arrival time, the number of guests).
        initial = (details_initial or {}) if creating else {self.type: self.instance.details}
        self.details_forms = {
            t: details.form_for(t, data=data, initial=initial.get(t)) for t in shown
        }

    def _chosen_type(self, type_):
        chosen = self.data.get("type") if self.is_bound else (type_ or self.initial.get("type"))
        return chosen if chosen in RequestType.values else RequestType.TRANSFER

    @property
    def type_value(self):
        return self.type

    def type_options(self) -> "list[tuple[str, StrOrPromise, str]]":
        """(value, label, supplier category) of each type, for the type menu."""
        return [(t, label, SUPPLIER_CATEGORY[t]) for t, label in RequestType.choices]

    @property
    def details_form(self):
        return self.details_forms.get(self.type)

    def fieldsets(self):
        return [
            {"type": t, "label": RequestType(t).label, "form": f, "shown": t == self.type}
            for t, f in self.details_forms.items()
        ]

    def clean_price(self):
        return self._not_negative("price", _("The price cannot be negative."))

    def clean_cost(self):
        return self._not_negative("cost", _("The cost cannot be negative."))

    def clean_commission(self):
        return self._not_negative("commission", _("The commission cannot be negative."))

    def _not_negative(self, name, message):
        value = self.cleaned_data.get(name)
        if value is not None and value < 0:
            raise forms.ValidationError(message)
        return value

    def clean_currency(self):
        value = (self.cleaned_data.get("currency") or "KZT").strip().upper()
        if len(value) != 3 or not value.isalpha():
            raise forms.ValidationError(_("Use a three-letter currency code, e.g. KZT."))
        return value

    def clean(self):
        super().clean()
        data = self.cleaned_data
        stay, guest = data.get("stay"), data.get("guest")
        if stay:
            data["guest"] = stay.guest
            self.instance.guest = stay.guest
        elif not guest and not (data.get("walk_in_name") or "").strip():
            self.add_error(
                "walk_in_name", _("Choose the guest's stay, or enter a walk-in guest's name.")
            )
        if guest and not stay and not data.get("walk_in_name"):
            data["walk_in_name"] = ""
        supplier = data.get("supplier")
        if supplier and self.type and supplier.pk != self.instance.supplier_id:
            category = SUPPLIER_CATEGORY[self.type]
            if not Supplier.objects.filter(pk=supplier.pk).in_category(category).exists():
                self.add_error(
                    "supplier",
                    _("%(supplier)s does not deliver %(type)s.")
                    % {"supplier": supplier, "type": RequestType(self.type).label.lower()},
                )
        if self.details_form.is_valid() and not self.errors:
            self._check_times(data)
        return data

    def _check_times(self, data):
        """Warn about a service time or deadline that cannot be right; the agent may confirm."""
        service_at = self.details_form.service_at()
        if not data.get("due_at"):
            data["due_at"] = LeadTime.default_due(self.type, service_at)
        if not self._times_changed(service_at, data["due_at"]):
            return
        self.warnings = time_warnings(
            self.type, service_at, data["due_at"], data.get("stay"), timezone.now()
        )
        if self.warnings and not data.get("confirm"):
            for warning in self.warnings:
                self.add_error(None, warning)

    def _times_changed(self, service_at, due_at):
        # An edit that leaves both times alone is not asked again about them.
        if self.instance.pk is None:
            return True
        return (service_at, due_at) != (self.instance.service_at, self.instance.due_at)

    def is_valid(self):
        details_valid = self.details_form.is_valid()
        return super().is_valid() and details_valid

    def save(self, commit=False):
        request_obj = super().save(commit=False)
        if self.instance.pk is None:
            request_obj.type = self.type
        request_obj.details = self.details_form.as_json()
        request_obj.service_at = self.details_form.service_at()
        return request_obj


def time_warnings(type_, service_at, due_at, stay, now: datetime) -> "list[StrOrPromise]":
    """What looks wrong with a request's times: in the past, or before the guest arrives."""
    warnings: list[StrOrPromise] = []
    date_only = details.FORMS[type_].service_is_date()
    if service_at is not None:
        if (date_only and service_at.date() < timezone.localdate(now)) or (
            not date_only and service_at < now
        ):
            warnings.append(_("The service time is in the past."))
        elif stay is not None and timezone.localdate(service_at) < stay.arrival_date:
            warnings.append(
                _("The service is before the guest arrives (%(day)s).")
                % {"day": stay.arrival_date.strftime("%d.%m.%Y")}
            )
    if due_at is not None and due_at < now.replace(second=0, microsecond=0):
        warnings.append(
            _("The deadline %(due)s is already past: too late for the usual lead time.")
            % {"due": timezone.localtime(due_at).strftime("%d.%m.%Y %H:%M")}
        )
    return warnings


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(choices=Status.choices)
    expected = forms.ChoiceField(choices=Status.choices)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000)
    reference = forms.CharField(
        label=_("Supplier confirmation reference"), required=False, max_length=100
    )
    supplier = forms.ModelChoiceField(
        label=_("Supplier"), queryset=Supplier.objects.active(), required=False
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    rating = forms.TypedChoiceField(
        label=_("Supplier's service, 1 to 5"),
        choices=[("", "—")] + [(i, str(i)) for i in range(5, 0, -1)],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, request_obj=None, **kwargs):
        super().__init__(*args, **kwargs)
        if request_obj is not None:
            _model_choices(self, "supplier").queryset = bookable_suppliers(
                request_obj.type, request_obj.supplier_id
            )
            self.fields["supplier"].initial = request_obj.supplier_id
            self.fields["reference"].initial = request_obj.confirmation_reference
            self.fields["expected"].initial = request_obj.status

    def clean(self):
        super().clean()
        data = self.cleaned_data
        to_status = data.get("to_status")
        if to_status == Status.BOOKED and not (data.get("reference") or "").strip():
            self.add_error("reference", _("Enter the supplier's confirmation reference to book."))
        if (
            to_status in (Status.CANCELLED, Status.FAILED)
            and not (data.get("reason") or "").strip()
        ):
            self.add_error("reason", _("Say why the request is cancelled or failed."))
        return data


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("E-ticket, voucher or scan (PDF or image)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = attachment_max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large: at most %(mb)d MB.") % {"mb": limit // (1024 * 1024)}
            )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        kind = ATTACHMENT_TYPES.get(extension)
        head = upload.read(16)
        upload.seek(0)
        if (
            kind is None
            or not head.startswith(kind[1])
            or (extension == "webp" and head[8:12] != b"WEBP")
        ):
            raise forms.ValidationError(
                _("Only PDF files and images (JPEG, PNG, WebP) can be attached.")
            )
        upload.content_type = kind[0]
        return upload


class LeadTimeForm(forms.ModelForm):
    class Meta:
        model = LeadTime
        fields = ["minutes"]
        widgets = {"minutes": forms.NumberInput(attrs={"class": "form-control", "min": 5})}


LeadTimeFormSet = forms.modelformset_factory(LeadTime, form=LeadTimeForm, extra=0)
