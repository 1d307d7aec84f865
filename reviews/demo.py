"""Demo reviews over the last six months (idempotent: keyed by source and external ID).

Each review joins two or three sentences about topics, in Kazakh, Russian or English,
praising them when the score is high and complaining when it is low, so the
improvement report has something to rank.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from arrivals.models import Guest
from reviews import analysis
from reviews.models import Review, Topic

COUNT = 60
# language -> topic -> (praise, complaint)
SENTENCES = {
    "en": {
        "cleanliness": (
            "The room was spotless and clean.",
            "The carpet was dirty and the bathroom had hair in the sink.",
        ),
        "staff": (
            "The reception staff were friendly and helpful.",
            "The receptionist was rude when we asked for a late check-out.",
        ),
        "food": (
            "Breakfast was excellent, lots of choice.",
            "Breakfast was poor, the coffee was cold by 9 am.",
        ),
        "noise": (
            "The room was quiet even on a Friday.",
            "Very noisy at night, music from the bar until 2 am.",
        ),
        "wifi": ("Fast wifi everywhere.", "The wifi kept dropping, impossible to work."),
        "checkin": (
            "Check-in took two minutes.",
            "We waited 40 minutes for check-in, the room was not ready.",
        ),
        "location": (
            "Great location, walking distance to the Green Bazaar.",
            "The location is far from the centre.",
        ),
        "value": ("Good value for the price.", "Overpriced for what you get."),
    },
    "ru": {
        "cleanliness": ("В номере идеально чисто.", "В номере было грязно, на полотенцах пятна."),
        "staff": (
            "Персонал очень вежливый и приветливый.",
            "Администратор был груб и не помог с такси.",
        ),
        "food": (
            "Завтрак отличный, большой выбор блюд.",
            "Завтрак скудный, к девяти утра почти ничего не осталось.",
        ),
        "noise": (
            "В номере тихо, отлично выспались.",
            "Очень шумно ночью, слышно лифт и музыку из бара.",
        ),
        "wifi": (
            "Wi-Fi быстрый во всём отеле.",
            "Интернет постоянно пропадал, не работал вечером.",
        ),
        "checkin": (
            "Заселение быстрое, без очереди.",
            "Заселение заняло почти час, номер был не готов.",
        ),
        "bathroom": (
            "Ванная просторная, горячая вода всегда есть.",
            "В ванной слабый напор, полотенца старые.",
        ),
        "parking": ("Удобная парковка прямо у входа.", "Парковка платная и мест не хватает."),
    },
    "kk": {
        "cleanliness": ("Бөлме өте таза екен.", "Бөлме лас болды, кілемде дақ бар."),
        "staff": ("Қызметкерлер сыпайы әрі мейірімді.", "Ресепшндегі қызметкер дөрекі сөйледі."),
        "food": ("Таңғы ас дәмді, таңдау көп.", "Таңғы ас нашар, тамақ суық болды."),
        "noise": ("Бөлме тыныш, жақсы демалдық.", "Түнде өте шулы болды, бардан музыка естілді."),
        "checkin": ("Тіркелу тез өтті.", "Тіркелу үшін бір сағат кезекте тұрдық."),
        "location": ("Қонақ үй орталыққа жақын орналасқан.", "Орналасуы ыңғайсыз, метро алыс."),
        "spa": ("Бассейн мен сауна керемет.", "Бассейн жабық болды, спортзал ескі."),
    },
}
SOURCES = [
    (Review.Source.BOOKING, 10),
    (Review.Source.GOOGLE, 5),
    (Review.Source.TRIPADVISOR, 5),
    (Review.Source.TWOGIS, 5),
    (Review.Source.GUEST_BOOK, 10),
    (Review.Source.YANDEX, 5),
    (Review.Source.EXPEDIA, 10),
]
AUTHORS = {
    "en": ["James W.", "Emily", "Marco R.", "Claire D.", "Tom", "Sarah K."],
    "ru": ["Анна", "Дмитрий К.", "Екатерина", "Сергей П.", "Ольга", "Игорь"],
    "kk": ["Әсем", "Ерғали Қ.", "Айгүл", "Дәулет", "Мөлдір", "Бауыржан"],
}
TITLES = {
    "en": ("Lovely stay", "Disappointing"),
    "ru": ("Отличный отдых", "Есть над чем работать"),
    "kk": ("Керемет демалыс", "Көңіл толмады"),
}
# Score out of 10 for each review in turn: mostly good, a steady share of complaints.
SCORES = [9, 10, 4, 8, 6, 9, 3, 10, 7, 8, 5, 9]


def _review(n, today, guests):
    language = ("ru", "en", "kk")[n % 3]
    topics = list(SENTENCES[language])
    score10 = SCORES[n % len(SCORES)]
    # Noise gets worse in the recent months, so the report has a change to show.
    if n < COUNT // 3 and score10 <= 6:
        picked = ["noise", topics[(n * 5) % len(topics)]]
    else:
        picked = [topics[(n * 3) % len(topics)], topics[(n * 7 + 1) % len(topics)]]
    praise = score10 >= 7
    text = " ".join(SENTENCES[language][code][0 if praise else 1] for code in dict.fromkeys(picked))
    source, scale = SOURCES[n % len(SOURCES)]
    rating = Decimal(score10) if scale == 10 else Decimal(max(1, round(score10 / 2)))
    guest = guests[n % len(guests)] if guests and n % 4 == 0 else None
    return {
        "date": today - timedelta(days=(n * 3) % 180),
        "rating": rating,
        "scale": scale,
        "title": TITLES[language][0 if praise else 1],
        "text": text,
        "language": language,
        "author": guest.name if guest else AUTHORS[language][n % len(AUTHORS[language])],
        "guest": guest,
        "response": "" if n % 3 else "Thank you for your feedback.",
    }


def load(stdout=None):
    today = timezone.localdate()
    guests = list(Guest.objects.filter(email__isnull=False).exclude(email="").order_by("pk")[:12])
    reviews = []
    for n in range(COUNT):
        values = _review(n, today, guests)
        source = SOURCES[n % len(SOURCES)][0]
        if values["response"]:
            values["responded_at"] = timezone.now()
        review, _ = Review.objects.update_or_create(
            source=source, external_id=f"DEMO-{n + 1:03d}", defaults=values
        )
        reviews.append(review)
    analysis.analyse(reviews, list(Topic.objects.all()))
    if stdout:
        stdout.write(f"Reviews: {len(reviews)} demo reviews.")
