"""Route each shipped topic's follow-ups to the seed department that handles it.

Only topics without a department are set, so a choice made in the admin is kept.
"""

from django.db import migrations

DEPARTMENTS = {
    "cleanliness": "housekeeping",
    "room": "housekeeping",
    "bathroom": "housekeeping",
    "staff": "front-office",
    "checkin": "front-office",
    "noise": "front-office",
    "wifi": "management",
    "food": "food-beverage",
    "spa": "spa",
    "parking": "security",
    "location": "management",
    "value": "management",
}


def route(apps, schema_editor):
    Topic = apps.get_model("reviews", "Topic")
    Department = apps.get_model("guestdesk", "Department")
    departments = dict(Department.objects.values_list("code", "pk"))
    for code, department in DEPARTMENTS.items():
        if department in departments:
            Topic.objects.filter(code=code, department__isnull=True).update(
                department_id=departments[department]
            )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0008_followups_and_topic_departments"),
        ("guestdesk", "0002_roles_and_departments"),
    ]

    operations = [migrations.RunPython(route, migrations.RunPython.noop)]
