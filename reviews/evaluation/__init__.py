"""A labelled set of reviews in kk, ru and en, and the figures of the analysis on it.

reviews.jsonl holds one review a line: id, language, rating, scale, text and the topic
codes a person found as complaints and as praise. It was written for the project and
labelled by hand before the rules were tuned, so the figures measure the general rules.
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reviews import analysis
from reviews.models import Review, ReviewTopic, Topic, normalise

DATA = Path(__file__).with_name("reviews.jsonl")
NEGATIVE = ReviewTopic.Sentiment.NEGATIVE


@dataclass
class Figures:
    """Topic detection and sentiment figures of one language."""

    reviews: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    sentiment_right: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def sentiment_accuracy(self) -> float:
        """Share of the topics found rightly whose praise or complaint is right too."""
        return self.sentiment_right / self.true_positives if self.true_positives else 1.0


def load(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def evaluate(items: list[dict] | None = None) -> dict[str, Figures]:
    """{language: Figures} of the current topics and lexicons on the labelled set."""
    items = load() if items is None else items
    rules = analysis.rules_for(Topic.objects.all())
    lexicon = analysis.Lexicon.load()
    figures: dict[str, Figures] = {}
    for item in items:
        review = Review(
            text=item["text"],
            title="",
            rating=Decimal(item["rating"]),
            scale=item["scale"],
            score=normalise(Decimal(item["rating"]), item["scale"]),
        )
        found = {
            topic.code: sentiment
            for topic, (sentiment, _excerpt) in analysis.verdicts(review, rules, lexicon).items()
        }
        expected = dict.fromkeys(item["praise"], ReviewTopic.Sentiment.POSITIVE)
        expected |= dict.fromkeys(item["complaints"], NEGATIVE)
        line = figures.setdefault(item["language"], Figures())
        line.reviews += 1
        for code in found.keys() & expected.keys():
            line.true_positives += 1
            if found[code] == expected[code]:
                line.sentiment_right += 1
            else:
                line.mistakes.append(
                    f"{item['id']} {code}: {found[code]}, expected {expected[code]}"
                )
        line.false_positives += len(found.keys() - expected.keys())
        line.false_negatives += len(expected.keys() - found.keys())
        line.mistakes += [
            f"{item['id']} {code}: found, not expected" for code in found.keys() - expected.keys()
        ]
        line.mistakes += [f"{item['id']} {code}: missed" for code in expected.keys() - found.keys()]
    return figures
