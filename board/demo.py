"""Demo hotel information and events in kk, ru and en (idempotent: natural keys)."""

from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone

from board.models import Event, HoursException, OpeningHours, ServiceEntry, Venue
from guestdesk.models import Department

EVERY_DAY = range(7)
WEEKDAYS = range(5)

# (en, ru, kk, location en/ru/kk, capacity)
VENUES = [
    (
        "Grand ballroom",
        "Большой бальный зал",
        "Үлкен би залы",
        ("Ground floor", "1 этаж", "1-қабат"),
        300,
    ),
    (
        "Altai conference hall",
        "Конференц-зал «Алтай»",
        "«Алтай» конференц-залы",
        ("2nd floor", "2 этаж", "2-қабат"),
        80,
    ),
    (
        "Summer terrace",
        "Летняя терраса",
        "Жазғы терраса",
        ("Garden side", "Со стороны сада", "Бақ жағы"),
        120,
    ),
    ("Lobby lounge", "Лобби-лаунж", "Лобби-лаунж", ("Lobby", "Лобби", "Лобби"), 40),
]

# category, (en, ru, kk) titles, (en, ru, kk) descriptions, (en, ru, kk) location,
# extension, public, always open, hours [(days, opens, closes)], price (en, ru, kk).
# Hours closing at or before they open run into the next day (guestdesk.hours).
# Rows of mixed shapes: (category, titles, descriptions, location, extension, ...).
ENTRIES: list[tuple[Any, ...]] = [
    (
        "restaurant",
        ("Dastarkhan restaurant", "Ресторан «Дастархан»", "«Дастархан» мейрамханасы"),
        (
            "Kazakh and European cuisine. Table booking at the front desk.",
            "Казахская и европейская кухня. Бронирование столиков на ресепшн.",
            "Қазақ және еуропа асханасы. Үстел брондау — ресепшнде.",
        ),
        ("Ground floor", "1 этаж", "1-қабат"),
        "2100",
        True,
        False,
        [(EVERY_DAY, time(12), time(23))],
        ("", "", ""),
    ),
    (
        "restaurant",
        ("Sky bar", "Скай-бар", "Скай-бар"),
        (
            "Cocktails and city view from the 15th floor.",
            "Коктейли и вид на город с 15 этажа.",
            "15-қабаттан қала көрінісі мен коктейльдер.",
        ),
        ("15th floor", "15 этаж", "15-қабат"),
        "2150",
        True,
        False,
        [(EVERY_DAY, time(18), time(2))],
        ("", "", ""),
    ),
    (
        "breakfast",
        ("Breakfast", "Завтрак", "Таңғы ас"),
        (
            "Buffet in the Dastarkhan restaurant.",
            "Шведский стол в ресторане «Дастархан».",
            "«Дастархан» мейрамханасында швед үстелі.",
        ),
        ("Ground floor", "1 этаж", "1-қабат"),
        "2100",
        True,
        False,
        [(WEEKDAYS, time(6, 30), time(10, 30)), ((5, 6), time(7), time(11))],
        ("Included in most rates", "Включён в большинство тарифов", "Көп тарифке кіреді"),
    ),
    (
        "spa",
        ("Spa and massage", "Спа и массаж", "Спа және массаж"),
        (
            "Massage by appointment; sauna and hammam.",
            "Массаж по записи; сауна и хаммам.",
            "Массаж жазылу бойынша; сауна және хамам.",
        ),
        ("Level -1", "Уровень -1", "-1 деңгей"),
        "2300",
        True,
        False,
        [(EVERY_DAY, time(9), time(21))],
        ("From 15,000 ₸", "От 15 000 ₸", "15 000 ₸-ден"),
    ),
    (
        "pool",
        ("Indoor pool", "Крытый бассейн", "Жабық бассейн"),
        (
            "25-metre pool. Towels at the pool.",
            "Бассейн 25 метров. Полотенца у бассейна.",
            "25 метрлік бассейн. Сүлгілер бассейн жанында.",
        ),
        ("Level -1", "Уровень -1", "-1 деңгей"),
        "2310",
        True,
        False,
        [(EVERY_DAY, time(7), time(22))],
        ("Free for hotel guests", "Бесплатно для гостей отеля", "Қонақтарға тегін"),
    ),
    (
        "gym",
        ("Gym", "Тренажёрный зал", "Жаттығу залы"),
        ("Cardio and weights.", "Кардио и силовые тренажёры.", "Кардио және күш жаттығулары."),
        ("Level -1", "Уровень -1", "-1 деңгей"),
        "2320",
        True,
        False,
        [(EVERY_DAY, time(6), time(23))],
        ("", "", ""),
    ),
    (
        "laundry",
        ("Laundry and dry cleaning", "Прачечная и химчистка", "Кір жуу және химиялық тазалау"),
        (
            "Bags in the wardrobe; handed in before 10:00, back the same day.",
            "Пакеты в шкафу; сданное до 10:00 возвращается в тот же день.",
            "Қаптар шкафта; 10:00-ге дейін тапсырылса, сол күні қайтарылады.",
        ),
        ("", "", ""),
        "2400",
        True,
        False,
        [(WEEKDAYS, time(8), time(18))],
        ("Price list in the room", "Прейскурант в номере", "Баға тізімі бөлмеде"),
    ),
    (
        "business",
        ("Business centre", "Бизнес-центр", "Бизнес-орталық"),
        (
            "Printing, scanning, a meeting room for 6.",
            "Печать, сканирование, переговорная на 6 человек.",
            "Басып шығару, сканерлеу, 6 адамдық келіссөз бөлмесі.",
        ),
        ("2nd floor", "2 этаж", "2-қабат"),
        "2500",
        True,
        False,
        [(WEEKDAYS, time(8), time(20)), ((5,), time(10), time(16))],
        ("", "", ""),
    ),
    (
        "transport",
        ("Airport transfer", "Трансфер в аэропорт", "Әуежайға трансфер"),
        (
            "Book at the front desk at least 3 hours ahead.",
            "Заказ на ресепшн минимум за 3 часа.",
            "Ресепшнде кемінде 3 сағат бұрын тапсырыс беріңіз.",
        ),
        ("Front desk", "Ресепшн", "Ресепшн"),
        "0",
        True,
        True,
        [],
        ("From 12,000 ₸", "От 12 000 ₸", "12 000 ₸-ден"),
    ),
    (
        "parking",
        ("Underground parking", "Подземный паркинг", "Жерасты тұрағы"),
        ("Entrance from the side street.", "Въезд с боковой улицы.", "Кіреберіс бүйір көшеден."),
        ("Level -2", "Уровень -2", "-2 деңгей"),
        "2600",
        True,
        True,
        [],
        ("3,000 ₸ a day", "3 000 ₸ в сутки", "Тәулігіне 3 000 ₸"),
    ),
    (
        "wifi",
        ("Wi-Fi", "Wi-Fi", "Wi-Fi"),
        (
            "Network “Hotel-Guest”, password on your key card holder.",
            "Сеть «Hotel-Guest», пароль на конверте ключ-карты.",
            "«Hotel-Guest» желісі, құпиясөз кілт-карта конвертінде.",
        ),
        ("", "", ""),
        "",
        True,
        True,
        [],
        ("Free", "Бесплатно", "Тегін"),
    ),
    (
        "rules",
        ("Check-in and check-out", "Заезд и выезд", "Кіру және шығу"),
        (
            "Check-in from 14:00, check-out until 12:00. Late check-out on request.",
            "Заезд с 14:00, выезд до 12:00. Поздний выезд по запросу.",
            "Кіру 14:00-ден, шығу 12:00-ге дейін. Кеш шығу сұраныс бойынша.",
        ),
        ("Front desk", "Ресепшн", "Ресепшн"),
        "0",
        True,
        True,
        [],
        ("", "", ""),
    ),
    (
        "medical",
        ("Doctor on call", "Дежурный врач", "Кезекші дәрігер"),
        (
            "Call the front desk at any hour.",
            "Звоните на ресепшн в любое время.",
            "Кез келген уақытта ресепшнге қоңырау шалыңыз.",
        ),
        ("", "", ""),
        "0",
        True,
        True,
        [],
        ("", "", ""),
    ),
    (
        "other",
        ("Luggage room", "Камера хранения", "Жүк сақтау бөлмесі"),
        ("Ask the concierge.", "Обратитесь к консьержу.", "Консьержге хабарласыңыз."),
        ("Lobby", "Лобби", "Лобби"),
        "2010",
        True,
        True,
        [],
        ("", "", ""),
    ),
    (
        "other",
        ("Staff canteen", "Столовая для персонала", "Қызметкерлер асханасы"),
        (
            "Staff only. Meals by shift.",
            "Только для персонала. Питание по сменам.",
            "Тек қызметкерлерге. Ауысым бойынша тамақ.",
        ),
        (
            "Level -1, service corridor",
            "Уровень -1, служебный коридор",
            "-1 деңгей, қызметтік дәліз",
        ),
        "2900",
        False,
        False,
        [(EVERY_DAY, time(7), time(21))],
        ("", "", ""),
    ),
]

