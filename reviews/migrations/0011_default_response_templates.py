"""Ready answers for the main topics in Kazakh, Russian and English.

Idempotent and gentle: a template is created only when its language has none of that
name, so texts edited in the admin are kept (the test suite runs this again after a flush).
"""

from django.db import migrations

# (topic code or None, order, {language: (name, text)})
TEMPLATES = [
    (
        None,
        10,
        {
            "en": (
                "Thank you",
                "Dear {guest},\n\nthank you for your kind words about your stay{stay}. We are "
                "glad you enjoyed it and have shared your review with the team.\n\nWe look "
                "forward to welcoming you again at {hotel}.",
            ),
            "ru": (
                "Благодарность",
                "Уважаемый(ая) {guest},\n\nблагодарим вас за тёплый отзыв о проживании"
                "{stay}. Нам очень приятно, что вам понравилось, — мы передали ваши слова "
                "команде.\n\nБудем рады снова видеть вас в {hotel}.",
            ),
            "kk": (
                "Алғыс",
                "Құрметті {guest},\n\nбізде болғаныңыз{stay} туралы жылы пікіріңіз үшін "
                "алғыс айтамыз. Сізге ұнағанына қуаныштымыз, сөздеріңізді ұжымға жеткіздік."
                "\n\n{hotel} қонақ үйінде сізді қайта күтеміз.",
            ),
        },
    ),
    (
        None,
        20,
        {
            "en": (
                "Apology",
                "Dear {guest},\n\nthank you for telling us about your stay{stay}. We are sorry "
                "that it did not meet your expectations. Your comments have gone to the "
                "managers concerned, and we are putting things right.\n\nWe hope to have the "
                "chance to welcome you again at {hotel}.",
            ),
            "ru": (
                "Извинение",
                "Уважаемый(ая) {guest},\n\nспасибо, что рассказали о своём проживании{stay}. "
                "Приносим извинения за то, что оно не оправдало ваших ожиданий. Ваши "
                "замечания переданы ответственным руководителям, и мы уже исправляем "
                "недочёты.\n\nНадеемся снова принять вас в {hotel}.",
            ),
            "kk": (
                "Кешірім",
                "Құрметті {guest},\n\nбізде болғаныңыз{stay} туралы айтып бергеніңізге "
                "рахмет. Күткеніңіздей болмағаны үшін кешірім сұраймыз. Ескертулеріңіз "
                "жауапты басшыларға жеткізілді, кемшіліктерді түзетіп жатырмыз.\n\n{hotel} "
                "қонақ үйінде сізді қайта қарсы алуға үміттенеміз.",
            ),
        },
    ),
    (
        "cleanliness",
        30,
        {
            "en": (
                "Cleanliness",
                "Dear {guest},\n\nthank you for your review. We apologise that during your "
                "stay{stay} your room was not as clean as it should have been. The housekeeping manager has "
                "checked the room, and every room is now inspected by a supervisor before a "
                "guest checks in.\n\nWe hope to welcome you again at {hotel}.",
            ),
            "ru": (
                "Чистота",
                "Уважаемый(ая) {guest},\n\nблагодарим за отзыв. Приносим извинения за то, что во "
                "время проживания{stay} номер был убран недостаточно хорошо. Руководитель хозяйственной службы "
                "проверил номер, и теперь каждый номер перед заселением принимает "
                "супервайзер.\n\nНадеемся снова видеть вас в {hotel}.",
            ),
            "kk": (
                "Тазалық",
                "Құрметті {guest},\n\nпікіріңіз үшін рахмет. Бізде болған кезде{stay} "
                "бөлмеңіздің жеткілікті таза болмағаны үшін кешірім сұраймыз. Шаруашылық қызметінің басшысы бөлмені "
                "тексерді, енді әр бөлмені қонақ келгенге дейін супервайзер қабылдайды.\n\n"
                "{hotel} қонақ үйінде сізді қайта күтеміз.",
            ),
        },
    ),
    (
        "noise",
        40,
        {
            "en": (
                "Noise",
                "Dear {guest},\n\nthank you for your review, and we are sorry that noise "
                "spoilt your rest during your stay{stay}. We have spoken to the team about "
                "quiet hours, and on your next visit we will gladly offer you a quieter room "
                "away from the lift and the bar.\n\nKind regards, {hotel}.",
            ),
            "ru": (
                "Шум",
                "Уважаемый(ая) {guest},\n\nблагодарим за отзыв и сожалеем, что шум помешал "
                "вашему отдыху во время проживания{stay}. Мы напомнили сотрудникам о часах "
                "тишины, а в следующий приезд с радостью предложим вам более тихий номер "
                "вдали от лифта и бара.\n\nС уважением, {hotel}.",
            ),
            "kk": (
                "Шу",
                "Құрметті {guest},\n\nпікіріңіз үшін рахмет, бізде болған кезде{stay} шу "
                "демалысыңызға кедергі келтіргеніне өкінеміз. Қызметкерлерге тыныштық "
                "сағаттарын еске салдық, келесі жолы сізге лифт пен бардан алыс тынышырақ "
                "бөлме ұсынамыз.\n\nҚұрметпен, {hotel}.",
            ),
        },
    ),
    (
        "food",
        50,
        {
            "en": (
                "Breakfast and food",
                "Dear {guest},\n\nthank you for your comments on our breakfast and "
                "restaurant. We have passed them to the chef, who is reviewing the choice "
                "and keeping the buffet topped up until the end of service.\n\nWe hope you "
                "will enjoy our food on your next visit to {hotel}.",
            ),
            "ru": (
                "Завтрак и питание",
                "Уважаемый(ая) {guest},\n\nспасибо за ваши замечания о завтраке и ресторане. "
                "Мы передали их шеф-повару: он пересматривает ассортимент и следит, чтобы "
                "блюда на шведском столе пополнялись до конца завтрака.\n\nНадеемся, что в "
                "следующий приезд в {hotel} наша кухня вас порадует.",
            ),
            "kk": (
                "Таңғы ас және тамақ",
                "Құрметті {guest},\n\nтаңғы ас пен мейрамхана туралы ескертулеріңізге рахмет. "
                "Оларды бас аспазшыға жеткіздік: ол ас мәзірін қайта қарап, швед үстеліндегі "
                "тағамдардың таңғы ас соңына дейін толықтырылуын қадағалайды.\n\n{hotel} "
                "қонақ үйіне келесі келгеніңізде асымыз көңіліңізден шығады деп үміттенеміз.",
            ),
        },
    ),
    (
        "staff",
        60,
        {
            "en": (
                "Staff",
                "Dear {guest},\n\nthank you for your review. We are sorry that our team did "
                "not give you the welcome you expected during your stay{stay}. The front "
                "office manager has discussed your comments with the colleagues concerned."
                "\n\nWe would be glad to show you a better side of {hotel}.",
            ),
            "ru": (
                "Персонал",
                "Уважаемый(ая) {guest},\n\nблагодарим за отзыв. Сожалеем, что во время "
                "проживания{stay} наши сотрудники не оказали вам того внимания, которого вы "
                "ждали. Руководитель службы приёма разобрал ваши замечания с сотрудниками."
                "\n\nБудем рады показать вам {hotel} с лучшей стороны.",
            ),
            "kk": (
                "Қызметкерлер",
                "Құрметті {guest},\n\nпікіріңіз үшін рахмет. Бізде болған кезде{stay} "
                "қызметкерлеріміз сіз күткен ықылас көрсетпегеніне өкінеміз. Қабылдау "
                "қызметінің басшысы ескертулеріңізді қызметкерлермен талқылады.\n\n{hotel} "
                "қонақ үйін сізге жақсы жағынан көрсетуге қуаныштымыз.",
            ),
        },
    ),
    (
        "checkin",
        70,
        {
            "en": (
                "Check-in",
                "Dear {guest},\n\nthank you for your review, and our apologies for the long wait "
                "at check-in. We now prepare rooms for expected arrivals first and "
                "add a second receptionist at busy times.\n\nWe hope your next arrival at "
                "{hotel} is quick and easy.",
            ),
            "ru": (
                "Заселение",
                "Уважаемый(ая) {guest},\n\nблагодарим за отзыв и приносим извинения за "
                "долгое ожидание при заселении. Теперь мы в первую очередь готовим номера "
                "к ожидаемым заездам и выводим второго администратора в часы пик.\n\n"
                "Надеемся, что в следующий раз заселение в {hotel} пройдёт быстро.",
            ),
            "kk": (
                "Қоныстану",
                "Құрметті {guest},\n\nпікіріңіз үшін рахмет, қоныстану кезінде ұзақ "
                "күттіргеніміз үшін кешірім сұраймыз. Енді күтілетін қонақтардың бөлмелерін "
                "бірінші дайындаймыз, қарбалас сағаттарда екінші әкімші жұмыс істейді.\n\n"
                "{hotel} қонақ үйіне келесі жолы тез әрі оңай орналасасыз деп үміттенеміз.",
            ),
        },
    ),
]


def create(apps, schema_editor):
    Topic = apps.get_model("reviews", "Topic")
    ResponseTemplate = apps.get_model("reviews", "ResponseTemplate")
    topics = dict(Topic.objects.values_list("code", "pk"))
    for code, order, texts in TEMPLATES:
        if code is not None and code not in topics:
            continue
        for language, (name, text) in texts.items():
            ResponseTemplate.objects.get_or_create(
                language=language,
                name=name,
                defaults={"text": text, "order": order, "topic_id": topics.get(code)},
            )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0010_response_templates")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
