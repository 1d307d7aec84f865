from io import StringIO

import pytest
from django.core.management import call_command

from reviews.evaluation import evaluate, load

pytestmark = pytest.mark.django_db

# A little below the figures measured when the rules were last changed, so a change to
# the rules or the shipped lexicons that makes the analysis worse fails here.
F1_MIN = {"en": 0.97, "ru": 0.97, "kk": 0.97}
SENTIMENT_MIN = {"en": 0.97, "ru": 0.97, "kk": 0.97}


def test_the_labelled_set_has_fifty_reviews_per_language():
    items = load()
    for language in ("en", "ru", "kk"):
        assert len([item for item in items if item["language"] == language]) >= 50
    assert len({item["id"] for item in items}) == len(items)


def test_the_analysis_keeps_its_measured_quality_in_each_language():
    figures = evaluate()
    for language, line in figures.items():
        assert line.f1 >= F1_MIN[language], (language, line.f1, line.mistakes)
        assert line.sentiment_accuracy >= SENTIMENT_MIN[language], (language, line.mistakes)


def test_a_worse_lexicon_shows_in_the_figures():
    from reviews.models import SentimentLexicon

    SentimentLexicon.objects.filter(language="ru").update(negators_before="", negators_after="")
    assert evaluate()["ru"].sentiment_accuracy < SENTIMENT_MIN["ru"]


def test_the_command_prints_the_figures_of_each_language():
    out = StringIO()
    call_command("evaluate_topics", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["language", "reviews", "precision", "recall", "F1", "sentiment"]
    assert [line.split()[0] for line in lines[1:4]] == ["en", "kk", "ru"]
    assert all(line.split()[1] == "50" for line in lines[1:4])
