"""Staff search over service entries: "what time does the pool close?" finds the pool.

Words of the question are matched against titles, descriptions and locations in every
language and against the category names in every language; question words ("what",
"когда", "қашан") are dropped first. Entries matching more words come first.
"""

import re
from functools import lru_cache

from django.db.models import Case, Expression, ExpressionWrapper, IntegerField, Q, Value, When
from django.utils import translation

from board.models import Category

STOP_WORDS = frozenset(
    """
    a an and are at be can close closed closes closing do does for from get hotel how i in
    is it me my of on open opened opening opens please tell the there time to today until
    till what when where which who will with you your hours hour tomorrow now any
    а в во где до и как какой какая когда ли на над но о об от по с со у что это есть
    сколько время часы часов закрывается закрыт закрыта открывается открыт открыта работает
    работают сегодня завтра сейчас отель отеле отеля можно мне где-то вас у нас пожалуйста
    не қашан қайда қалай не неше сағат сағатта уақыт уақыты жабылады ашылады жұмыс істейді
    ма ме ба бе па пе және бар қонақүй қонақүйде бүгін ертең қазір дейін бастап кезде
    """.split()  # noqa: SIM905 - a word list reads better as text
)
WORD = re.compile(r"[\w-]+", re.UNICODE)
SEARCHED_FIELDS = ("title", "description", "location")
LANGUAGES = ("kk", "ru", "en")


def words_of(query):
    """The meaningful words of a question, shortened to a stem-like prefix."""
    words = []
    for word in WORD.findall(query.lower()):
        if word in STOP_WORDS or len(word) < 2:
            continue
        # A crude stem, so "pools", "бассейна" and "бассейнде" still find "pool"/"бассейн".
        stem = word if len(word) <= 4 else word[: max(4, len(word) - 2)]
        if stem not in words:
            words.append(stem)
    return words


@lru_cache(maxsize=8)
def _category_labels(_language=None):
    """Category names in every language, for matching; cached per active language."""
    labels = {}
    for value, label in Category.choices:
        names = []
        for code in LANGUAGES:
            with translation.override(code):
                names.append(str(label).lower())
        labels[value] = " ".join([value, *names])
    return labels


def score_expression(words):
    """How many of `words` an entry contains, a word of its title counting twice; 0: no match.

    Worked out by the database: the words are looked for in the titles, descriptions and
    locations in every language, and in the category names in every language.
    """
    categories = _category_labels(translation.get_language())
    total: Expression = Value(0)
    for word in words:
        in_title = Q()
        for code in LANGUAGES:
            in_title |= Q(**{f"title_{code}__icontains": word})
        elsewhere = Q()
        for field in SEARCHED_FIELDS[1:]:
            for code in LANGUAGES:
                elsewhere |= Q(**{f"{field}_{code}__icontains": word})
        matching = [value for value, names in categories.items() if word in names]
        if matching:
            elsewhere |= Q(category__in=matching)
        total += Case(
            When(in_title, then=Value(2)), When(elsewhere, then=Value(1)), default=Value(0)
        )
    return ExpressionWrapper(total, output_field=IntegerField())
