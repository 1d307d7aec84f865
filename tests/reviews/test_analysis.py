from decimal import Decimal

import pytest

from reviews import analysis
from reviews.models import Review, ReviewTopic, Topic, normalise
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def topics_of(review):
    return {link.topic.code: link.sentiment for link in review.topic_links.all()}


def test_it_normalises_five_and_ten_point_ratings():
    assert normalise(Decimal("4"), 5) == Decimal("8.0")
    assert normalise(Decimal("3.5"), 5) == Decimal("7.0")
    assert normalise(Decimal("7.5"), 10) == Decimal("7.5")


def test_the_migration_seeds_twelve_topics_in_three_languages():
    assert Topic.objects.count() == 12
    noise = Topic.objects.get(code="noise")
    assert (noise.name_en, noise.name_ru, noise.name_kk) == ("Noise", "Шум", "Шу")
    assert noise.proposal_ru and noise.proposal_kk and noise.proposal_en


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Very noisy at night, and the breakfast was cold.", {"noise", "food"}),
        ("Очень шумно, завтрак скудный, Wi-Fi не работал.", {"noise", "food", "wifi"}),
        ("Түнде шулы болды, таңғы ас суық, бөлме лас.", {"noise", "food", "cleanliness"}),
    ],
    ids=["en", "ru", "kk"],
)
def test_it_finds_topics_by_word_prefix_in_each_language(text, expected):
    review = ReviewFactory(text=text, rating=3, scale=5)
    assert topics_of(review) == dict.fromkeys(expected, ReviewTopic.Sentiment.NEGATIVE)


def test_a_keyword_matches_whole_word_forms():
    # "шуақ" (sunshine) is not noise, and "bathroom" does not contain the topic word "room".
    review = ReviewFactory(text="Күн шуақты, керемет.", rating=10)
    assert topics_of(review) == {}


def test_the_score_decides_only_when_the_clause_says_neither():
    high = ReviewFactory(text="Персонал на ресепшене.", rating=9)
    low = ReviewFactory(text="Персонал на ресепшене.", rating=2, scale=5)
    praised_in_a_low_review = ReviewFactory(text="Персонал вежливый.", rating=2, scale=5)
    assert topics_of(high) == {"staff": "positive"}
    assert topics_of(low) == {"staff": "negative"}
    assert topics_of(praised_in_a_low_review) == {"staff": "positive"}


@pytest.mark.parametrize(
    "text, rating, expected",
    [
        (
            "Great location, but the room was dirty.",
            5,
            {"location": "positive", "cleanliness": "negative"},
        ),
        (
            "Breakfast good, but parking paid and always full.",
            6,
            {"food": "positive", "parking": "negative"},
        ),
        ("The room was not noisy at all.", 4, {"noise": "positive"}),
        ("Шума не было, а вот уборка плохая.", 6, {"noise": "positive", "cleanliness": "negative"}),
        ("Көлік тұрағы жоқ.", 9, {"parking": "negative"}),
        (
            "Бөлме таза емес, ешқандай шу болмады.",
            6,
            {"cleanliness": "negative", "noise": "positive"},
        ),
        ("Far from everything, you need a taxi for any trip.", 7, {"location": "negative"}),
    ],
)
def test_each_mention_takes_the_sentiment_of_its_own_clause(text, rating, expected):
    review = ReviewFactory(text=text, rating=rating)
    assert topics_of(review) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Мы отлично спали.",  # "спали" is not the spa
        "Ценю вашу работу, в центре не были.",  # neither price nor... only location
        "The concierge booked us a dinner at a restaurant in town, thank you Aigerim!",
        "We held our meeting in the conference centre.",
    ],
)
def test_a_keyword_does_not_match_longer_unrelated_words(text):
    review = ReviewFactory(text=text, rating=9)
    assert "spa" not in topics_of(review)
    assert "value" not in topics_of(review)
    assert "food" not in topics_of(review)
    if "conference" in text:
        assert "location" not in topics_of(review)


def test_kazakh_word_forms_with_consonant_alternation_are_found():
    review = ReviewFactory(text="Тұрағы кішкентай, тұраққа орын жоқ. Шуы көп.", rating=4)
    assert set(topics_of(review)) == {"parking", "noise"}


def test_a_middle_score_reads_negative_words_near_the_keyword():
    review = ReviewFactory(
        text="Breakfast was great. The wifi kept dropping in the evening. Location is fine.",
        rating=7,
    )
    assert topics_of(review) == {"food": "positive", "wifi": "negative", "location": "positive"}


def test_a_middle_score_understands_russian_and_kazakh_negation():
    ru = ReviewFactory(text="Завтрак вкусный, но интернет не работал.", rating=6)
    kk = ReviewFactory(text="Бассейн жоқ, бірақ қызметкерлер сыпайы.", rating=6)
    assert topics_of(ru) == {"food": "positive", "wifi": "negative"}
    assert topics_of(kk) == {"spa": "negative", "staff": "positive"}


def test_it_keeps_the_complaining_sentence_as_excerpt():
    review = ReviewFactory(text="Хороший отель. Ночью очень шумно из-за бара.", rating=4, scale=10)
    link = review.topic_links.get(topic__code="noise")
    assert link.excerpt == "Ночью очень шумно из-за бара."


def test_re_analysing_replaces_the_topics():
    review = ReviewFactory(text="Очень шумно.", rating=2, scale=5)
    Review.objects.filter(pk=review.pk).update(text="Грязный номер.")
    review.refresh_from_db()
    analysis.analyse([review])
    analysis.analyse([review])
    assert topics_of(review) == {"cleanliness": "negative"}
    assert ReviewTopic.objects.filter(review=review).count() == 1


def test_analysis_runs_the_same_queries_for_any_number_of_reviews():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    reviews = [ReviewFactory(text="Noisy room, dirty carpet.", rating=2, scale=5) for _ in range(6)]
    counts = []
    for chunk in (reviews[:1], reviews):
        with CaptureQueriesContext(connection) as queries:
            analysis.analyse(chunk)
        counts.append(len(queries))
    # topics, sentiment lexicons, delete, insert, and the savepoint around delete + insert
    assert counts == [6, 6]


def test_the_command_reanalyses_after_keywords_change():
    from io import StringIO

    from django.core.management import call_command

    review = ReviewFactory(text="The lift was out of order all week.", rating=2, scale=5)
    room = Topic.objects.get(code="room")
    assert room.code not in topics_of(review)
    room.keywords_en += "\nlift"
    room.save()
    out = StringIO()
    call_command("reanalyse_reviews", stdout=out)
    assert topics_of(review) == {"room": ReviewTopic.Sentiment.NEGATIVE}
    assert out.getvalue().startswith("reanalysed 1 reviews")
