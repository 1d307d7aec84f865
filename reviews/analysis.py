"""Topic analysis: which topics a review mentions, and whether as praise or complaint.

Deterministic and cheap, so it runs on every save and import and can be re-run at will
(`analyse` replaces a review's topics). Everything it knows is data a manager edits in
the administration: topic keywords, complaint phrases and exclusions (Topic) and the
praise, complaint, negation and contrast words of each language (SentimentLexicon).

- A text is cut into sentences, a sentence into clauses at contrast words ("but", "но",
  "а", "бірақ", "ал"...), a clause into parts at commas.
- A topic is mentioned when one of its keywords matches words of a clause by normal form
  (reviews.morphology), unless one of its exclusions stands in the same clause.
- The mention's sentiment comes from the praise and complaint words of its own part, else
  of its clause. A negation turns the next few words around ("not noisy at all" is
  praise, "не очень чисто" a complaint; Kazakh "емес" the word before it); a negation
  that turns nothing around says something is missing ("no wifi", "без завтрака",
  "тұрағы жоқ"), which is a complaint.
- Only when the clause carries no such words does the review's score decide.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from django.db import transaction

from reviews import morphology
from reviews.models import NEGATIVE_MAX, ReviewTopic, SentimentLexicon, Topic

EXCERPT = 400
SCOPE = 3  # words a negation reaches
PUNCTUATION_BREAKS = ",:()–—"
SENTENCE_ENDS = ".!?;\n…"

Phrase = tuple[str, ...]


@dataclass
class Lexicon:
    """Polarity words of every language, read once per analysis run."""

    positive: list[Phrase] = field(default_factory=list)
    negative: list[Phrase] = field(default_factory=list)
    before: set[str] = field(default_factory=set)
    after: set[str] = field(default_factory=set)
    contrasts: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, rows: Iterable[SentimentLexicon] | None = None) -> "Lexicon":
        rows = SentimentLexicon.objects.all() if rows is None else rows
        lexicon = cls()
        for row in rows:
            lines = SentimentLexicon.lines
            lexicon.positive += [morphology.phrase(p, row.language) for p in lines(row.positive)]
            lexicon.negative += [morphology.phrase(p, row.language) for p in lines(row.negative)]
            lexicon.before |= {w.lower() for w in lines(row.negators_before)}
            lexicon.after |= {w.lower() for w in lines(row.negators_after)}
            lexicon.contrasts |= {w.lower() for w in lines(row.contrasts)}
        lexicon.positive = [p for p in lexicon.positive if p]
        lexicon.negative = [p for p in lexicon.negative if p]
        return lexicon

    def is_before(self, word: str) -> bool:
        """A negation of what follows: "not", "не", "никаких" (any form of "никакой")."""
        return bool(self.before & morphology.keys(word)) or word.endswith(("n't", "n’t"))

    def is_after(self, word: str) -> bool:
        return bool(self.after & morphology.keys(word))


@dataclass
class TopicRules:
    topic: Topic
    keywords: list[Phrase]
    complaints: list[Phrase]
    exclusions: list[Phrase]

    @classmethod
    def of(cls, topic: Topic) -> "TopicRules":
        keywords = [morphology.phrase(line, lang) for lang, line in topic.keyword_lines()]
        complaints = [
            _any_language(line) for line in SentimentLexicon.lines(topic.complaint_phrases)
        ]
        exclusions = [_any_language(line) for line in SentimentLexicon.lines(topic.exclusions)]
        return cls(
            topic,
            [k for k in keywords if k],
            [c for c in complaints if c],
            [e for e in exclusions if e],
        )


def _any_language(line: str) -> Phrase:
    return morphology.phrase(line, "ru")


@dataclass
class Clause:
    sentence: str
    words: list[str]
    parts: list[int]  # the part (between commas) of each word


def _phrase_at(words: Sequence[str], start: int, phrase: Phrase) -> bool:
    if start + len(phrase) > len(words):
        return False
    return all(morphology.matches(key, words[start + i]) for i, key in enumerate(phrase))


def _find(words: Sequence[str], phrases: Iterable[Phrase]) -> list[tuple[int, int]]:
    """(start, length) of every occurrence of any of `phrases` in `words`."""
    found = []
    for phrase in phrases:
        for start in range(len(words)):
            if _phrase_at(words, start, phrase):
                found.append((start, len(phrase)))
    return found


def sentences(text: str) -> list[str]:
    result, current = [], []
    for char in text or "":
        current.append(char)
        if char in SENTENCE_ENDS:
            result.append("".join(current).strip())
            current = []
    result.append("".join(current).strip())
    return [s for s in result if morphology.words(s)]


def clauses(sentence: str, lexicon: Lexicon) -> list[Clause]:
    """The sentence's clauses, cut at contrast words; parts cut at commas."""
    result = [Clause(sentence, [], [])]
    part = 0
    position = 0
    for match in morphology.WORD.finditer(sentence):
        if any(ch in PUNCTUATION_BREAKS for ch in sentence[position : match.start()]):
            part += 1
        position = match.end()
        word = match.group().lower().replace("ё", "е")
        if word in lexicon.contrasts:
            if result[-1].words:
                result.append(Clause(sentence, [], []))
            part += 1
            continue
        result[-1].words.append(word)
        result[-1].parts.append(part)
    return [clause for clause in result if clause.words]


