"""Demo guests and stays around the hotel's today (idempotent: natural keys only).

Stays are keyed by confirmation number and placed relative to today, so running
`load_demo` on a later day moves them along instead of duplicating them.
"""

import random
from datetime import time, timedelta

from django.utils import timezone

from arrivals.models import Guest, ImportProfile, Stay, VipLevel

# first, last, nationality, language, email, birthday (MM-DD or ""), diet, allergies, default VIP
GUESTS = [
    ("Әсем", "Нұрланқызы", "KZ", "kk", "asem.n@mail.kz", "03-14", "", "", "VIP1"),
    ("Ерғали", "Құдайбергенов", "KZ", "kk", "ergali@kaspi.example", "", "halal", "", "VIP2"),
    ("Айгүл", "Сәрсенбаева", "KZ", "kk", "aigul.s@example.kz", "", "", "nuts", ""),
    ("Нұрсұлтан", "Өмірзақов", "KZ", "kk", "", "", "", "", ""),
    ("Іңкәр", "Жұмабекова", "KZ", "kk", "inkar.zh@example.kz", "", "vegetarian", "", ""),
    ("Ұлан", "Һадиев", "KZ", "kk", "", "", "", "", "VIP3"),
    ("Гүлнар", "Әбілқасымова", "KZ", "ru", "gulnar@example.kz", "", "", "lactose", ""),
    ("Дәулет", "Үсенов", "KZ", "kk", "daulet.u@example.kz", "", "", "", ""),
    ("Мөлдір", "Қасымова", "KZ", "kk", "", "", "gluten-free", "", ""),
    ("Бауыржан", "Ғалымжанов", "KZ", "ru", "baur@example.kz", "", "", "", "VIP2"),
    ("Анна", "Смирнова", "RU", "ru", "anna.smirnova@example.ru", "", "", "", ""),
    ("Дмитрий", "Кузнецов", "RU", "ru", "d.kuznetsov@example.ru", "", "", "", "VIP3"),
    ("Екатерина", "Волкова", "RU", "ru", "", "", "vegan", "", ""),
    ("Сергей", "Попов", "BY", "ru", "s.popov@example.by", "", "", "", ""),
    ("Олена", "Шевченко", "UA", "uk", "olena@example.ua", "", "", "shellfish", ""),
    ("Jonas", "Müller", "DE", "de", "jonas.mueller@example.de", "", "", "", ""),
    ("Claire", "Dubois", "FR", "fr", "claire.dubois@example.fr", "", "vegetarian", "", "VIP4"),
    ("James", "Whitfield", "GB", "en", "j.whitfield@example.co.uk", "", "", "", "VIP1"),
    ("Emily", "Carter", "US", "en", "emily.carter@example.com", "", "", "peanuts", ""),
    ("Marco", "Rossi", "IT", "it", "marco.rossi@example.it", "", "", "", ""),
    ("Lucía", "García", "ES", "es", "lucia.garcia@example.es", "", "", "", ""),
    ("Mehmet", "Yılmaz", "TR", "tr", "mehmet.yilmaz@example.com.tr", "", "halal", "", "VIP2"),
    ("Aziz", "Karimov", "UZ", "uz", "aziz.karimov@example.uz", "", "halal", "", ""),
    ("Bakyt", "Asanov", "KG", "ky", "", "", "", "", ""),
    ("Wei", "Zhang", "CN", "zh", "zhang.wei@example.cn", "", "", "", "VIP3"),
    ("Yuki", "Tanaka", "JP", "ja", "yuki.tanaka@example.jp", "", "pescatarian", "", ""),
    ("Min-jun", "Kim", "KR", "ko", "minjun.kim@example.kr", "", "", "", ""),
    ("Arjun", "Sharma", "IN", "hi", "arjun.sharma@example.in", "", "vegetarian", "", ""),
    ("Fatima", "Al-Mansouri", "AE", "ar", "fatima@example.ae", "", "halal", "", "VIP1"),
    ("Omar", "Haddad", "AE", "ar", "", "", "halal", "", ""),
    ("Sofia", "Andersson", "SE", "sv", "sofia.andersson@example.se", "", "", "", ""),
    ("Pieter", "de Vries", "NL", "nl", "pieter.devries@example.nl", "", "", "", ""),
    ("Agnieszka", "Kowalska", "PL", "pl", "", "", "", "", ""),
    ("Nino", "Beridze", "GE", "ka", "nino.beridze@example.ge", "", "", "", ""),
    ("Armen", "Petrosyan", "AM", "hy", "", "", "", "", ""),
    ("Тимур", "Бекмамбетов", "KZ", "ru", "timur.b@example.kz", "", "", "", ""),
    ("Жанна", "Ахметова", "KZ", "ru", "zhanna.a@example.kz", "", "", "", "VIP4"),
    ("Қайрат", "Нұрпейісов", "KZ", "kk", "", "", "", "", ""),
    ("Ольга", "Ким", "KZ", "ru", "olga.kim@example.kz", "", "", "", ""),
    ("Hans", "Becker", "AT", "de", "hans.becker@example.at", "", "", "", ""),
]

