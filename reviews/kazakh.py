"""Kazakh word forms: the roots a word may have once its endings are taken off.

Kazakh glues endings to a root (тұрақ + ы = тұрағы "its parking", тұрақ + қа = тұраққа),
so a keyword is found when one of these candidate roots equals it. Rules, in short:

- endings are taken off from the end, longest first, one after another (plural, then
  possessive, then case, in any order a guest writes them), never leaving fewer than
  two letters;
- a final к/қ/п voices to г/ғ/б before an ending that starts with a vowel
  (кітап -> кітабы, тұрақ -> тұрағы), so such a stem is also tried with к/қ/п.

It over-generates on purpose: a candidate that is not a keyword does no harm, and
keywords are matched as whole roots, so a short keyword such as "шу" (noise) is found in
"шуы", "шудан", "шулы" but not in "шуақ" (sunshine).
"""

from functools import lru_cache

VOWELS = set("аәеиоөұүуыіэюяё")
VOICED = {"г": "к", "ғ": "қ", "б": "п"}
MIN_ROOT = 2
NEGATIONS = ("ма", "ме", "ба", "бе", "па", "пе")

# Plural, possessive, case, "with/without", locative-adjective and a few verb endings.
SUFFIXES = sorted(
    {
        # plural
        "лар", "лер", "дар", "дер", "тар", "тер",
        # possessive
        "ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "ым", "ім", "м",
        "ың", "ің", "ң", "сы", "сі", "ы", "і",
        # genitive, accusative
        "ның", "нің", "дың", "дің", "тың", "тің", "ны", "ні", "ды", "ді", "ты", "ті", "н",
        # dative
        "ға", "ге", "қа", "ке", "на", "не", "а", "е",
        # locative, ablative, instrumental
        "нда", "нде", "да", "де", "та", "те", "нан", "нен", "дан", "ден", "тан", "тен",
        "мен", "бен", "пен", "менен",
        # "with", "without", "of the place"
        "лы", "лі", "сыз", "сіз", "дағы", "дегі", "тағы", "тегі",
        "ндағы", "ндегі",
        # verbs: past, participles, present; the negative -ма/-ме stays on the root, so
        # "ұнамады" (did not like) gives "ұнама", not "ұна" (liked)
        "ған", "ген", "қан", "кен", "ады", "еді", "йды", "йді",
        "дық", "дік", "тық", "тік", "ық", "ік", "ып", "іп", "п",
    },
    key=len,
    reverse=True,
)  # fmt: skip


def _strip_once(word: str) -> set[str]:
    found = set()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_ROOT:
            stem = word[: -len(suffix)]
            found.add(stem)
            if suffix[0] in VOWELS and stem[-1] in VOICED:
                found.add(stem[:-1] + VOICED[stem[-1]])
    return found


@lru_cache(maxsize=20000)
def roots(word: str) -> frozenset[str]:
    """`word` (lower case) and every root it may have after taking endings off."""
    found = {word}
    frontier = {word}
    for _ in range(4):  # at most four endings in a row (бөлмелеріміздегі)
        frontier = {stem for form in frontier for stem in _strip_once(form)} - found
        if not frontier:
            break
        found |= frontier
    # A negative verb (ұна-ма-ды "did not like") keeps its negation: shorter roots go.
    negated = [r for r in found if r != word and r.endswith(NEGATIONS) and len(r) > 3]
    if negated:
        shortest = min(len(r) for r in negated)
        found = {r for r in found if len(r) >= shortest}
    return frozenset(found)