def polarity(words: Sequence[str], lexicon: Lexicon, extra: Sequence[tuple[int, int]] = ()) -> int:
    """Praise (> 0), complaint (< 0) or nothing said (0) in `words`.

    `extra` adds (position, sign) pairs, for a topic's own complaint phrases.
    """
    signs = [0] * len(words)
    for phrases, sign in ((lexicon.positive, 1), (lexicon.negative, -1)):
        for start, _length in _find(words, phrases):
            signs[start] = sign
    for position, sign in extra:
        signs[position] = sign
    turned: set[int] = set()
    absence = 0
    for i, word in enumerate(words):
        before, after = lexicon.is_before(word), lexicon.is_after(word)
        if not (before or after) or signs[i]:
            continue
        targets = []
        if after:
            targets += list(range(i - 1, max(-1, i - SCOPE), -1))
        if before:
            targets += list(range(i + 1, min(len(words), i + 1 + SCOPE)))
            # "шума не было", "проблем не было": the word just before, when nothing follows.
            targets += [i - 1] if i > 0 else []
        target = next((j for j in targets if signs[j]), None)
        if target is None:
            absence -= 1
        elif target not in turned:
            signs[target] = -signs[target]
            turned.add(target)
    total = sum(signs) + absence
    return (total > 0) - (total < 0)


@dataclass
class Mention:
    topic: Topic
    sentence: str
    sign: int  # +1 praise, -1 complaint, 0 the clause says neither


def _excluded(clause: Clause, start: int, rules: TopicRules) -> bool:
    for exclusion in rules.exclusions:
        positions = []
        for key in exclusion:
            found = [i for i, w in enumerate(clause.words) if morphology.matches(key, w)]
            if not found:
                break
            positions += found
        else:
            if start in positions:
                return True
    return False


def mentions(text: str, rules: Sequence[TopicRules], lexicon: Lexicon) -> list[Mention]:
    """Every mention of a topic in `text`, with the sentiment of its own clause."""
    result = []
    for sentence in sentences(text):
        for clause in clauses(sentence, lexicon):
            for rule in rules:
                complaints = _find(clause.words, rule.complaints)
                hits = [s for s, _ in _find(clause.words, rule.keywords)]
                hits += [s for s, _ in complaints]
                hits = [s for s in hits if not _excluded(clause, s, rule)]
                if not hits:
                    continue
                extra = [(s, -1) for s, _ in complaints]
                start = min(hits)
                part = clause.parts[start]
                indexes = [i for i, p in enumerate(clause.parts) if p == part]
                offset = indexes[0]
                words = clause.words[offset : indexes[-1] + 1]
                part_extra = [(s - offset, sign) for s, sign in extra if s in indexes]
                sign = polarity(words, lexicon, part_extra)
                if not sign:
                    sign = polarity(clause.words, lexicon, extra)
                result.append(Mention(rule.topic, sentence, sign))
    return result


def verdicts(review, rules: Sequence[TopicRules], lexicon: Lexicon) -> dict[Topic, tuple]:
    """{topic: (sentiment, excerpt)} for one review."""
    text = "\n".join(part for part in (review.title, review.text) if part)
    by_topic: dict[Topic, list[Mention]] = {}
    # Sites such as Booking.com ask for what was liked and what was not: each of those
    # parts says its sentiment itself, whatever its words or the score.
    for part, fixed in (
        (text, 0),
        (getattr(review, "positive_text", ""), 1),
        (getattr(review, "negative_text", ""), -1),
    ):
        for mention in mentions(part or "", rules, lexicon):
            if fixed:
                mention = replace(mention, sign=fixed)
            by_topic.setdefault(mention.topic, []).append(mention)
    fallback = 1 if review.score > NEGATIVE_MAX else -1
    result = {}
    for topic, found in by_topic.items():
        said = [m for m in found if m.sign]
        if said:
            # One complaint about a topic outweighs praise of it elsewhere in the review.
            negative = [m for m in said if m.sign < 0]
            sign, quoted = (-1, negative[0]) if negative else (1, said[0])
        else:
            sign, quoted = fallback, found[0]
        sentiment = ReviewTopic.Sentiment.NEGATIVE if sign < 0 else ReviewTopic.Sentiment.POSITIVE
        result[topic] = (sentiment, quoted.sentence[:EXCERPT])
    return result


def links_for(review, rules: Sequence[TopicRules], lexicon: Lexicon) -> list[ReviewTopic]:
    """Unsaved ReviewTopic rows for `review` (one per topic mentioned)."""
    return [
        ReviewTopic(review=review, topic=topic, sentiment=sentiment, excerpt=excerpt)
        for topic, (sentiment, excerpt) in verdicts(review, rules, lexicon).items()
    ]


def rules_for(topics: Iterable[Topic]) -> list[TopicRules]:
    return [TopicRules.of(topic) for topic in topics]


def analyse(reviews, topics=None, lexicon: Lexicon | None = None) -> list[ReviewTopic]:
    """Assign topics to `reviews` (saved Review objects), replacing earlier results.

    Runs the same queries whatever the number of reviews: topics, lexicons, delete, insert.
    """
    reviews = list(reviews)
    if not reviews:
        return []
    topics = list(Topic.objects.all()) if topics is None else topics
    lexicon = Lexicon.load() if lexicon is None else lexicon
    rules = rules_for(topics)
    links = [link for review in reviews for link in links_for(review, rules, lexicon)]
    with transaction.atomic():
        ReviewTopic.objects.filter(review__in=[r.pk for r in reviews]).delete()
        ReviewTopic.objects.bulk_create(links)
    return links
