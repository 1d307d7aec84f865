"""Keywords as whole words (matched by normal form), complaint phrases, exclusions and the
praise, complaint, negation and contrast words of en, ru and kk.

Idempotent (update by code or language): the test suite runs it again after a flush.
A topic whose keywords a manager has already changed keeps them.
"""

import importlib

from django.db import migrations

# code: (keywords en, ru, kk), complaint phrases, exclusions
TOPICS = {
    "cleanliness": (
        (
            "clean\ncleanliness\ndirty\ndirt\ndust\ndusty\nstain\nstained\nhair\nhairs\ntidy"
            "\nhousekeeping\nhousekeeper\nsmell\nsmelly\nmould\nmold\ncockroach\nbugs"
            "\nspotless\nfilthy\nlinen\nsheets",
            "чистый\nчисто\nчистота\nгрязный\nгрязно\nгрязь\nпыль\nпыльный\nпятно\nволос"
            "\nуборка\nубирать\nубрать\nзапах\nплесень\nгорничная\nтаракан\nбелье\nпростыня"
            "\nнеубранный\nвонь\nвонять",
            "таза\nтазалық\nлас\nшаң\nдақ\nшаш\nжинау\nжина\nжинал\nиіс\nзең\nтарақан"
            "\nсасық\nкір\nжайма",
        ),
        "",
        "clean towels\nчистый полотенце\nтаза сүлгі",
    ),
    "staff": (
        (
            "staff\nreception\nreceptionist\nfront desk\nfriendly\nhelpful\nrude\npolite"
            "\nservice\nconcierge\nmanager\nemployee\npersonnel\nwaiter\nwaitress\nporter"
            "\ndoorman\nadministrator\nunhelpful\nunfriendly",
            "персонал\nсотрудник\nадминистратор\nресепшн\nресепшен\nвежливый\nвежливо\nгрубый"
            "\nгрубо\nобслуживание\nсервис\nконсьерж\nприветливый\nотзывчивый\nофициант"
            "\nпортье\nменеджер\nхамство\nхамить\nдружелюбный\nлюбезный",
            "қызметкер\nперсонал\nәкімші\nресепшн\nресепшен\nсыпайы\nдөрекі\nқызмет"
            "\nмейірімді\nмейірбан\nкөмектес\nқонақжай\nдаяшы\nменеджер\nадминистратор",
        ),
        "",
        "room service\nобслуживание номер\nкомфорт обслуживание",
    ),
    "food": (
        (
            "breakfast\nfood\nrestaurant\ndinner\nlunch\nbuffet\ncoffee\nmeal\nmenu\ndish"
            "\nroom service\ncuisine\nomelette\npastries\nchef\ntea\ndelicious\ntasty",
            "завтрак\nеда\nресторан\nужин\nобед\nшведский стол\nкофе\nблюдо\nменю\nкухня"
            "\nпитание\nповар\nомлет\nвыпечка\nкаша\nкафе\nчай\nвкусный\nвкусно\nневкусный",
            "таңғы ас\nтамақ\nмейрамхана\nтүскі ас\nкешкі ас\nкофе\nмәзір\nдәмді\nшведтік үстел"
            "\nтағам\nаспаз\nшай\nкафе",
        ),
        "",
        "concierge restaurant\nconcierge dinner\nconcierge table\nrecommend restaurant"
        "\nbook restaurant\nbook dinner\nreserve restaurant\nreserve dinner"
        "\nконсьерж ресторан\nконсьерж ужин\nпосоветовать ресторан\nзабронировать ресторан"
        "\nзабронировать ужин\nзабронировать столик\nконсьерж мейрамхана\nкеңес мейрамхана",
    ),
    "room": (
        (
            "bed\npillow\nmattress\nspacious\ncosy\ncozy\nair conditioning\nair conditioner"
            "\nairco\nheating\nfurniture\nblanket\ncramped\ntiny\nbalcony\nwardrobe",
            "кровать\nподушка\nматрас\nпросторный\nуютный\nуютно\nкондиционер\nотопление"
            "\nмебель\nодеяло\nтесный\nтесно\nдушно\nбалкон\nшкаф",
            "төсек\nкереует\nжастық\nматрас\nкең\nкондиционер\nжылыту\nжиһаз\nкөрпе"
            "\nбалкон",
        ),
        "",
        "",
    ),
    "bathroom": (
        (
            "bathroom\nshower\ntoilet\nbath\nbathtub\ntowel\nhot water\nsink\ntoiletries"
            "\nshampoo\ndrain\nwater pressure\nhairdryer",
            "ванная\nванна\nдуш\nдушевой\nтуалет\nунитаз\nполотенце\nгорячий вода\nсантехника"
            "\nраковина\nшампунь\nслив\nфен\nсанузел\nнапор",
            "жуынатын бөлме\nдуш\nдәретхана\nсүлгі\nыстық су\nванна\nшампунь\nкран\nфен"
            "\nраковина\nунитаз\nсу қысымы",
        ),
        "",
        "",
    ),
    "noise": (
        (
            "noise\nnoisy\nloud\nquiet\nsoundproof\nsoundproofing\nthin walls\nmusic\ntraffic"
            "\npeaceful\nsilent\nsnoring",
            "шум\nшумно\nшумный\nшуметь\nгромкий\nгромко\nтихий\nтихо\nтишина\nзвукоизоляция"
            "\nтонкий стена\nмузыка\nслышно",
            "шу\nшулы\nдыбыс\nтыныш\nтыныштық\nайқай\nмузыка\nестіл\nдауыс",
        ),
        "",
        "",
    ),
    "wifi": (
        (
            "wifi\nwi-fi\ninternet\nconnection\nsignal",
            "wi-fi\nwifi\nвай-фай\nвайфай\nинтернет\nсигнал\nсвязь",
            "wi-fi\nwifi\nвай-фай\nинтернет\nбайланыс\nсигнал",
        ),
        "",
        "",
    ),
    "checkin": (
        (
            "check-in\ncheck in\ncheckin\ncheck-out\ncheck out\ncheckout\nqueue\nkey card"
            "\nkeycard\narrival\nregistration",
            "заселение\nзаселиться\nзаселять\nвыселение\nвыезд\nрегистрация\nочередь\nключ"
            "\nзаезд\nчек-ин",
            "тіркелу\nтіркеу\nтіркел\nорналастыр\nкілт\nкезек\nерте кіру\nкеш шығу",
        ),
        "",
        "",
    ),
    "location": (
        (
            "location\nlocated\ncentre\ncenter\ncentral\nwalking distance\nmetro\nclose to"
            "\nnearby\ndowntown\nneighbourhood\nneighborhood",
            "расположение\nместоположение\nрасположить\nцентр\nметро\nблизко\nнедалеко"
            "\nрайон\nшаговый доступность",
            "орналасқан\nорналасу\nорналас\nорталық\nметро\nжақын",
        ),
        "far from\nfar away\nneed a taxi\nдалеко от\nдалеко до\nокраина\nалыс\nшет",
        "conference centre\nconference center\nbusiness centre\nbusiness center\nfitness centre"
        "\nfitness center\nspa centre\nspa center\nбизнес центр\nфитнес центр\nспа центр"
        "\nконференц центр\nбизнес орталық\nспа орталық",
    ),
    "value": (
        (
            "price\nvalue\nexpensive\noverpriced\ncheap\nworth\nmoney\ncost\npricey"
            "\naffordable",
            "цена\nдорогой\nдорого\nдешевый\nдешево\nстоимость\nденьги\nпереплата"
            "\nпереплатить\nнедорогой\nнедорого",
            "баға\nқымбат\nарзан\nақша\nтұрарлық\nтұрарлықтай",
        ),
        "",
        "",
    ),
    "spa": (
        (
            "spa\npool\ngym\nsauna\nfitness\nmassage\njacuzzi\nhammam\nswimming\nsteam room",
            "спа\nбассейн\nспортзал\nтренажер\nтренажерный зал\nфитнес\nсауна\nмассаж\nхамам"
            "\nджакузи\nбаня",
            "спа\nбассейн\nжүзу\nспортзал\nфитнес\nсауна\nмассаж\nмонша\nжакузи",
        ),
        "",
        "",
    ),
    "parking": (
        (
            "parking*\ncar park\ngarage\nvalet",
            "парковка\nстоянка\nпаркинг\nгараж\nпарковаться\nприпарковаться\nпарковочный",
            "тұрақ\nавтотұрақ\nпаркинг\nпарковка\nгараж\nкөлік қою",
        ),
        "",
        "тұрақты",
    ),
}

