from datetime import date, time, timedelta

import factory

from arrivals.models import Guest, Stay, VipLevel


class GuestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guest

    first_name = factory.Sequence(lambda n: f"Әлия{n}")
    last_name = factory.Sequence(lambda n: f"Қасымова{n}")
    nationality = "KZ"
    language = "kk"
    email = factory.Sequence(lambda n: f"guest{n}@example.kz")
    phone = "+77011234567"


class StayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stay

    guest = factory.SubFactory(GuestFactory)
    confirmation_number = factory.Sequence(lambda n: f"C{n:06d}")
    arrival_date = date(2026, 3, 2)
    departure_date = factory.LazyAttribute(lambda s: s.arrival_date + timedelta(days=3))
    eta = time(14, 0)
    room = factory.Sequence(lambda n: str(100 + n))


def vip(code="VIP1"):
    return VipLevel.objects.get(code=code)
