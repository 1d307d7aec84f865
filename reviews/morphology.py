"""Words and their normal forms in English, Russian and Kazakh.

A text word is compared with a keyword through its *keys*: the word itself, its English
stem (Snowball), its Russian lemmas (pymorphy3) and, for words with Kazakh letters or
words Russian does not know, its Kazakh roots (reviews.kazakh). A keyword has one key,
normalised in its own language. Whole keys are compared, never prefixes, so "спа" does
not find "спали" and "цена" does not find "центр".
"""

import re
from functools import lru_cache

import snowballstemmer

from reviews import kazakh

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
LATIN = re.compile(r"[a-z]")
KAZAKH_LETTERS = set("әғқңөұүһі")
PREFIX_MARK = "*"


@lru_cache(maxsize=1)
def _russian():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1)
def _english():
    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """The words of `text`, lower case, "ё" as "е"; "don't" is kept as one word."""
    return [m.group().lower().replace("ё", "е") for m in WORD.finditer(text)]


@lru_cache(maxsize=50000)
def english_stem(word: str) -> str:
    return _english().stemWord(word.replace("’", "'"))


@lru_cache(maxsize=50000)
def russian_lemmas(word: str) -> frozenset[str]:
    """Normal forms of the likely readings of `word` (at least a third as likely as the best)."""
    parses = _russian().parse(word)
    if not parses:
        return frozenset()
    best = parses[0].score
    return frozenset(p.normal_form.replace("ё", "е") for p in parses if p.score >= best / 3)


@lru_cache(maxsize=50000)
def _known_russian(word: str) -> bool:
    return _russian().word_is_known(word)


@lru_cache(maxsize=100000)
def keys(word: str) -> frozenset[str]:
    """Every normal form `word` (lower case) may stand for, in any of the three languages."""
    found = {word}
    if LATIN.search(word):
        found.add(english_stem(word))
        return frozenset(found)
    if not any(ch.isalpha() for ch in word):
        return frozenset(found)
    if KAZAKH_LETTERS.intersection(word):
        return frozenset(found | kazakh.roots(word))
    found |= russian_lemmas(word)
    if not _known_russian(word):
        found |= kazakh.roots(word)
    return frozenset(found)


@lru_cache(maxsize=20000)
def keyword_key(word: str, language: str) -> str:
    """The one normal form a keyword word stands for, read in the language it was listed in."""
    word = word.lower().replace("ё", "е")
    if LATIN.search(word):
        return english_stem(word)
    if language == "ru" and _known_russian(word):
        forms = [p.normal_form.replace("ё", "е") for p in _russian().parse(word)]
        # A keyword written in its dictionary form keeps it ("дорогой" is not "дорога").
        return word if word in forms else forms[0]
    return word


def phrase(line: str, language: str) -> tuple[str, ...]:
    """A keyword line as a tuple of keys; a word ending in "*" keeps its prefix mark."""
    result = []
    for raw in line.split():
        if raw.endswith(PREFIX_MARK) and len(raw) > 1:
            result.append(raw.lower().replace("ё", "е"))
            continue
        parts = words(raw)
        result.extend(keyword_key(part, language) for part in parts)
    return tuple(result)


def matches(key: str, word: str) -> bool:
    """Whether the text word `word` stands for the keyword key `key`."""
    if key.endswith(PREFIX_MARK):
        return word.startswith(key[:-1])
    return key in keys(word)
