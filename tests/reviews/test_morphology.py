import pytest

from reviews import kazakh, morphology


@pytest.mark.parametrize(
    "word, root",
    [
        ("тұрағы", "тұрақ"),  # қ -> ғ before a vowel
        ("тұраққа", "тұрақ"),
        ("тұрағында", "тұрақ"),
        ("кітабы", "кітап"),  # п -> б
        ("шуы", "шу"),
        ("шудан", "шу"),
        ("бөлмелеріміздегі", "бөлме"),
        ("тамағы", "тамақ"),
    ],
)
def test_kazakh_endings_come_off_and_voiced_consonants_turn_back(word, root):
    assert root in kazakh.roots(word)


@pytest.mark.parametrize("word, not_root", [("шуақты", "шу"), ("ұнамады", "ұна")])
def test_kazakh_roots_keep_what_changes_the_meaning(word, not_root):
    assert not_root not in kazakh.roots(word)


@pytest.mark.parametrize(
    "keyword, language, word, found",
    [
        ("парковка", "ru", "парковки", True),
        ("спа", "ru", "спали", False),
        ("цена", "ru", "центр", False),
        ("цена", "ru", "ценю", False),
        ("цена", "ru", "цены", True),
        ("дорогой", "ru", "дорогие", True),
        ("дорогой", "ru", "дорога", False),
        ("clean", "en", "cleaning", True),
        ("dinner", "en", "dinners", True),
        ("тұрақ", "kk", "тұрағы", True),
        ("шу", "kk", "шуақ", False),
        ("звукоизол*", "ru", "звукоизоляция", True),
    ],
)
def test_keywords_match_word_forms_not_prefixes(keyword, language, word, found):
    (key,) = morphology.phrase(keyword, language)
    assert morphology.matches(key, word) is found
