import pytest
from django.core.management import call_command

from board.models import Event, ServiceEntry, Venue

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_covers_every_category(today):
    call_command("load_demo")
    counts = (Venue.objects.count(), ServiceEntry.objects.count(), Event.objects.count())
    call_command("load_demo")
    assert (Venue.objects.count(), ServiceEntry.objects.count(), Event.objects.count()) == counts
    assert set(ServiceEntry.objects.values_list("category", flat=True)) == {
        c for c, _ in ServiceEntry.Category.choices
    }
    assert ServiceEntry.objects.filter(is_public=False).exists()
    assert Event.objects.on_day(today).public().exists()
    assert Event.objects.filter(is_public=False).exists()
    for event in Event.objects.all():
        assert event.title_kk and event.title_ru and event.title_en
