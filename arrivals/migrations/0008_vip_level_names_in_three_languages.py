"""Kazakh, Russian and English names and amenities of the four shipped VIP levels.

English comes from the value the level has; kk and ru are filled only where the manager
kept the shipped English text, so a renamed level is not given a translation of another name.
"""

from django.db import migrations

# code: (English name, kk, ru), (English amenity, kk, ru), as 0002_vip_levels created them.
SHIPPED = {
    "VIP1": (
        ("Very important guest", "Аса маңызды қонақ", "Особо важный гость"),
        (
            "Fruit basket, champagne, handwritten welcome card from the General Manager",
            "Жеміс себеті, шампан, бас менеджердің қолмен жазылған сәлемдесу хаты",
            "Корзина фруктов, шампанское, написанная от руки приветственная открытка"
            " от генерального менеджера",
        ),
    ),
    "VIP2": (
        ("Important guest", "Маңызды қонақ", "Важный гость"),
        (
            "Fruit plate, local sweets, welcome card",
            "Жеміс табақшасы, жергілікті тәттілер, сәлемдесу хаты",
            "Фруктовая тарелка, местные сладости, приветственная открытка",
        ),
    ),
    "VIP3": (
        ("Valued guest", "Құрметті қонақ", "Ценный гость"),
        (
            "Fruit plate and mineral water",
            "Жеміс табақшасы және минералды су",
            "Фруктовая тарелка и минеральная вода",
        ),
    ),
    "VIP4": (
        ("Attention guest", "Назардағы қонақ", "Гость под вниманием"),
        ("Welcome card", "Сәлемдесу хаты", "Приветственная открытка"),
    ),
}


def fill(apps, schema_editor):
    VipLevel = apps.get_model("arrivals", "VipLevel")
    for level in VipLevel.objects.all():
        values = {"name_en": level.name_en or level.name, "amenity_en": level.amenity_en or level.amenity}
        names, amenities = SHIPPED.get(level.code, ((None, None, None), (None, None, None)))
        for field, (english, kk, ru) in (("name", names), ("amenity", amenities)):
            if english is not None and getattr(level, field) == english:
                values[f"{field}_kk"] = getattr(level, f"{field}_kk") or kk
                values[f"{field}_ru"] = getattr(level, f"{field}_ru") or ru
        VipLevel.objects.filter(pk=level.pk).update(**values)


class Migration(migrations.Migration):
    dependencies = [("arrivals", "0007_vip_level_name_languages")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
