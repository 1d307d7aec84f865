"""The hotel's review topics with keyword stems in en, ru and kk and a proposal for each.

Idempotent (update_or_create by code): the test suite runs it again after a flush.
"""

from django.db import migrations

# code, order, names (en, ru, kk), stems (en, ru, kk), proposals (en, ru, kk)
TOPICS = [
    (
        "cleanliness",
        10,
        ("Cleanliness", "Чистота", "Тазалық"),
        (
            "clean\ndirt\ndust\nstain\nhair\ntidy\nhousekeep\nsmell\nmould\nmold",
            "чист\nгрязн\nгрязь\nпыль\nпыл\nпятн\nволос\nуборк\nубира\nзапах\nплесен\nгорничн",
            "таза\nлас\nшаң\nдақ\nшаш\nжинау\nжиналма\nиіс\nзең\nбөлме қызметші",
        ),
        (
            "Add a supervisor check of every room before it is released, with a short "
            "checklist for bathrooms, floors under furniture and linen; review the rooms "
            "named in complaints with the housekeeping manager each week.",
            "Ввести проверку каждого номера супервайзером перед заселением по короткому "
            "чек-листу (санузел, пол под мебелью, бельё); еженедельно разбирать с "
            "руководителем хозяйственной службы номера из жалоб.",
            "Әр бөлмені қонаққа бермес бұрын супервайзер қысқа тізім бойынша тексерсін "
            "(жуынатын бөлме, жиһаз асты, төсек жабдығы); шағымдағы бөлмелерді "
            "шаруашылық қызметінің басшысымен апта сайын талдаңыз.",
        ),
    ),
    (
        "staff",
        20,
        ("Staff and service", "Персонал и обслуживание", "Қызметкерлер мен қызмет көрсету"),
        (
            "staff\nreception\nreceptionist\nfront desk\nfriendly\nhelpful\nrude\npolite"
            "\nservice\nconcierge\nmanager\nemployee",
            "персонал\nсотрудник\nадминистратор\nресепшн\nресепшен\nвежлив\nгруб"
            "\nобслуживан\nсервис\nконсьерж\nприветлив\nотзывчив",
            "қызметкер\nперсонал\nәкімші\nресепшн\nсыпайы\nдөрекі\nқызмет көрсет"
            "\nмейірім\nкөмектес\nқонақжай",
        ),
        (
            "Run a short service refresher for the front desk and guest relations on "
            "greeting, handling complaints and follow-up; name the employees guests praise "
            "and let them coach their colleagues.",
            "Провести для службы приёма и гостевой службы короткий тренинг по приветствию, "
            "работе с жалобами и обратной связи; отмечать сотрудников, которых хвалят "
            "гости, и привлекать их к наставничеству.",
            "Қабылдау және қонақтармен жұмыс қызметіне амандасу, шағыммен жұмыс және кері "
            "байланыс бойынша қысқа оқыту өткізіңіз; қонақтар мақтаған қызметкерлерді "
            "атап өтіп, тәлімгерлікке тартыңыз.",
        ),
    ),
    (
        "food",
        30,
        ("Breakfast and food", "Завтрак и питание", "Таңғы ас және тамақ"),
        (
            "breakfast\nfood\nrestaurant\ndinner\nlunch\nbuffet\ncoffee\nmeal\nmenu\ndish"
            "\nroom service",
            "завтрак\nеда\nеды\nресторан\nужин\nобед\nшведск\nкофе\nблюд\nменю\nкухн",
            "таңғы ас\nтамақ\nмейрамхана\nтүскі ас\nкешкі ас\nкофе\nмәзір\nдәм\nшведтік",
        ),
        (
            "Review the breakfast buffet with the chef: refill times at peak hours, hot "
            "dishes kept warm, local dishes and options for special diets; ask guests "
            "about breakfast at check-out for a month.",
            "Пересмотреть завтрак с шеф-поваром: пополнение в часы пик, подогрев горячих "
            "блюд, местная кухня и варианты для особых диет; в течение месяца спрашивать "
            "гостей о завтраке при выезде.",
            "Аспазшымен бірге таңғы асты қайта қараңыз: қарбалас уақытта толықтыру, ыстық "
            "тағамдарды жылы ұстау, ұлттық тағамдар және ерекше диетаға арналған мәзір; "
            "бір ай бойы шығарда қонақтардан таңғы ас туралы сұраңыз.",
        ),
    ),
    (
        "room",
        40,
        ("Room comfort", "Комфорт номера", "Бөлменің жайлылығы"),
        (
            "bed\npillow\nmattress\nspacious\ncosy\ncozy\nair condition\nairco\nheating"
            "\nfurniture\nblanket\ncramped",
            "кроват\nподушк\nматрас\nпросторн\nуютн\nкондиционер\nотоплен\nмебел\nодеял"
            "\nтесн\nдушно",
            "төсек\nкереует\nжастық\nматрас\nкең бөлме\nыңғайлы\nыңғайсыз\nкондиционер"
            "\nжылыту\nжиһаз\nкөрпе",
        ),
        (
            "Check beds, pillows and air conditioning in the rooms guests name; offer a "
            "pillow menu and a blanket on request; replace mattresses older than eight "
            "years first.",
            "Проверить кровати, подушки и кондиционеры в номерах из отзывов; предлагать "
            "меню подушек и дополнительное одеяло по запросу; в первую очередь заменить "
            "матрасы старше восьми лет.",
            "Пікірлерде аталған бөлмелердегі төсек, жастық және кондиционерді тексеріңіз; "
            "жастық мәзірін және сұраныс бойынша қосымша көрпе ұсыныңыз; сегіз жылдан "
            "асқан матрастарды алдымен ауыстырыңыз.",
        ),
    ),
    (
        "bathroom",
        50,
        ("Bathroom", "Ванная комната", "Жуынатын бөлме"),
        (
            "bathroom\nshower\ntoilet\nbath\ntowel\nhot water\nsink\ntoiletr\nshampoo\ndrain",
            "ванн\nдушевая\nдушевой\nтуалет\nунитаз\nполотенц\nгорячей воды\nгорячая вода"
            "\nсантехник\nраковин\nшампун\nслив",
            "жуынатын бөлме\nдушқа\nдушта\nдәретхана\nсүлгі\nыстық су\nванна\nшампунь"
            "\nкран",
        ),
        (
            "Have engineering check water pressure, hot water and drains in the rooms "
            "named in reviews; keep spare towels and toiletries on every floor so a "
            "request is met within 15 minutes.",
            "Поручить инженерной службе проверить напор, горячую воду и слив в номерах из "
            "отзывов; держать запас полотенец и косметики на каждом этаже, чтобы "
            "выполнять просьбу за 15 минут.",
            "Пікірлерде аталған бөлмелерде инженерлік қызмет су қысымын, ыстық суды және "
            "ағызуды тексерсін; өтінішті 15 минутта орындау үшін әр қабатта сүлгі мен "
            "косметика қорын ұстаңыз.",
        ),
    ),
    (
        "noise",
        60,
        ("Noise", "Шум", "Шу"),
        (
            "noise\nnoisy\nloud\nquiet\nsoundproof\nthin walls\nmusic\ntraffic",
            "шум\nгромк\nтих\nзвукоизоляц\nтонкие стен\nмузык",
            "шулы\nшуы\nшудан\nдыбыс\nтыныш\nайқай\nмузыка",
        ),
        (
            "Offer quiet rooms (high floors, away from the lift, bar and street) to guests "
            "who ask or complained before; put earplugs in the rooms; enforce quiet hours "
            "from 23:00 and check the sealing of windows facing the street.",
            "Предлагать тихие номера (верхние этажи, вдали от лифта, бара и улицы) гостям, "
            "которые просят об этом или жаловались раньше; положить в номера беруши; "
            "соблюдать тишину с 23:00 и проверить уплотнители окон, выходящих на улицу.",
            "Сұраған немесе бұрын шағымданған қонақтарға тыныш бөлмелер ұсыныңыз (жоғарғы "
            "қабаттар, лифт, бар және көшеден алыс); бөлмелерге құлақ тығындарын "
            "қойыңыз; 23:00-ден бастап тыныштықты сақтап, көшеге қараған терезелердің "
            "тығыздағышын тексеріңіз.",
        ),
    ),
    (
        "wifi",
        70,
        ("Wi-Fi", "Wi-Fi", "Wi-Fi"),
        (
            "wifi\nwi-fi\ninternet\nconnection\nsignal",
            "wi-fi\nwifi\nвай-фай\nвайфай\nинтернет\nсигнал\nсвязь",
            "wi-fi\nwifi\nвай-фай\nинтернет\nбайланыс\nсигнал",
        ),
        (
            "Measure Wi-Fi speed in the rooms named in complaints, add access points where "
            "the signal is weak and print the network name and password on the key card "
            "holder.",
            "Замерить скорость Wi-Fi в номерах из жалоб, добавить точки доступа там, где "
            "сигнал слабый, и печатать имя сети и пароль на конверте ключ-карты.",
            "Шағымдағы бөлмелерде Wi-Fi жылдамдығын өлшеп, сигнал әлсіз жерге кіру "
            "нүктелерін қосыңыз; желі атауы мен құпиясөзді кілт-карта қабына басып "
            "шығарыңыз.",
        ),
    ),
    (
        "checkin",
        80,
        ("Check-in and check-out", "Заселение и выезд", "Тіркелу және шығу"),
        (
            "check-in\ncheck in\ncheckin\ncheck-out\ncheck out\ncheckout\nqueue\nkey card"
            "\nwaited",
            "заселен\nзаселил\nзаселя\nвыселен\nвыезд\nрегистрац\nочеред\nключ",
            "тіркел\nтіркеу\nорналастыр\nкілт\nкезек\nерте кіру\nкеш шығу",
        ),
        (
            "Pre-assign rooms for the day's arrivals by noon, add a second agent at the "
            "desk at peak hours, offer express check-out and tell guests at once when a "
            "room is not ready, with a drink while they wait.",
            "Заранее назначать номера на заезды дня до полудня, ставить второго "
            "сотрудника на стойку в часы пик, предлагать экспресс-выезд и сразу сообщать "
            "гостю, если номер не готов, предлагая напиток на время ожидания.",
            "Күндізгі сағат 12-ге дейін келетін қонақтарға бөлмелерді алдын ала бөліңіз, "
            "қарбалас сағаттарда қабылдауға екінші қызметкер қойыңыз, жедел шығуды "
            "ұсыныңыз; бөлме дайын болмаса, қонаққа бірден айтып, күтіп тұрғанда сусын "
            "ұсыныңыз.",
        ),
    ),
    (
        "location",
        90,
        ("Location", "Расположение", "Орналасуы"),
        (
            "location\nlocated\ncentre\ncenter\nwalking distance\nmetro\nclose to",
            "располож\nместополож\nцентр\nметро\nрядом\nблизко",
            "орналасқан\nорналасу\nорталық\nорталығ\nметро\nжақын",
        ),
        (
            "Location cannot move, but expectations can: describe distances and transport "
            "honestly on booking sites, hand out a map with walking times and offer the "
            "local guide's recommendation sheet at check-in.",
            "Расположение не изменить, но можно управлять ожиданиями: честно указать "
            "расстояния и транспорт на сайтах бронирования, выдавать карту со временем в "
            "пути пешком и предлагать лист рекомендаций при заселении.",
            "Орналасуды өзгерту мүмкін емес, бірақ күтуді басқаруға болады: брондау "
            "сайттарында қашықтық пен көлікті шынайы жазыңыз, жаяу жүру уақыты көрсетілген "
            "карта беріп, тіркелу кезінде ұсыныстар парағын ұсыныңыз.",
        ),
    ),
    (
        "value",
        100,
        ("Value for money", "Цена и качество", "Баға мен сапа"),
        (
            "price\nvalue\nexpensive\noverpriced\ncheap\nworth\nmoney\ncost",
            "цен\nдорог\nдешев\nстоимост\nденег\nденьг\nпереплат",
            "баға\nбағас\nқымбат\nарзан\nақша\nтұрарлық",
        ),
        (
            "Compare rates with the competitive set for the dates of the complaints; add "
            "value rather than cut prices (breakfast, late check-out, transfer packages) "
            "and make sure what is included is clear before booking.",
            "Сравнить тарифы с конкурентами на даты жалоб; добавлять ценность вместо "
            "снижения цены (пакеты с завтраком, поздним выездом, трансфером) и чётко "
            "показывать, что входит в стоимость, до бронирования.",
            "Шағым күндеріне бәсекелестердің бағасымен салыстырыңыз; бағаны түсірудің "
            "орнына құндылық қосыңыз (таңғы ас, кеш шығу, трансфер пакеттері) және "
            "бағаға не кіретінін брондауға дейін анық көрсетіңіз.",
        ),
    ),
    (
        "spa",
        110,
        ("Spa, pool and gym", "Спа, бассейн и спортзал", "Спа, бассейн және спортзал"),
        (
            "spa\npool\ngym\nsauna\nfitness\nmassage\njacuzzi\nhammam",
            "спа\nбассейн\nспортзал\nтренажер\nтренажёр\nфитнес\nсаун\nмассаж\nхамам"
            "\nджакузи",
            "спа\nбассейн\nжүзу\nспортзал\nфитнес\nсауна\nмассаж\nмонша\nжакузи",
        ),
        (
            "Check opening hours, water temperature and equipment with the spa manager; "
            "post the hours in the lift and on the guest page, and let guests book "
            "treatments through the desk.",
            "Проверить со спа-менеджером часы работы, температуру воды и тренажёры; "
            "разместить расписание в лифте и на гостевой странице, принимать запись на "
            "процедуры через гостевую службу.",
            "Спа-менеджермен жұмыс уақытын, су температурасын және жабдықты тексеріңіз; "
            "кестені лифтке және қонақ парағына іліп, емдік рәсімдерге қонақтар "
            "қызметі арқылы жазыңыз.",
        ),
    ),
    (
        "parking",
        120,
        ("Parking", "Парковка", "Көлік тұрағы"),
        (
            "parking\ncar park\ngarage\nvalet",
            "парковк\nстоянк\nпаркинг\nгараж",
            "тұрақ\nавтотұрақ\nпаркинг\nпарковка\nгараж",
        ),
        (
            "Say clearly on booking sites whether parking is free and how many places "
            "there are; let guests reserve a place with the booking and agree overflow "
            "places with a nearby car park.",
            "Чётко указать на сайтах бронирования, бесплатна ли парковка и сколько мест; "
            "дать гостям бронировать место вместе с номером и договориться о "
            "дополнительных местах с ближайшей стоянкой.",
            "Брондау сайттарында тұрақтың тегін екенін және орын санын анық жазыңыз; "
            "қонақтарға орынды бөлмемен бірге брондауға мүмкіндік беріп, жақын "
            "автотұрақпен қосымша орын туралы келісіңіз.",
        ),
    ),
]


def seed(apps, schema_editor):
    Topic = apps.get_model("reviews", "Topic")
    for code, order, names, stems, proposals in TOPICS:
        Topic.objects.update_or_create(
            code=code,
            defaults={
                "order": order,
                "name": names[0],
                "name_en": names[0],
                "name_ru": names[1],
                "name_kk": names[2],
                "keywords_en": stems[0],
                "keywords_ru": stems[1],
                "keywords_kk": stems[2],
                "proposal": proposals[0],
                "proposal_en": proposals[0],
                "proposal_ru": proposals[1],
                "proposal_kk": proposals[2],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
