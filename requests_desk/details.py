"""Type-specific details of a request: one small form per type, validated on its own.

The cleaned values are kept as JSON on `ServiceRequest.details` (dates as ISO strings);
`service_at` names the field that says when the service happens, so the board, the
itinerary and default deadlines can order and compute by it.
"""

from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from requests_desk.types import EVENTS, TICKETS, RequestType

T = RequestType


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def when(label, required=True, **kwargs):
    return forms.DateTimeField(label=label, required=required, widget=DateTimeInput(), **kwargs)


def day(label, required=True):
    return forms.DateField(label=label, required=required, widget=DateInput())


def text(label, required=False, max_length=200, **kwargs):
    return forms.CharField(label=label, required=required, max_length=max_length, **kwargs)


def lines(label, required=False, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=2000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def count(label, required=False, minimum=1, maximum=500):
    return forms.IntegerField(label=label, required=required, min_value=minimum, max_value=maximum)


VEHICLE_CLASSES = [
    ("", "—"),
    ("economy", _("Economy car")),
    ("business", _("Business car")),
    ("premium", _("Premium car")),
    ("minivan", _("Minivan")),
    ("minibus", _("Minibus")),
    ("bus", _("Coach")),
]
TRAVEL_CLASSES = [
    ("", "—"),
    ("economy", _("Economy")),
    ("comfort", _("Comfort")),
    ("business", _("Business")),
    ("first", _("First")),
]
PERMIT_KINDS = [
    ("vehicle_entry", _("Vehicle entry permit")),
    ("parking", _("Parking permit")),
    ("visitor", _("Visitor pass")),
    ("other", _("Other permit")),
]


class Details(forms.Form):
    """Base of every type's details form."""

    # Name of the field that holds the time of the service, if any.
    service_field: str | None = None
    # Fields for the desk and the driver only, left off what the guest receives.
    internal_fields: tuple[str, ...] = ()

    @property
    def needs_waybill(self) -> bool:
        return False

    @classmethod
    def service_is_date(cls) -> bool:
        """Whether the service is a day without a time (a permit's first day)."""
        field = cls.base_fields.get(cls.service_field) if cls.service_field else None
        return isinstance(field, forms.DateField) and not isinstance(field, forms.DateTimeField)

    def service_at(self):
        value = self.cleaned_data.get(self.service_field) if self.service_field else None
        if isinstance(value, date) and not isinstance(value, datetime):
            value = timezone.make_aware(datetime.combine(value, datetime.min.time()))
        return value

    def as_json(self):
        return {name: to_json(value) for name, value in self.cleaned_data.items()}


class TicketDetails(Details):
    service_field = "departure_at"
    origin = text(_("From"), required=True)
    destination = text(_("To"), required=True)
    # "travel": a train's departure, not a hotel check-out (Russian "Отправление", not "Выезд").
    departure_at = when(pgettext_lazy("travel", "Departure"))
    arrival_at = when(pgettext_lazy("travel", "Arrival"), required=False)
    carrier = text(_("Carrier"))
    service_number = text(_("Flight, train or voyage number"), max_length=40)
    travel_class = forms.ChoiceField(label=_("Class"), choices=TRAVEL_CLASSES, required=False)
    passengers = lines(
        _("Passengers"),
        required=True,
        help_text=_("One passenger a line: full name, document number."),
    )
    pnr = text(_("Booking reference (PNR)"), max_length=40)
    fare = forms.DecimalField(
        label=_("Fare"), required=False, min_value=0, max_digits=12, decimal_places=2
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        departure, arrival = data.get("departure_at"), data.get("arrival_at")
        if departure and arrival and arrival <= departure:
            self.add_error("arrival_at", _("Arrival must be after departure."))
        return data


class TransferDetails(Details):
    service_field = "pickup_at"

    @property
    def needs_waybill(self) -> bool:
        return True

    pickup_at = when(
        _("Pickup time"), error_messages={"required": _("A transfer needs a pickup time.")}
    )
    pickup_place = text(_("Pickup place"), required=True)
    meet_service = text(_("Flight or train to meet"), max_length=40)
    destination = text(_("Destination"), required=True)
    passengers = count(_("Passengers"), required=True)
    luggage = count(_("Pieces of luggage"), minimum=0)
    vehicle_class = forms.ChoiceField(
        label=_("Vehicle class"), choices=VEHICLE_CLASSES, required=False
    )
    driver_name = text(_("Driver"))
    driver_phone = text(_("Driver's phone"), max_length=40)
    vehicle = text(_("Vehicle (make and model)"))
    plate = text(_("Plate number"), max_length=20)
    return_at = when(_("Expected return to the garage"), required=False)
    internal_fields = ("return_at",)


class CarHireDetails(Details):
    service_field = "pickup_at"
    pickup_at = when(_("Pick-up date and time"))
    pickup_place = text(_("Pick-up place"), required=True)
    return_at = when(_("Return date and time"))
    return_place = text(_("Return place"), required=True)
    car_class = forms.ChoiceField(label=_("Car class"), choices=VEHICLE_CLASSES, required=False)
    licence_checked = forms.BooleanField(label=_("Driver's licence checked"), required=False)
    insurance = text(_("Insurance"))
    with_driver = forms.BooleanField(label=_("With a driver"), required=False)
    driver_name = text(_("Driver"))
    driver_phone = text(_("Driver's phone"), max_length=40)
    vehicle = text(_("Vehicle (make and model)"))
    plate = text(_("Plate number"), max_length=20)

    @property
    def needs_waybill(self) -> bool:
        return bool(self.cleaned_data.get("with_driver"))

    def clean(self):
        super().clean()
        data = self.cleaned_data
        pickup, ret = data.get("pickup_at"), data.get("return_at")
        if pickup and ret and ret <= pickup:
            self.add_error("return_at", _("The car must be returned after it is picked up."))
        if data.get("with_driver") and not data.get("driver_name"):
            self.add_error("driver_name", _("Name the driver, or untick “With a driver”."))
        return data


class TaxiDetails(Details):
    service_field = "pickup_at"
    pickup_at = when(
        _("Pickup time"), error_messages={"required": _("A taxi needs a pickup time.")}
    )
    pickup_place = text(_("Pickup place"), required=True)
    destination = text(_("Destination"), required=True)
    passengers = count(_("Passengers"), required=True, maximum=50)


class EventDetails(Details):
    service_field = "starts_at"
    venue = text(_("Venue"), required=True)
    performance = text(_("Performance or exhibition"), required=True)
    starts_at = when(_("Date and time"))
    seats = text(_("Seats"))
    category = text(_("Seat category"), max_length=60)
    tickets = count(_("Tickets"), required=True, maximum=100)


class RestaurantDetails(Details):
    service_field = "reserved_at"
    place = text(_("Restaurant"), required=True)
    reserved_at = when(_("Table at"))
    party_size = count(_("Party size"), required=True, maximum=200)
    wishes = text(_("Wishes (table, occasion, diet)"), max_length=300)


class ExcursionDetails(Details):
    service_field = "meeting_at"
    what = text(_("Excursion or tour"), required=True)
    meeting_point = text(_("Meeting point"), required=True)
    meeting_at = when(_("Meeting time"))
    guide_language = forms.ChoiceField(
        label=_("Guide's language"),
        choices=[
            ("kk", _("Kazakh")),
            ("ru", _("Russian")),
            ("en", _("English")),
            ("de", _("German")),
            ("fr", _("French")),
            ("zh", _("Chinese")),
            ("tr", _("Turkish")),
            ("other", _("Other")),
        ],
    )
    participants = count(_("Participants"), required=True, maximum=500)


class PermitDetails(Details):
    service_field = "valid_from"
    kind = forms.ChoiceField(label=_("Kind of permit"), choices=PERMIT_KINDS)
    holder = text(_("Holder"), required=True)
    vehicle = text(_("Vehicle (make and model)"))
    plate = text(_("Plate number"), max_length=20)
    area = text(_("Area or entrance"))
    valid_from = day(_("Valid from"))
    valid_until = day(_("Valid until"))

    def clean(self):
        super().clean()
        data = self.cleaned_data
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("A permit cannot end before it starts."))
        if data.get("kind") in ("vehicle_entry", "parking") and not data.get("plate"):
            self.add_error("plate", _("A vehicle permit needs the plate number."))
        return data


class OtherDetails(Details):
    description = lines(_("What the guest asks for"), required=True)
    wanted_at = when(_("Wanted by"), required=False)
    service_field = "wanted_at"


FORMS = {
    **dict.fromkeys(TICKETS, TicketDetails),
    T.TRANSFER: TransferDetails,
    T.CAR_HIRE: CarHireDetails,
    T.TAXI: TaxiDetails,
    **dict.fromkeys(EVENTS, EventDetails),
    T.RESTAURANT: RestaurantDetails,
    T.EXCURSION: ExcursionDetails,
    T.PERMIT: PermitDetails,
    T.OTHER: OtherDetails,
}


def needs_waybill(type_: str, values: dict) -> bool:
    """A driver's waybill: every transfer, and a car hired with a driver (ticked, or a
    driver named: a self-drive car has no driver)."""
    if type_ == T.TRANSFER:
        return True
    if type_ == T.CAR_HIRE:
        return bool((values or {}).get("with_driver") or (values or {}).get("driver_name"))
    return False


def form_for(type_, data=None, initial=None):
    """The details form of request type `type_`, its fields prefixed by the type."""
    return FORMS[type_](data=data, initial=from_json(type_, initial or {}), prefix=type_)


def known(type_, values):
    """The part of `values` that type `type_` has fields for."""
    fields = FORMS[type_].base_fields
    return {name: value for name, value in (values or {}).items() if name in fields}


def to_json(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def from_json(type_, values):
    """Stored JSON back to Python values of the type's form fields."""
    form_class = FORMS[type_]
    result = {}
    for name, value in values.items():
        field = form_class.base_fields.get(name)
        if field is None or value in (None, ""):
            result[name] = value
        elif isinstance(field, forms.DateTimeField):
            parsed = parse_datetime(value)
            result[name] = timezone.localtime(parsed) if parsed else None
        elif isinstance(field, forms.DateField):
            result[name] = parse_date(value)
        elif isinstance(field, forms.DecimalField):
            result[name] = Decimal(value)
        else:
            result[name] = value
    return result


def rows(type_, values, for_guest=False):
    """(name, label, value) for display, in the form's order, skipping empty values."""
    form_class = FORMS[type_]
    parsed = from_json(type_, values)
    result = []
    for name, field in form_class.base_fields.items():
        value = parsed.get(name)
        if value in (None, "", False) or (for_guest and name in form_class.internal_fields):
            continue
        if isinstance(field, forms.ChoiceField):
            # Django stores choices normalised to (value, label) pairs; the stubs give the
            # getter the setter's wider type.
            value = dict(field.choices).get(value, value)  # type: ignore[arg-type]
        elif isinstance(field, forms.BooleanField):
            value = _("yes")
        result.append((name, field.label, value))
    return result
