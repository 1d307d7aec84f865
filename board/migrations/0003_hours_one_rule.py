"""Hours move to the one rule of guestdesk.hours: closing at or before opening is the next day.

Under the old `past_midnight` flag the form only accepted two kinds of rows, and both mean the
same under the one rule without any change: flagged rows close before they open (overnight),
unflagged rows close after they open (same day). Rows that bypassed the form are converted:

- flagged, closing after opening (open more than 24 hours): the longest a period can be
  now is 24 hours, so it closes when it opened (`closes = opens`);
- unflagged, closing at or before opening: shown as "18:00–02:00" but never counted as open;
  kept as they are, they now count as the overnight period they displayed.

Going back, the flag is set on every row that closes at or before it opens.
"""

from django.db import migrations
from django.db.models import F


def _has_flag(model):
    # The test suite reruns data migrations on the current models (tests/conftest.py,
    # reseed), where the flag is gone and there is nothing to convert.
    return any(field.name == "past_midnight" for field in model._meta.get_fields())


def to_one_rule(apps, schema_editor):
    for name in ("OpeningHours", "HoursException"):
        model = apps.get_model("board", name)
        if not _has_flag(model):
            continue
        model.objects.filter(past_midnight=True, closes__gt=F("opens")).update(closes=F("opens"))


def to_past_midnight_flag(apps, schema_editor):
    for name in ("OpeningHours", "HoursException"):
        model = apps.get_model("board", name)
        model.objects.filter(closes__lte=F("opens")).update(past_midnight=True)


class Migration(migrations.Migration):
    dependencies = [
        ("board", "0002_event_constraint_message"),
    ]

    operations = [
        migrations.RunPython(to_one_rule, to_past_midnight_flag),
    ]