LEXICONS = {
    "en": {
        "positive": "good\ngreat\nexcellent\nperfect\namazing\nwonderful\nfantastic\nlovely"
        "\nnice\nclean\nspotless\nfriendly\nhelpful\npolite\ncomfortable\ncomfy\nspacious"
        "\ncosy\ncozy\nquiet\npeaceful\ntasty\ndelicious\nfresh\nfast\nquick\nconvenient"
        "\nfine\nsuperb\nawesome\nbeautiful\nattentive\nprofessional\nwelcoming\npleasant"
        "\nlove\nenjoy\nrecommend\nbest\nfree\nreasonable\naffordable\nworth\ncentral"
        "\nmodern\nwarm\nsmooth\nefficient\ngenerous\nplenty\nwork\nstrong\nthanks\nthank"
        "\nhappy\npleased\nimpressed\neasy\nvaried\nstable\nreliable",
        "negative": "bad\npoor\ndirty\nfilthy\nnoisy\nloud\nnoise\nbroken\nrude\nslow\ncold"
        "\ntiny\ncramped\nsmelly\nsmell\nstain\nstained\nexpensive\noverpriced\npricey"
        "\nterrible\nawful\nhorrible\ndisappointing\ndisappointed\nworst\nproblem\nissue"
        "\nlack\nmissing\nunfriendly\nuncomfortable\nwait\nwaited\nmediocre\nunhelpful\nold"
        "\noutdated\nimpossible\ndropped\ndropping\nunstable\nweak\ndust\ndusty\nmould\nmold"
        "\nhair\nthin\npaid\nalways full\nfar\nannoying\nunacceptable\ncomplain\nleak"
        "\ncockroach\nbugs\nworn\nshabby\nlukewarm\ntasteless\nbland\nlimited\nsmall"
        "\ncrowded\nqueue\nnightmare\nuseless\nignored\nunpleasant\nunfortunately\ncharged"
        "\novercharged\nhard\nsadly\nrip-off\nstuffy\nclosed\npity\ndifficult",
        "negators_before": "not\nno\nnever\nwithout\nnothing\nnone\nnobody\nhardly",
        "negators_after": "",
        "contrasts": "but\nhowever\nalthough\nthough\nyet\nwhereas",
    },
    "ru": {
        "positive": "хороший\nхорошо\nотличный\nотлично\nпрекрасный\nпрекрасно\nзамечательный"
        "\nзамечательно\nчистый\nчисто\nвежливый\nвежливо\nприветливый\nотзывчивый"
        "\nдружелюбный\nудобный\nудобно\nуютный\nуютно\nпросторный\nтихий\nтихо\nтишина"
        "\nвкусный\nвкусно\nсвежий\nбыстро\nбыстрый\nпонравиться\nнравиться\nрекомендовать"
        "\nлучший\nидеальный\nидеально\nсупер\nшикарный\nвеликолепный\nприятный\nприятно"
        "\nбесплатный\nбесплатно\nдоступный\nразнообразный\nвнимательный\nлюбезный\nработать"
        "\nспасибо\nблагодарность\nблагодарить\nпорадовать\nрадовать\nдовольный\nкомфортный"
        "\nкомфортно\nсовременный\nтеплый\nтепло\nстабильный\nстабильно\nнедорогой\nнедорого"
        "\nразумный\nадекватный\nблизко\nнедалеко\nпомочь\nвсегда свободный\nбогатый"
        "\nпрофессиональный\nлюбить\nсоветовать",
        "negative": "плохой\nплохо\nгрязный\nгрязно\nгрязь\nшумный\nшумно\nшум\nгромкий"
        "\nгромко\nсломанный\nсломать\nсломаться\nгрубый\nгрубо\nмедленный\nмедленно"
        "\nхолодный\nхолодно\nтесный\nтесно\nмаленький\nзапах\nвонь\nвонять\nдорогой\nдорого"
        "\nужасный\nужасно\nотвратительный\nразочарование\nразочаровать\nпроблема"
        "\nотсутствовать\nнеудобный\nнеудобно\nстарый\nустаревший\nпятно\nдолго\nждать\nжаль"
        "\nк сожалению\nневкусный\nскудный\nневозможно\nпропадать\nслабый\nплатный\nпыль"
        "\nпыльный\nволос\nтаракан\nдушно\nжарко\nнеприятный\nхамство\nхамский\nгрубость"
        "\nочередь\nдалеко\nпереплата\nпереплатить\nзавышенный\nужас\nкошмар\nтечь"
        "\nпротекать\nиспорченный\nнедовольный\nплесень\nтонкий\nслышно\nмало\nобман"
        "\nигнорировать\nхудший\nхуже\nвсегда занятый\nзабитый\nзанятый\nтусклый\nнеприветливый"
        "\nравнодушный\nодинаковый\nостывший\nоднообразный\nсложно\nтрудно\nзакрытый",
        "negators_before": "не\nни\nбез\nнет\nникогда\nничего\nникакой",
        "negators_after": "нет",
        "contrasts": "но\nоднако\nа\nхотя\nзато\nтолько вот",
    },
    "kk": {
        "positive": "жақсы\nкеремет\nтамаша\nтаза\nсыпайы\nмейірімді\nмейірбан\nыңғайлы\nжайлы"
        "\nтыныш\nтыныштық\nдәмді\nтез\nұнады\nұнайды\nәдемі\nкең\nжылы\nжылдам\nұсынамын"
        "\nұсынам\nрахмет\nалғыс\nриза\nүздік\nжақын\nтегін\nарзан\nқолайлы\nкөмектес"
        "\nсапалы\nжаңа\nжарық\nәсерлі\nқонақжай\nтұрақты\nжұмыс істеді\nмол\nалуан түрлі",
        "negative": "нашар\nлас\nшулы\nшу\nсынық\nсынған\nдөрекі\nбаяу\nсуық\nиіс\nсасық"
        "\nқымбат\nжаман\nмәселе\nескі\nөкінішке\nұнама\nістеме\nжетпе\nжетіспе\nүзіл\nәлсіз"
        "\nкүттік\nкүт\nшаң\nтар\nкір\nқолайсыз\nыңғайсыз\nалыс\nақылы\nтолы\nтарақан"
        "\nкешік\nжабық\nақау\nдымқыл\nзең\nқапырық\nсалқын\nұзақ\nдақ\nқиын",
        "negators_before": "ешқандай\nешқашан\nеш",
        "negators_after": "жоқ\nемес\nболмады\nболмаған\nболмайды",
        "contrasts": "бірақ\nалайда\nал\nдегенмен\nкерісінше",
    },
}


def _first_seed():
    """The keywords 0002 shipped, {code: (en, ru, kk)}."""
    module = importlib.import_module("reviews.migrations.0002_topics")
    return {code: stems for code, _order, _names, stems, _proposals in module.TOPICS}


def load(apps, schema_editor):
    Topic = apps.get_model("reviews", "Topic")
    SentimentLexicon = apps.get_model("reviews", "SentimentLexicon")
    shipped = _first_seed()
    for code, (keywords, phrases, exclusions) in TOPICS.items():
        topic = Topic.objects.filter(code=code).first()
        if topic is None:
            continue
        current = (topic.keywords_en, topic.keywords_ru, topic.keywords_kk)
        if current not in (shipped.get(code), keywords):
            continue  # a manager's own keywords stay
        Topic.objects.filter(pk=topic.pk).update(
            keywords_en=keywords[0],
            keywords_ru=keywords[1],
            keywords_kk=keywords[2],
            complaint_phrases=phrases,
            exclusions=exclusions,
        )
    for language, words in LEXICONS.items():
        SentimentLexicon.objects.update_or_create(language=language, defaults=words)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0003_topic_lexicons")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
