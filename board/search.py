"""Staff search over service entries: "what time does the pool close?" finds the pool.

Words of the question are matched against titles, descriptions and locations in every
language and against the category names in every language; question words ("what",
"когда", "қашан") are dropped first. Entries matching more words come first.
"""

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from django.db.models import Expression, F, IntegerField
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


class Score(Expression):
    """How many of `words` an entry contains, a word of its title counting twice; 0: no match.

    For each word: CASE WHEN a title has it THEN 2 WHEN a description, a location or the
    category's name has it THEN 1 ELSE 0 END, summed. "Has it" is the condition Django's
    `icontains` writes on this connection (its lookup cast, operator and pattern), written
    here for each column. As lookups in Q objects (ten a word, on every page of a search),
    Django's filter machinery resolved and compiled each of them once for the select, once
    for the filter and once for the window, about as long as the page's other queries took.
    """

    output_field = IntegerField()

    def __init__(self, words: list[str], matching: dict[str, list[str]]) -> None:
        super().__init__()
        self.words = words
        self.matching = matching  # the categories whose name in some language has each word
        self.columns: list[Any] = [F(name) for name in TITLES + ELSEWHERE + ("category",)]

    def get_source_expressions(self) -> list[Any]:
        return self.columns

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        self.columns = list(exprs)

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        compiled = []
        for column in self.columns:
            sql, _params = compiler.compile(column)
            compiled.append(sql)
        *texts, category = compiled
        operator = connection.operators["icontains"] % "%s"
        has = []
        for column, sql in zip(self.columns, texts, strict=False):
            cast = connection.ops.lookup_cast("icontains", column.output_field.get_internal_type())
            has.append(f"{cast % sql} {operator}")
        in_title, elsewhere = has[: len(TITLES)], has[len(TITLES) :]
        cases, params = [], []
        for word in self.words:
            pattern = f"%{connection.ops.prep_for_like_query(word)}%"
            conditions = list(elsewhere)
            params += [pattern] * len(TITLES) + [pattern] * len(ELSEWHERE)
            matching = self.matching.get(word, [])
            if matching:
                conditions.append(f"{category} IN ({', '.join(['%s'] * len(matching))})")
                params += matching
            cases.append(
                f"CASE WHEN ({' OR '.join(in_title)}) THEN 2"
                f" WHEN ({' OR '.join(conditions)}) THEN 1 ELSE 0 END"
            )
        return f"({' + '.join(cases) or '0'})", params


TITLES = tuple(f"title_{code}" for code in LANGUAGES)
ELSEWHERE = tuple(f"{field}_{code}" for field in SEARCHED_FIELDS[1:] for code in LANGUAGES)


def score_expression(words: list[str]) -> Score:
    """The score of `words` (see Score), worked out by the database: the words are looked
    for in the titles, descriptions and locations in every language, and in the category
    names in every language."""
    categories = _category_labels(translation.get_language())
    matching = {
        word: [value for value, names in categories.items() if word in names] for word in words
    }
    return Score(words, matching)