# (days from today, start, hours, public, (en, ru, kk), (en, ru, kk) description, venue index,
#  organiser, attendance, departments)
EVENTS: list[tuple[Any, ...]] = [
    (
        0,
        time(19),
        3,
        True,
        ("Live jazz evening", "Вечер живого джаза", "Тірі джаз кеші"),
        (
            "Free entry for hotel guests.",
            "Вход для гостей отеля свободный.",
            "Қонақүй қонақтарына кіру тегін.",
        ),
        3,
        "Hotel F&B",
        40,
        ["food-beverage"],
    ),
    (
        0,
        time(10),
        6,
        False,
        ("KazTech board meeting", "Совет директоров KazTech", "KazTech директорлар кеңесі"),
        ("", "", ""),
        1,
        "KazTech LLP, A. Nurpeisova",
        25,
        ["food-beverage", "security"],
    ),
    (
        1,
        time(17),
        6,
        False,
        ("Wedding reception Abenov", "Свадебный банкет Абеновых", "Әбеновтердің үйлену тойы"),
        ("", "", ""),
        0,
        "Abenov family",
        220,
        ["food-beverage", "security", "housekeeping"],
    ),
    (
        2,
        time(11),
        2,
        True,
        ("Kazakh tea ceremony", "Казахская чайная церемония", "Қазақ шай дәстүрі"),
        (
            "Tea, baursaks and stories of the steppe.",
            "Чай, баурсаки и рассказы о степи.",
            "Шай, бауырсақ және дала әңгімелері.",
        ),
        2,
        "Guest relations",
        30,
        ["food-beverage"],
    ),
    (
        3,
        time(8),
        1,
        True,
        ("Morning yoga", "Утренняя йога", "Таңғы йога"),
        ("Mats provided.", "Коврики предоставляются.", "Төсеніштер беріледі."),
        2,
        "Spa",
        15,
        ["spa"],
    ),
    (
        5,
        time(20),
        2,
        True,
        ("Dombra concert", "Концерт домбры", "Домбыра концерті"),
        (
            "Traditional music in the lobby.",
            "Традиционная музыка в лобби.",
            "Лоббидегі дәстүрлі музыка.",
        ),
        3,
        "Guest relations",
        60,
        [],
    ),
]


