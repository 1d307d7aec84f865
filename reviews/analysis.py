"""Topic analysis: which topics a review mentions, and whether as praise or complaint.

Deterministic and cheap, so it runs on every save and import and can be re-run at will
(`analyse` replaces a review's topics):

- A topic is mentioned when one of its keyword stems starts a word of the text
  ("шум" matches "шумно", "clean" matches "cleaning"). Stems of every language are
  tried on every review, since guests mix languages.
- The sentiment follows the review's normalised score: 8 or more is praise, 5 or less a
  complaint. In between, a mention is a complaint when a negative word ("not", "не",
  "жоқ", "dirty", "грязн", "нашар"...) stands within a few words of the keyword in the
  same clause (commas and words like "but", "но", "бірақ" end a clause), and praise
  otherwise. The keyword itself counts, so "noisy" or "шумно"
  in a 7/10 review is a complaint.
"""

import re
from functools import lru_cache

from django.db import transaction

from reviews.models import NEGATIVE_MAX, POSITIVE_MIN, ReviewTopic, Topic

WINDOW = 4  # words either side of a keyword that may carry its negative word
EXCERPT = 400

# Whole words that negate what follows or stands near them.
NEGATORS = {
    # en
    "not", "no", "never", "nothing", "none", "without", "hardly",
    # ru
    "не", "нет", "ни", "без", "никак", "нельзя",
    # kk
    "жоқ", "жок", "емес", "ешқандай",
}  # fmt: skip
# Word stems that carry a complaint on their own.
NEGATIVE_STEMS = (
    # en
    "dirt", "bad", "poor", "nois", "loud", "broke", "rude", "slow", "cold", "tiny", "smell",
    "stain", "expensive", "overpric", "terribl", "awful", "horribl", "disappoint", "worst",
    "problem", "issue", "lack", "missing", "unfriendl", "uncomfort", "waited", "waiting",
    "mediocre", "unhelpful", "small", "old", "outdated", "impossib", "dropp", "unstabl", "weak",
    # ru
    "плох", "грязн", "шум", "громк", "слом", "груб", "медлен", "холодн", "тесн",
    "маленьк", "запах", "вон", "дорог", "ужас", "отврат", "разочар", "проблем", "отсутств",
    "неудоб", "старый", "старая", "старое", "старые", "устарел", "пятн", "долго", "ждал",
    "жаль", "сожален", "невкусн", "скудн", "невозможн", "пропада", "слаб",
    # kk
    "нашар", "лас", "шулы", "сынық", "сынған", "дөрекі", "баяу", "суық", "иіс", "қымбат",
    "жаман", "мәселе", "ескі", "өкінішке", "ұнамад", "болмад", "істемед", "жетпед",
    "жетіспе", "үзіл", "әлсіз", "ұзақ күт", "күттік",
)  # fmt: skip

WORD = re.compile(r"[\w'’-]+")
SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")
# A negative word counts only in the keyword's own clause: "good breakfast, but no wifi".
CLAUSE_BREAK = re.compile(
    r"[,:()]|\s[-–—]\s|(?<!\w)(?:but|however|although|но|однако|хотя|бірақ|алайда)(?!\w)", re.I
)


@lru_cache(maxsize=512)
def _pattern(stem):
    # The stem must start a word: no letter or digit just before it.
    return re.compile(r"(?<![\w])" + re.escape(stem))


def _words(text):
    return [(match.start(), match.group().lower()) for match in WORD.finditer(text)]


def _clause(sentence, position):
    """The part of `sentence` around `position` between commas or words like "but"."""
    start, end = 0, len(sentence)
    for match in CLAUSE_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() > position:
            end = match.start()
            break
    return sentence[start:end], position - start


def _negative_near(sentence, position):
    """A negative word within WINDOW words of the keyword found at `position`."""
    clause, position = _clause(sentence, position)
    words = _words(clause)
    index = next((i for i, (start, _) in enumerate(words) if start >= position), len(words))
    single = tuple(stem for stem in NEGATIVE_STEMS if " " not in stem)
    for _, word in words[max(0, index - WINDOW) : index + WINDOW + 1]:
        if word in NEGATORS or word.endswith(("n't", "n’t")) or word.startswith(single):
            return True
    return any(_pattern(stem).search(clause.lower()) for stem in NEGATIVE_STEMS if " " in stem)


def sentences(text):
    return [part.strip() for part in SENTENCE.findall(text or "") if part.strip()]


def mentions(text, topics):
    """{topic: [(sentence, position of the keyword)]} for the topics `text` mentions."""
    found = {}
    for sentence in sentences(text):
        lowered = sentence.lower()
        for topic in topics:
            for stem in topic.stems():
                match = _pattern(stem).search(lowered)
                if match:
                    found.setdefault(topic, []).append((sentence, match.start()))
                    break
    return found


def sentiment(score, sentence, position):
    """Praise or complaint for one mention; see the module docstring."""
    if score >= POSITIVE_MIN:
        return ReviewTopic.Sentiment.POSITIVE
    if score <= NEGATIVE_MAX:
        return ReviewTopic.Sentiment.NEGATIVE
    if _negative_near(sentence, position):
        return ReviewTopic.Sentiment.NEGATIVE
    return ReviewTopic.Sentiment.POSITIVE


def links_for(review, topics):
    """Unsaved ReviewTopic rows for `review` (one per topic mentioned)."""
    links = []
    text = "\n".join(part for part in (review.title, review.text) if part)
    found_in: dict = {}
    # Sites such as Booking.com ask for what was liked and what was not: each part says
    # its sentiment itself, whatever the score.
    for part, fixed in (
        (text, None),
        (getattr(review, "positive_text", ""), ReviewTopic.Sentiment.POSITIVE),
        (getattr(review, "negative_text", ""), ReviewTopic.Sentiment.NEGATIVE),
    ):
        for topic, found in mentions(part, topics).items():
            found_in.setdefault(topic, []).extend((s, p, fixed) for s, p in found)
    for topic, found in found_in.items():
        verdicts = [(fixed or sentiment(review.score, s, p), s) for s, p, fixed in found]
        # One complaint about a topic outweighs praise of it elsewhere in the review.
        negative = [s for verdict, s in verdicts if verdict == ReviewTopic.Sentiment.NEGATIVE]
        verdict = ReviewTopic.Sentiment.NEGATIVE if negative else ReviewTopic.Sentiment.POSITIVE
        excerpt = (negative or [verdicts[0][1]])[0]
        links.append(
            ReviewTopic(review=review, topic=topic, sentiment=verdict, excerpt=excerpt[:EXCERPT])
        )
    return links


def analyse(reviews, topics=None):
    """Assign topics to `reviews` (saved Review objects), replacing earlier results.

    Runs three queries whatever the number of reviews: topics, delete, insert.
    """
    reviews = list(reviews)
    if not reviews:
        return []
    topics = list(Topic.objects.all()) if topics is None else topics
    links = [link for review in reviews for link in links_for(review, topics)]
    with transaction.atomic():
        ReviewTopic.objects.filter(review__in=[r.pk for r in reviews]).delete()
        ReviewTopic.objects.bulk_create(links)
    return links