NOTES = [
    "Honeymoon: rose petals and sparkling wine in the room",
    "Late check-out requested until 16:00",
    "Quiet room away from the lift",
    "Baby cot in the room",
    "Anniversary dinner booked at the restaurant",
    "Business trip: early breakfast at 06:00",
    "",
    "",
    "",
]
TRANSPORT = ["KC 852", "KC 906", "DV 704", "SU 1946", "TK 350", "LH 2556", "Поезд 002Ц", ""]


def _birthday(today, text, offset):
    if not text:
        return None
    month, day = (int(part) for part in text.split("-"))
    return today.replace(year=1985 + offset % 15, month=month, day=day)


def load(stdout=None):
    today = timezone.localdate()
    rng = random.Random(20250101)
    levels = {level.code: level for level in VipLevel.objects.all()}
    guests = []
    for index, (first, last, country, lang, email, bday, diet, allergies, vip) in enumerate(GUESTS):
        guest, _created = Guest.objects.get_or_create(
            first_name=first,
            last_name=last,
            defaults={
                "nationality": country,
                "language": lang,
                "email": email,
                "birthday": _birthday(today, bday, index),
                "dietary_needs": diet,
                "allergies": allergies,
                "default_vip_level": levels.get(vip),
                "pillow_preference": rng.choice(["", "", "firm", "soft", "hypoallergenic"]),
                "room_preference": rng.choice(["", "", "high floor", "mountain view", "twin"]),
                "occasions": "birthday" if bday else "",
            },
        )
        guests.append(guest)
    # A guest whose birthday falls during today's stay, for the cake on the list.
    Guest.objects.filter(pk=guests[2].pk, birthday__isnull=True).update(
        # 1988 is a leap year, so tomorrow exists in it even when tomorrow is 29 February.
        birthday=(today + timedelta(days=1)).replace(year=1988)
    )

    # Past 14 days, today and the next 7: two to four arrivals a day, six today.
    for offset in range(-14, 8):
        day = today + timedelta(days=offset)
        for slot in range(2 + (offset + 14) % 3 + (2 if offset == 0 else 0)):
            _stay(guests, levels, day, offset, slot, today)
    # Returning guests: earlier stays months ago for a few of today's arrivals.
    for number, guest in enumerate(guests[:8:2]):
        arrival = today - timedelta(days=200 + 30 * number)
        Stay.objects.get_or_create(
            source="PMS",
            confirmation_number=f"DEMO-OLD-{number + 1:02d}",
            defaults={
                "guest": guest,
                "arrival_date": arrival,
                "departure_date": arrival + timedelta(days=3),
                "room": str(300 + number * 11),
                "status": Stay.Status.DEPARTED,
                "special_attention": "Liked the corner room; asked for extra towels",
            },
        )
    ImportProfile.objects.get_or_create(
        name="OPERA arrivals (demo)",
        defaults={
            "source": "OPERA",
            "encoding": "cp1251",
            "delimiter": ";",
            "date_format": "%d.%m.%Y",
            "columns": {
                "confirmation_number": "Conf No",
                "full_name": "Guest Name",
                "arrival_date": "Arrival",
                "arrival_time": "ETA",
                "departure_date": "Departure",
                "room": "Room",
                "adults": "Adults",
                "children": "Children",
                "vip_code": "VIP",
                "nationality": "Nationality",
                "language": "Language",
                "email": "Email",
                "phone": "Phone",
                "notes": "Comments",
                "company": "Company",
            },
        },
    )
    if stdout:
        stdout.write(f"Arrivals: {len(guests)} guests, {Stay.objects.count()} stays.")


def _stay(guests, levels, day, offset, slot, today):
    guest = guests[((offset + 14) * 3 + slot * 7) % len(guests)]
    confirmation = f"DEMO-{day:%m%d}-{slot + 1}"
    nights = 1 + (slot + offset) % 5
    if offset < 0:
        departure = day + timedelta(days=nights)
        status = Stay.Status.DEPARTED if departure <= today else Stay.Status.IN_HOUSE
        if slot == 3:
            status = Stay.Status.NO_SHOW
    else:
        status = Stay.Status.EXPECTED
    vip = guest.default_vip_level or (levels.get("VIP4") if slot == 4 else None)
    security = ""
    if vip and vip.rank == 1:
        security = "Bodyguard in the next room; no visitors without a call"
    Stay.objects.get_or_create(
        source="PMS",
        confirmation_number=confirmation,
        defaults={
            "guest": guest,
            "arrival_date": day,
            "departure_date": day + timedelta(days=nights),
            "eta": time(9 + (slot * 3 + offset) % 12, (slot * 20) % 60),
            "room": str(200 + ((offset + 14) * 7 + slot * 13) % 400),
            "adults": 1 + slot % 2,
            "children": 1 if slot == 2 else 0,
            "status": status,
            "vip_level": vip,
            "special_attention": NOTES[(slot + offset) % len(NOTES)],
            "security_note": security,
            "transport_number": TRANSPORT[(slot + offset) % len(TRANSPORT)],
            "pickup_needed": slot % 3 == 0,
            "company": "KazMunayGas delegation" if slot == 1 and offset % 4 == 0 else "",
        },
    )