def _translated(prefix, values):
    return {
        f"{prefix}_{code}": value for code, value in zip(("en", "ru", "kk"), values, strict=True)
    }


def load(stdout=None):
    venues = []
    for order, (en, ru, kk, location, capacity) in enumerate(VENUES):
        venue, _created = Venue.objects.update_or_create(
            name_en=en,
            defaults={
                **_translated("name", (en, ru, kk)),
                **_translated("location", location),
                "capacity": capacity,
                "order": order,
            },
        )
        venues.append(venue)
    for order, row in enumerate(ENTRIES):
        category, titles, descriptions, location, ext, public, always, hours, price = row
        entry, _created = ServiceEntry.objects.update_or_create(
            category=category,
            title_en=titles[0],
            defaults={
                **_translated("title", titles),
                **_translated("description", descriptions),
                **_translated("location", location),
                **_translated("price_note", price),
                "phone_extension": ext,
                "is_public": public,
                "always_open": always,
                "order": order,
            },
        )
        entry.hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(entry=entry, weekday=d, opens=o, closes=c)
            for days, o, c in hours
            for d in days
        )
    # A holiday exception: the pool closes for maintenance in four days.
    pool = ServiceEntry.objects.get(category="pool", title_en="Indoor pool")
    HoursException.objects.update_or_create(
        entry=pool,
        date=timezone.localdate() + timedelta(days=4),
        defaults={"closed": True, "note": "Maintenance / Техобслуживание / Техникалық қызмет"},
    )
    today = timezone.localdate()
    for (
        offset,
        start,
        length,
        public,
        titles,
        descriptions,
        venue,
        organiser,
        people,
        deps,
    ) in EVENTS:
        starts_at = timezone.make_aware(datetime.combine(today + timedelta(days=offset), start))
        event, _created = Event.objects.update_or_create(
            title_en=titles[0],
            starts_at=starts_at,
            defaults={
                **_translated("title", titles),
                **_translated("description", descriptions),
                "ends_at": starts_at + timedelta(hours=length),
                "is_public": public,
                "venue": venues[venue],
                "organiser": organiser,
                "expected_attendance": people,
            },
        )
        event.departments.set(Department.objects.filter(code__in=deps))
    if stdout:
        stdout.write(
            f"Board: {len(VENUES)} venues, {len(ENTRIES)} service entries, "
            f"{len(EVENTS)} events from {today:%d.%m}; guest page at /guest/"
        )
