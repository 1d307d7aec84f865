"""Create the four staff roles and the seed departments of a new install."""

from django.db import migrations

ROLES = ["Agent", "Manager", "Department member", "Administrator"]

DEPARTMENTS = [
    ("front-office", "Front office"),
    ("housekeeping", "Housekeeping"),
    ("food-beverage", "Food & Beverage"),
    ("security", "Security"),
    ("transport", "Transport"),
    ("spa", "Spa"),
    ("management", "Management"),
]


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Department = apps.get_model("guestdesk", "Department")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    for code, name in DEPARTMENTS:
        Department.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [
        ("guestdesk", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
