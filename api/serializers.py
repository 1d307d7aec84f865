"""What the API reads and writes. Contact fields only for callers allowed to see them."""

from typing import Any

from rest_framework import serializers

from arrivals.models import Guest, Stay
from board.models import Event, ServiceEntry
from requests_desk.models import RequestType, ServiceRequest, Status

CONTACT_FIELDS = ("email", "phone")


class GuestSerializer(serializers.ModelSerializer):
    nationality = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True, required=False)
    phone = serializers.CharField(read_only=True, required=False)

    class Meta:
        model = Guest
        fields = ["id", "first_name", "last_name", "nationality", "language", "email", "phone"]
        read_only_fields = fields

    def to_representation(self, instance: Guest) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not self.context.get("contacts"):
            for name in CONTACT_FIELDS:
                data.pop(name, None)
        else:
            data["phone"] = instance.phone.as_e164 if instance.phone else ""
        return data


class StaySerializer(serializers.ModelSerializer):
    guest = GuestSerializer(read_only=True)
    vip_code = serializers.SerializerMethodField()
    arrival_time = serializers.TimeField(source="eta", read_only=True, allow_null=True)
    notes = serializers.CharField(source="special_attention", read_only=True)

    class Meta:
        model = Stay
        fields = [
            "id",
            "source",
            "confirmation_number",
            "status",
            "arrival_date",
            "arrival_time",
            "departure_date",
            "room",
            "adults",
            "children",
            "vip_code",
            "company",
            "notes",
            "guest",
            "updated_at",
        ]
        read_only_fields = fields

    def get_vip_code(self, stay: Stay) -> str | None:
        return stay.vip_level.code if stay.vip_level else None


class StayPushSerializer(serializers.Serializer):
    """One stay as the import reads it (the schema; checks are the import's own)."""

    # A field named like Field.source, the attribute DRF reads a value from: fine at run time.
    source = serializers.CharField(  # type: ignore[assignment]
        max_length=30, required=False, help_text="default PMS"
    )
    confirmation_number = serializers.CharField(max_length=50)
    first_name = serializers.CharField(max_length=100, required=False)
    last_name = serializers.CharField(max_length=100, required=False)
    full_name = serializers.CharField(required=False, help_text="instead of first/last name")
    arrival_date = serializers.DateField()
    arrival_time = serializers.CharField(required=False, help_text="HH:MM")
    departure_date = serializers.DateField()
    room = serializers.CharField(max_length=20, required=False, allow_blank=True)
    adults = serializers.IntegerField(required=False, min_value=0, max_value=99)
    children = serializers.IntegerField(required=False, min_value=0, max_value=99)
    vip_code = serializers.CharField(required=False, allow_blank=True, allow_null=True)
    nationality = serializers.CharField(required=False, allow_blank=True)
    language = serializers.CharField(required=False, allow_blank=True)
    email = serializers.CharField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True)
    status = serializers.CharField(required=False, allow_blank=True)
    company = serializers.CharField(required=False, allow_blank=True)


class UpsertResultSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    id = serializers.IntegerField()
    source = serializers.CharField()  # type: ignore[assignment]  # see StayPushSerializer
    confirmation_number = serializers.CharField()
    result = serializers.ChoiceField(choices=["created", "updated", "unchanged"])


class UpsertResponseSerializer(serializers.Serializer):
    results = UpsertResultSerializer(many=True)


class StayStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[Stay.Status.IN_HOUSE, Stay.Status.DEPARTED, Stay.Status.NO_SHOW]
    )
    expected = serializers.ChoiceField(
        choices=Stay.Status.choices,
        required=False,
        help_text="the status you last saw; 409 when the stay has moved since",
    )


class RequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = ServiceRequest
        fields = [
            "id",
            "number",
            "type",
            "status",
            "priority",
            "guest",
            "stay",
            "due_at",
            "service_at",
            "notes",
            "confirmation_reference",
            "created_at",
        ]
        read_only_fields = fields


class RequestCreateSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=RequestType.choices)
    stay = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    service_at = serializers.DateTimeField(required=False)
    due_at = serializers.DateTimeField(required=False)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000)

    def validate_stay(self, value: int) -> Stay:
        stay = Stay.objects.filter(pk=value).first()
        if stay is None:
            raise serializers.ValidationError("No such stay.")
        return stay


class RequestStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)
    expected = serializers.ChoiceField(choices=Status.choices, required=False)
    reference = serializers.CharField(required=False, allow_blank=True, max_length=100)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class EventSerializer(serializers.ModelSerializer):
    venue = serializers.CharField(source="venue.name", read_only=True)

    class Meta:
        model = Event
        fields = ["id", "title", "description", "venue", "starts_at", "ends_at", "is_public"]
        read_only_fields = fields


class InformationSerializer(serializers.ModelSerializer):
    class Meta:
        model = ServiceEntry
        fields = [
            "id",
            "category",
            "title",
            "description",
            "location",
            "price_note",
            "phone_extension",
            "always_open",
        ]
        read_only_fields = fields
