# ruff: noqa: E501 - demo texts read best one sentence a line
"""Demo suppliers for every category and a dozen places around a hotel in central Almaty.

Idempotent: suppliers are keyed by name, places by their English name; dates are set
relative to today, so "contract expires soon" stays true whenever the demo is loaded.
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.utils import timezone

from arrivals.models import Guest
from vendors.models import Contact, OpeningHours, Place, Supplier
from vendors.presets import PRESETS
from vendors.services import save_sheet

# name, categories, offer, commission (type, value), contract days (start, end) from today,
# preferred, active, languages, contacts [(name, role, phone, email, messenger)]
SUPPLIERS = [
    (
        "SkyWay Travel",
        ["air"],
        "Domestic and international air tickets, changes, group fares.",
        ("percent", "5"),
        (-300, 400),
        True,
        True,
        ["kk", "ru", "en"],
        [
            (
                "Aliya Nurpeisova",
                "Ticketing",
                "+77017110001",
                "tickets@skyway.example",
                "WhatsApp +7 701 711 0001",
            )
        ],
    ),
    (
        "Temir Zhol Tickets",
        ["rail"],
        "Rail tickets across Kazakhstan and to Tashkent, Bishkek, Moscow.",
        ("fixed", "1500"),
        (-200, 20),
        False,
        True,
        ["kk", "ru"],
        [("Serik Abenov", "Cashier", "+77273110002", "rail@tzt.example", "")],
    ),
    (
        "Sayran Bus Agency",
        ["bus"],
        "Intercity buses from Sayran station: Bishkek, Taraz, Shymkent.",
        ("fixed", "500"),
        (-100, 600),
        False,
        True,
        ["kk", "ru"],
        [("Gulnara Ospanova", "Manager", "+77012220003", "", "Telegram @sayranbus")],
    ),
    (
        "Caspian Cruises",
        ["cruise"],
        "Caspian and Black Sea cruise cabins, Aktau departures.",
        ("percent", "8"),
        (-400, -10),
        False,
        True,
        ["ru", "en"],
        [("Igor Petrenko", "Sales", "+77292330004", "sales@caspian.example", "")],
    ),
    (
        "Almaty VIP Transfer",
        ["transfer", "car_hire"],
        "Airport and railway transfers, sedans to minibuses, meet and greet with a name board.",
        ("percent", "10"),
        (-150, 8),
        True,
        True,
        ["kk", "ru", "en", "zh"],
        [
            (
                "Daniyar Kassym",
                "Dispatcher 24/7",
                "+77015550005",
                "dispatch@vipt.example",
                "WhatsApp +7 701 555 0005",
            ),
            ("Marina Kim", "Accounts", "+77015550006", "accounts@vipt.example", ""),
        ],
    ),
    (
        "Steppe Car Rental",
        ["car_hire"],
        "Self-drive cars and 4x4 for mountain trips; child seats.",
        ("percent", "7.5"),
        (-50, 700),
        False,
        True,
        ["ru", "en"],
        [("Arman Tulegenov", "Rentals", "+77016660007", "rent@steppe.example", "")],
    ),
    (
        "Alem Taxi",
        ["taxi"],
        "City taxi with child seats and English-speaking drivers on request.",
        ("fixed", "300"),
        (-340, 12),
        True,
        True,
        ["kk", "ru", "en"],
        [
            (
                "Operator desk",
                "Orders",
                "+77272770008",
                "order@alemtaxi.example",
                "WhatsApp +7 727 277 0008",
            )
        ],
    ),
    (
        "City Taxi 24",
        ["taxi", "transfer"],
        "Round-the-clock taxi, fixed airport fare.",
        ("fixed", "200"),
        (-500, -20),
        False,
        True,
        ["ru"],
        [("Yerlan Sadykov", "Shift lead", "+77018880009", "", "")],
    ),
    (
        "Almaty Events Box Office",
        ["events"],
        "Theatre, opera, concerts, circus and exhibitions; hard-to-get seats.",
        ("percent", "6"),
        (-60, 300),
        True,
        True,
        ["kk", "ru", "en"],
        [
            (
                "Dana Zhaksylykova",
                "Box office",
                "+77019990010",
                "box@events.example",
                "Telegram @almatyevents",
            )
        ],
    ),
    (
        "Zhetysu Restaurant Group",
        ["restaurant"],
        "Table reservations in six restaurants; banquets and private rooms.",
        ("percent", "10"),
        (-30, 335),
        False,
        True,
        ["kk", "ru", "en"],
        [("Timur Akhmetov", "Reservations", "+77011230011", "book@zhetysu.example", "")],
    ),
    (
        "Tengri Tours",
        ["excursion", "transfer"],
        "Big Almaty Lake, Charyn canyon, Medeu and Shymbulak, city tours in six languages.",
        ("percent", "12"),
        (-90, 25),
        True,
        True,
        ["kk", "ru", "en", "de", "zh", "tr"],
        [
            (
                "Asel Bekova",
                "Tour desk",
                "+77014560012",
                "tours@tengri.example",
                "WhatsApp +7 701 456 0012",
            )
        ],
    ),
    (
        "Nomad Excursions",
        ["excursion"],
        "Horse riding and yurt camps near Almaty.",
        ("percent", "15"),
        (-700, -300),
        False,
        False,
        ["ru"],
        [],
    ),
    (
        "Border Permits Service",
        ["permit"],
        "Border-zone permits for Kolsai, Kaindy, Charyn and the Chinese border.",
        ("fixed", "2000"),
        (-120, 245),
        False,
        True,
        ["ru", "en"],
        [("Nurlan Iskakov", "Permits", "+77017890013", "permits@bps.example", "")],
    ),
    (
        "Desk Errands",
        ["other"],
        "Couriers, flowers, printing and SIM cards for guests.",
        ("fixed", "0"),
        (None, None),
        False,
        True,
        ["kk", "ru", "en"],
        [("Olga Sergeeva", "Couriers", "+77010000014", "", "Telegram @deskerrands")],
    ),
]

# kind, (name en, ru, kk), (description en, ru, kk), address, lat, lon, price, walk, tags,
# hours [(days, opens, closes)], verified days ago
EVERY_DAY = range(7)
WEEKDAYS = range(5)
PlaceRow = tuple[
    str,
    tuple[str, str, str],
    tuple[str, str, str],
    str,
    str,
    str,
    int,
    int,
    list[str],
    list[tuple[Iterable[int], str, str]],
    int,
]
PLACES: list[PlaceRow] = [
    (
        "shopping",
        ("Green Bazaar", "Зелёный базар", "Көк базар"),
        (
            "The city's covered market: dried fruit, nuts, horse-meat sausage and fresh kurt. Haggling is welcome.",
            "Крытый городской рынок: сухофрукты, орехи, казы и свежий курт. Торговаться можно и нужно.",
            "Қаланың жабық базары: кептірілген жемістер, жаңғақтар, қазы және жаңа құрт. Саудаласуға болады.",
        ),
        "Zhibek Zholy 53",
        "43.262500",
        "76.953500",
        1,
        15,
        ["local_food", "cards"],
        [(range(1, 7), "08:00", "18:00")],
        20,
    ),
    (
        "park",
        ("Panfilov Park", "Парк имени 28 гвардейцев-панфиловцев", "28 панфиловшылар саябағы"),
        (
            "A shady park with the wooden Ascension Cathedral and the Eternal Flame memorial.",
            "Тенистый парк с деревянным Вознесенским собором и мемориалом «Вечный огонь».",
            "Ағаш Вознесенск шіркеуі мен «Мәңгілік алау» мемориалы бар көлеңкелі саябақ.",
        ),
        "Gogol St, Panfilov park",
        "43.258700",
        "76.953200",
        0,
        12,
        ["family", "free_entry", "wheelchair"],
        [(EVERY_DAY, "00:00", "00:00")],
        30,
    ),
    (
        "museum",
        ("Central State Museum", "Центральный государственный музей", "Орталық мемлекеттік музей"),
        (
            "Kazakhstan's history from the Saka gold to the present day, with a fine ethnography hall.",
            "История Казахстана от сакского золота до наших дней и прекрасный этнографический зал.",
            "Сақ алтынынан бүгінге дейінгі Қазақстан тарихы және керемет этнография залы.",
        ),
        "Samal-1, 44",
        "43.234600",
        "76.949700",
        1,
        20,
        ["family", "wheelchair"],
        [(range(0, 6), "10:00", "18:00")],
        45,
    ),
    (
        "theatre",
        (
            "Abai Opera and Ballet Theatre",
            "Театр оперы и балета имени Абая",
            "Абай атындағы опера және балет театры",
        ),
        (
            "The grand stage of Almaty: ballet, opera and national classics such as «Abai» and «Kyz Zhibek».",
            "Главная сцена Алматы: балет, опера и национальная классика — «Абай», «Кыз Жибек».",
            "Алматының бас сахнасы: балет, опера және «Абай», «Қыз Жібек» сияқты ұлттық классика.",
        ),
        "Kabanbai Batyr 110",
        "43.249400",
        "76.945500",
        3,
        10,
        ["wheelchair"],
        [(range(1, 7), "11:00", "19:00")],
        10,
    ),
    (
        "sight",
        ("Kok-Tobe hill", "Гора Кок-Тобе", "Көктөбе"),
        (
            "A cable car up to the TV-tower hill: the whole city and the mountains at your feet, best at sunset.",
            "Канатная дорога на гору с телебашней: весь город и горы как на ладони, особенно на закате.",
            "Аспалы жолмен телемұнаралы тауға көтеріліңіз: бүкіл қала мен таулар алақандағыдай, әсіресе күн батқанда.",
        ),
        "Dostyk Ave 104",
        "43.233100",
        "76.976400",
        2,
        25,
        ["family", "view", "open_late"],
        [(EVERY_DAY, "11:00", "00:00")],
        100,
    ),
    (
        "shopping",
        ("Arbat pedestrian street", "Арбат (улица Жибек Жолы)", "Арбат (Жібек жолы көшесі)"),
        (
            "Street musicians, souvenir stalls and cafés along the pedestrian part of Zhibek Zholy.",
            "Уличные музыканты, сувениры и кафе на пешеходной части улицы Жибек Жолы.",
            "",
        ),
        "Zhibek Zholy, between Furmanov and Kunaev",
        "43.261300",
        "76.943600",
        1,
        8,
        ["family", "free_entry"],
        [(EVERY_DAY, "10:00", "22:00")],
        60,
    ),
    (
        "restaurant",
        ("Navat teahouse", "Чайхана «Нават»", "«Нават» шайханасы"),
        (
            "Central Asian cuisine in a lively teahouse: plov, lagman, samsa from the tandoor.",
            "Среднеазиатская кухня в шумной чайхане: плов, лагман, самса из тандыра.",
            "Қызу шайханадағы Орта Азия асханасы: палау, лағман, тандыр самсасы.",
        ),
        "Zhibek Zholy 50",
        "43.261800",
        "76.944800",
        2,
        7,
        ["halal", "family", "local_food", "english_menu", "open_late"],
        [(EVERY_DAY, "10:00", "01:00")],
        15,
    ),
    (
        "lunch",
        ("Kaganat", "Каганат", "Қағанат"),
        (
            "Self-service canteen with Kazakh home cooking: quick, cheap and filling.",
            "Столовая самообслуживания с казахской домашней кухней: быстро, недорого и сытно.",
            "Қазақтың үй тағамдары бар өзіне-өзі қызмет көрсету асханасы: жылдам, арзан әрі тоқ.",
        ),
        "Abylai Khan 62",
        "43.255900",
        "76.944900",
        1,
        5,
        ["halal", "local_food", "family"],
        [(EVERY_DAY, "08:00", "22:00")],
        25,
    ),
    (
        "cafe",
        ("Coffee Boom", "Coffee Boom", "Coffee Boom"),
        (
            "A local coffee chain with breakfasts all day, desserts and reliable Wi-Fi.",
            "Местная сеть кофеен: завтраки весь день, десерты и стабильный Wi-Fi.",
            "Жергілікті кофехана желісі: күні бойы таңғы ас, десерттер және тұрақты Wi-Fi.",
        ),
        "Kabanbai Batyr 79",
        "43.250800",
        "76.945900",
        2,
        4,
        ["vegetarian", "wifi", "cards", "english_menu"],
        [(WEEKDAYS, "07:30", "23:00"), (range(5, 7), "09:00", "23:00")],
        5,
    ),
    (
        "museum",
        ("Kasteev Museum of Arts", "Музей искусств имени Кастеева", "Қастеев атындағы өнер музейі"),
        (
            "The largest art collection in Kazakhstan: Kasteev's watercolours, Soviet-era painting and contemporary art.",
            "Крупнейшее собрание искусства в Казахстане: акварели Кастеева, советская живопись и современное искусство.",
            "Қазақстандағы ең ірі өнер қоры: Қастеевтің акварельдері, кеңестік кескіндеме және заманауи өнер.",
        ),
        "Satpayev 30A",
        "43.237200",
        "76.922400",
        1,
        30,
        ["wheelchair"],
        [(range(1, 7), "10:00", "18:00")],
        130,
    ),
    (
        "shopping",
        ("Dostyk Plaza", "ТРЦ «Достык Плаза»", "«Достық Плаза» СОО"),
        (
            "A mall with international brands, a food court and a cinema; handy on a rainy day.",
            "Торговый центр с мировыми брендами, фуд-кортом и кинотеатром — выручает в дождливый день.",
            "Әлемдік брендтері, фуд-корты мен кинотеатры бар сауда орталығы; жаңбырлы күні таптырмас.",
        ),
        "Samal-2, 111",
        "43.233400",
        "76.957000",
        3,
        25,
        ["family", "wheelchair", "cards", "wifi"],
        [(EVERY_DAY, "10:00", "22:00")],
        40,
    ),
    (
        "nightlife",
        ("Line Brew", "Line Brew", "Line Brew"),
        (
            "Beer restaurant with its own brewery, grilled meat and live music at weekends.",
            "Пивной ресторан с собственной пивоварней, мясом на гриле и живой музыкой по выходным.",
            "Өз сыра қайнататын орны, гриль еті және демалыс күндері тірі музыкасы бар мейрамхана.",
        ),
        "Abylai Khan 79",
        "43.256800",
        "76.945300",
        3,
        9,
        ["open_late", "cards", "english_menu"],
        [(range(0, 4), "12:00", "00:00"), (range(4, 6), "12:00", "02:00"), ([6], "12:00", "00:00")],
        50,
    ),
    (
        "park",
        ("Central Park", "Центральный парк", "Орталық саябақ"),
        (
            "Rides, a lake with boats and a small zoo next door: a half day with children.",
            "Аттракционы, озеро с лодками и зоопарк по соседству — полдня с детьми.",
            "Аттракциондар, қайықпен жүзетін көл және жанындағы хайуанаттар бағы — балалармен жарты күн.",
        ),
        "Gogol St 1",
        "43.262900",
        "76.968900",
        1,
        20,
        ["family", "outdoor"],
        [(EVERY_DAY, "10:00", "22:00")],
        200,
    ),
]


def _time(text):
    return datetime.time.fromisoformat(text)


def load_suppliers(today):
    for row in SUPPLIERS:
        name, categories, offer, (ctype, cvalue), (start, end), preferred, active, langs, people = (
            row
        )
        supplier, _ = Supplier.objects.update_or_create(
            name=name,
            defaults={
                "offer": offer,
                "commission_type": ctype,
                "commission_value": Decimal(cvalue),
                "contract_start": today + datetime.timedelta(days=start) if start else None,
                "contract_end": today + datetime.timedelta(days=end) if end else None,
                "preferred": preferred,
                "active": active,
                "payment_terms": "Invoice monthly, 10 banking days" if ctype == "percent" else "",
                "working_hours": "24/7" if "taxi" in categories else "Mon-Sat 09:00-19:00",
                "address": "Almaty",
            },
        )
        supplier.set_categories(categories)
        supplier.set_languages(langs)
        for person, role, phone, email, messenger in people:
            Contact.objects.update_or_create(
                supplier=supplier,
                name=person,
                defaults={"role": role, "phone": phone, "email": email, "messenger": messenger},
            )


def load_places(today):
    places = []
    for row in PLACES:
        kind, names, texts, address, lat, lon, price, walk, tags, hours, verified = row
        place, _ = Place.objects.update_or_create(
            name_en=names[0],
            defaults={
                "kind": kind,
                "name_ru": names[1],
                "name_kk": names[2],
                "description_en": texts[0],
                "description_ru": texts[1],
                "description_kk": texts[2] or None,
                "address": address,
                "latitude": Decimal(lat),
                "longitude": Decimal(lon),
                "price_level": price,
                "walking_minutes": walk,
                "last_verified": today - datetime.timedelta(days=verified),
            },
        )
        place.set_tags(tags)
        place.hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(place=place, weekday=day, opens=_time(opens), closes=_time(closes))
            for days, opens, closes in hours
            for day in days
        )
        places.append(place)
    return places


def load_sheet(places):
    """A sample sheet for a Russian-speaking demo guest, when arrivals' demo made one."""
    guest = Guest.objects.filter(language="ru").order_by("pk").first()
    if guest is None or guest.recommendation_sheets.exists():
        return
    chosen = list(PRESETS["lunch_nearby"].apply(Place.objects.active())[:3])
    save_sheet(guest, None, chosen, "ru", preset="lunch_nearby")


def load(stdout=None):
    today = timezone.localdate()
    load_suppliers(today)
    places = load_places(today)
    load_sheet(places)
    if stdout:
        stdout.write(f"Suppliers: {len(SUPPLIERS)}, local places: {len(PLACES)}")
