"""Kazakh, Russian and English names of the seed departments."""

from django.db import migrations

NAMES = {
    "front-office": ("Қабылдау қызметі", "Служба приёма", "Front office"),
    "housekeeping": ("Үй шаруашылығы қызметі", "Служба хаускипинга", "Housekeeping"),
    "food-beverage": ("Тамақтану қызметі", "Служба питания", "Food & Beverage"),
    "security": ("Қауіпсіздік қызметі", "Служба безопасности", "Security"),
    "transport": ("Көлік қызметі", "Транспортная служба", "Transport"),
    "spa": ("Спа", "Спа", "Spa"),
    "management": ("Басшылық", "Руководство", "Management"),
}


def fill(apps, schema_editor):
    Department = apps.get_model("guestdesk", "Department")
    for department in Department.objects.all():
        kk, ru, en = NAMES.get(department.code, (None, None, department.name))
        Department.objects.filter(pk=department.pk).update(
            name_en=department.name_en or en or department.name,
            name_ru=department.name_ru or ru,
            name_kk=department.name_kk or kk,
        )


class Migration(migrations.Migration):
    dependencies = [("guestdesk", "0003_department_name_languages")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
