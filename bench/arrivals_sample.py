"""Turn the shared hotel bookings sample into the CSV a PMS would export.

The sample (../shared/data/hotel_bookings_sample.csv, CC BY 4.0) has no names: each row
gets a guest name from Faker seeded with its row number, in a script that fits its
country. Used by bench/bench_arrivals.py and tests/arrivals/test_real_data.py; never
copied into the repository.
"""

import csv
from datetime import date, timedelta
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "hotel_bookings_sample.csv"
MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
STATUS = {"Check-Out": "checked out", "Canceled": "cancelled", "No-Show": "no show"}
LOCALES = {"RUS": "ru_RU", "DEU": "de_DE", "FRA": "fr_FR", "ESP": "es_ES", "PRT": "pt_PT"}
HEADER = [
    "Conf No",
    "Guest Name",
    "Arrival",
    "Departure",
    "Room",
    "Adults",
    "Children",
    "VIP",
    "Nationality",
    "Status",
    "Company",
]
PROFILE = {
    "name": "Hotel bookings sample",
    "encoding": "utf-8",
    "delimiter": ";",
    "date_format": "%d.%m.%Y",
    "source": "SAMPLE",
    "columns": {
        "confirmation_number": "Conf No",
        "full_name": "Guest Name",
        "arrival_date": "Arrival",
        "departure_date": "Departure",
        "room": "Room",
        "adults": "Adults",
        "children": "Children",
        "vip_code": "VIP",
        "nationality": "Nationality",
        "status": "Status",
        "company": "Company",
    },
}


def available():
    return SAMPLE.exists()


def _faker():
    from faker import Faker

    cache = {}

    def name(country, number):
        locale = LOCALES.get(country, "en_GB")
        fake = cache.setdefault(locale, Faker(locale))
        fake.seed_instance(number)
        return f"{fake.last_name()}, {fake.first_name()}"

    return name


def arrival_of(row):
    """The arrival date of a row of the sample."""
    return date(
        int(row["arrival_date_year"]),
        MONTHS[row["arrival_date_month"]],
        int(row["arrival_date_day_of_month"]),
    )


def busiest_day():
    """The arrival date with the most reservations in the sample."""
    from collections import Counter

    with SAMPLE.open(newline="", encoding="utf-8") as handle:
        return Counter(arrival_of(row) for row in csv.DictReader(handle)).most_common(1)[0][0]


def rows(limit=None, arriving=None):
    """PMS rows from the sample: one per reservation, in file order (only those arriving on
    `arriving` when given: naming every guest of the file takes a while)."""
    name = _faker()
    with SAMPLE.open(newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            if limit and number > limit:
                return
            arrival = arrival_of(row)
            if arriving and arrival != arriving:
                continue
            nights = int(row["stays_in_weekend_nights"]) + int(row["stays_in_week_nights"])
            children = row["children"] if row["children"] not in ("NULL", "NA", "") else "0"
            vip = ""
            if float(row["adr"]) > 300:
                vip = "VIP1"
            elif row["is_repeated_guest"] == "1" and int(row["total_of_special_requests"]) >= 2:
                vip = "VIP3"
            yield [
                f"{row['hotel'][0]}{number:06d}",
                name(row["country"], number),
                f"{arrival:%d.%m.%Y}",
                f"{arrival + timedelta(days=nights):%d.%m.%Y}",
                f"{row['assigned_room_type']}{100 + number % 300}",
                row["adults"],
                int(float(children)) + int(row["babies"]),
                vip,
                row["country"],
                STATUS.get(row["reservation_status"], ""),
                "" if row["company"] == "NULL" else f"Company {row['company']}",
            ]


def write(path, limit=None):
    """Write the PMS CSV to `path`; returns the number of rows."""
    count = 0
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for row in rows(limit):
            writer.writerow(row)
            count += 1
    return count
