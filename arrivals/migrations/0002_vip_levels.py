"""New installs start with four VIP levels, VIP1 the highest (the manager edits them)."""

from django.db import migrations

LEVELS = [
    # code, name, rank, colour, amenity, departments told
    (
        "VIP1",
        "Very important guest",
        1,
        "red",
        "Fruit basket, champagne, handwritten welcome card from the General Manager",
        ["front-office", "housekeeping", "food-beverage", "security", "management"],
    ),
    (
        "VIP2",
        "Important guest",
        2,
        "gold",
        "Fruit plate, local sweets, welcome card",
        ["front-office", "housekeeping", "food-beverage", "management"],
    ),
    (
        "VIP3",
        "Valued guest",
        3,
        "blue",
        "Fruit plate and mineral water",
        ["front-office", "housekeeping"],
    ),
    ("VIP4", "Attention guest", 4, "green", "Welcome card", ["front-office"]),
]


def create(apps, schema_editor):
    VipLevel = apps.get_model("arrivals", "VipLevel")
    Department = apps.get_model("guestdesk", "Department")
    for code, name, rank, colour, amenity, departments in LEVELS:
        level, created = VipLevel.objects.get_or_create(
            code=code,
            defaults={"name": name, "rank": rank, "colour": colour, "amenity": amenity},
        )
        if created:
            level.departments.set(Department.objects.filter(code__in=departments))


class Migration(migrations.Migration):
    dependencies = [
        ("arrivals", "0001_initial"),
        ("guestdesk", "0002_roles_and_departments"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
