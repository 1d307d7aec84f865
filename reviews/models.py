"""Guest-book entries and online reviews, the topics they mention, and review imports."""

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, ClassVar, Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from arrivals.models import Guest, Stay
from guestdesk import personal
from guestdesk.fields import optional_link, staff_user
from guestdesk.imports.models import ImportBatchBase, ImportRowBase
from guestdesk.models import Department

LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English")), ("", _("other"))]


class Topic(models.Model):
    """What guests talk about (cleanliness, noise...), with the words that reveal it.

    Keywords are words or phrases, one per line, matched by their normal form
    (reviews.morphology): "парковка" finds "парковки", "тұрақ" finds "тұрағы", "clean"
    finds "cleaning", but "спа" does not find "спали". A word ending in "*" matches any
    word it starts ("звукоизол*").
    """

    if TYPE_CHECKING:  # modeltranslation swaps the manager's class, which mypy cannot follow
        objects: ClassVar[models.Manager["Topic"]]

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    keywords_en = models.TextField(_("keywords in English"), blank=True)
    keywords_ru = models.TextField(_("keywords in Russian"), blank=True)
    keywords_kk = models.TextField(_("keywords in Kazakh"), blank=True)
    complaint_phrases = models.TextField(
        _("complaint phrases"),
        blank=True,
        help_text=_(
            "Phrases in any language that mention the topic as a complaint on their own, one "
            "per line (far from, далеко от, алыс)."
        ),
    )
    exclusions = models.TextField(
        _("exclusions"),
        blank=True,
        help_text=_(
            "Word groups, one per line: when all the words of a line stand in the same "
            "clause, a keyword among them does not count (conference centre)."
        ),
    )
    proposal = models.TextField(
        _("proposal"), blank=True, help_text=_("What the hotel could do when guests complain.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=50)
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
        help_text=_("Who a follow-up of a complaint about this topic goes to by default."),
    )

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def keyword_lines(self) -> list[tuple[str, str]]:
        """(language, keyword line) for every keyword of every language."""
        return [
            (language, line.strip())
            for language, text in (
                ("en", self.keywords_en),
                ("ru", self.keywords_ru),
                ("kk", self.keywords_kk),
            )
            for line in text.splitlines()
            if line.strip()
        ]


class SentimentLexicon(models.Model):
    """The words that make a clause praise or a complaint in one language.

    Every language's words are tried on every review, since guests mix languages.
    """

    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES[:3], unique=True)
    positive = models.TextField(
        _("praise words"), blank=True, help_text=_("One word or phrase per line.")
    )
    negative = models.TextField(
        _("complaint words"), blank=True, help_text=_("One word or phrase per line.")
    )
    negators_before = models.TextField(
        _("negations before a word"),
        blank=True,
        help_text=_("Words that turn around the next few words (not, не, без)."),
    )
    negators_after = models.TextField(
        _("negations after a word"),
        blank=True,
        help_text=_(
            "Words that turn around the word before them or, alone, say something is "
            "missing (емес, жоқ, нет)."
        ),
    )
    contrasts = models.TextField(
        _("contrast words"),
        blank=True,
        help_text=_("Words that start a new clause (but, но, бірақ)."),
    )

    class Meta:
        ordering = ["language"]
        verbose_name = _("sentiment lexicon")
        verbose_name_plural = _("sentiment lexicons")

    def __str__(self):
        return self.get_language_display()

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]


class ReviewQuerySet(models.QuerySet["Review"]):
    def between(self, start, end) -> Self:
        """Reviews dated from `start` to `end`, both included."""
        return self.filter(date__gte=start, date__lte=end)

    def negative(self) -> Self:
        """Reviews with at least one negative topic or a low score."""
        return self.filter(
            Q(score__lte=NEGATIVE_MAX) | Q(topic_links__sentiment=ReviewTopic.Sentiment.NEGATIVE)
        ).distinct()

    def unanswered(self) -> Self:
        return self.filter(responded_at__isnull=True)

    def for_report(self) -> Self:
        """What the improvement report reads: topics prefetched, newest first."""
        return self.prefetch_related("topic_links__topic").order_by("-date", "-pk")

    def for_list(self) -> Self:
        return self.select_related("guest").prefetch_related("topic_links__topic")


# Normalised 0-10 scores: at least this is praise, at most NEGATIVE_MAX a complaint.
POSITIVE_MIN = Decimal("8")
NEGATIVE_MAX = Decimal("5")


class Review(models.Model):
    class Source(models.TextChoices):
        GUEST_BOOK = "guest_book", _("Guest book")
        BOOKING = "booking", "Booking.com"
        TRIPADVISOR = "tripadvisor", "TripAdvisor"
        GOOGLE = "google", "Google"
        TWOGIS = "2gis", "2GIS"
        YANDEX = "yandex", _("Yandex")
        EXPEDIA = "expedia", "Expedia"
        OTHER = "other", _("other")

    class Scale(models.IntegerChoices):
        FIVE = 5, _("1 to 5")
        TEN = 10, _("1 to 10")

    source = models.CharField(_("source"), max_length=20, choices=Source, db_index=True)
    external_id = models.CharField(
        _("ID at the source"),
        max_length=100,
        blank=True,
        help_text=_("The review's ID on the site; empty for guest-book entries."),
    )
    # Reviews without an ID at the source (guest-book exports) are matched on this
    # fingerprint of source, date, author and text, so a file imported twice adds nothing.
    import_key = models.CharField(_("import key"), max_length=64, blank=True, editable=False)
    date = models.DateField(_("date"), db_index=True)
    rating = models.DecimalField(_("rating"), max_digits=4, decimal_places=1)
    scale = models.PositiveSmallIntegerField(_("scale"), choices=Scale, default=Scale.TEN)
    score = models.DecimalField(
        _("score (0-10)"), max_digits=4, decimal_places=1, db_index=True, editable=False
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    # Blank only when the site splits a review into what was liked and disliked.
    text = models.TextField(_("text"))
    positive_text = models.TextField(_("what the guest liked"), blank=True)
    negative_text = models.TextField(_("what the guest disliked"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    guest = optional_link(Guest, _("guest"), related_name="reviews", on_delete=models.SET_NULL)
    stay = optional_link(Stay, _("stay"), related_name="reviews", on_delete=models.SET_NULL)
    topics: "models.ManyToManyField[Topic, ReviewTopic]" = models.ManyToManyField(
        Topic, through="ReviewTopic", related_name="reviews", verbose_name=_("topics")
    )
    response = models.TextField(_("response"), blank=True)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    responded_by = staff_user(_("responded by"))
    created_by = staff_user(_("added by"))
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    objects = ReviewQuerySet.as_manager()

    history = HistoricalRecords()
    PERSONAL_OWNER = "guest"
    PERSONAL_UNOWNED_AFTER = "created_at"
    PERSONAL_FIELDS = {
        "author": personal.TEXT,
        "title": personal.REVIEW_TEXT,
        "text": personal.REVIEW_TEXT,
    }

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~Q(external_id=""),
                name="reviews_unique_external_id",
            ),
            models.UniqueConstraint(
                fields=["source", "import_key"],
                condition=~Q(import_key=""),
                name="reviews_unique_import_key",
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=models.F("scale")),
                name="reviews_rating_within_scale",
            ),
        ]

    def __str__(self):
        return f"{self.get_source_display()} {self.date:%Y-%m-%d} {self.author}".strip()

    def save(self, *args, **kwargs):
        self.score = normalise(self.rating, self.scale)
        super().save(*args, **kwargs)

    def clean(self):
        if self.rating is not None and self.scale and not 1 <= self.rating <= self.scale:
            raise ValidationError(
                {"rating": _("The rating must be between 1 and %(scale)s.") % {"scale": self.scale}}
            )
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("The date cannot be in the future.")})
        if not any(
            (part or "").strip() for part in (self.text, self.positive_text, self.negative_text)
        ):
            raise ValidationError({"text": _("The review has no text.")})

    @property
    def is_positive(self):
        return self.score >= POSITIVE_MIN

    @property
    def is_negative(self):
        return self.score <= NEGATIVE_MAX


def normalise(rating, scale):
    """A rating on a 5 or 10 scale as a 0-10 score with one decimal (4 of 5 is 8.0)."""
    value = Decimal(rating) * Decimal(10) / Decimal(scale)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class ReviewTopic(models.Model):
    class Sentiment(models.TextChoices):
        POSITIVE = "positive", _("praise")
        NEGATIVE = "negative", _("complaint")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="review_links")
    sentiment = models.CharField(_("sentiment"), max_length=10, choices=Sentiment)
    # The sentence that mentioned the topic: the report quotes it.
    excerpt = models.CharField(_("excerpt"), max_length=400, blank=True)

    class Meta:
        ordering = ["topic__order", "topic__code"]
        constraints = [
            models.UniqueConstraint(fields=["review", "topic"], name="reviews_one_link_per_topic")
        ]

    def __str__(self):
        return f"{self.topic} ({self.sentiment})"

    @property
    def is_negative(self):
        return self.sentiment == self.Sentiment.NEGATIVE


class ReviewFollowUp(models.Model):
    """Work a review asks of a department, and what became of it.

    The work itself is a guest request (requests_desk) or, for a review matched to a stay,
    a department trace (traces): one of the nullable links `request` and `trace` is set.
    """

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="followups", verbose_name=_("review")
    )
    topic = optional_link(Topic, _("topic"), related_name="followups", on_delete=models.SET_NULL)
    department = optional_link(Department, _("department"), on_delete=models.SET_NULL)
    request = optional_link(
        "requests_desk.ServiceRequest",
        _("guest request"),
        related_name="review_followups",
        on_delete=models.SET_NULL,
    )
    trace = optional_link(
        "traces.Trace",
        _("trace"),
        related_name="review_followups",
        on_delete=models.SET_NULL,
    )
    created_by = staff_user(_("created by"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self):
        return f"{self.review} → {self.department or '—'}"

    @property
    def is_done(self) -> bool:
        if self.trace is not None:
            return self.trace.status == "done"
        return self.request is not None and self.request.status == "done"


PLACEHOLDER = re.compile(r"\{(guest|arrival|departure|room|stay|hotel)\}")


class ResponseTemplate(models.Model):
    """A ready answer to a review in one language, for one topic or for any review.

    Placeholders in braces are filled from the review when the desk picks the template:
    {guest}, {arrival}, {departure}, {room}, {stay} (a phrase such as "in room 412 from
    2 to 5 March") and {hotel}.
    """

    name = models.CharField(_("name"), max_length=100)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES[:3])
    topic = models.ForeignKey(
        Topic,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="response_templates",
        verbose_name=_("topic"),
        help_text=_("Empty: offered for every review."),
    )
    text = models.TextField(
        _("text"),
        help_text=_(
            "Placeholders: {guest}, {arrival}, {departure}, {room}, {stay} (room and dates "
            "as a phrase, empty when the review is not matched to a stay), {hotel}."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=50)

    class Meta:
        ordering = ["language", "order", "name"]
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "name"], name="reviews_one_template_name_per_language"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"

    def render(self, review: "Review") -> str:
        """The text with the review's guest and stay filled in, in the template's language."""
        stay = review.stay
        guest = review.guest or (stay.guest if stay is not None else None)
        with translation.override(self.language):
            values = {
                "guest": (guest.name if guest is not None else "")
                or review.author
                or gettext("dear guest"),
                "arrival": formats.date_format(stay.arrival_date, "SHORT_DATE_FORMAT")
                if stay
                else "",
                "departure": formats.date_format(stay.departure_date, "SHORT_DATE_FORMAT")
                if stay
                else "",
                "room": stay.room if stay else "",
                "hotel": settings.HOTEL_NAME,
                "stay": "",
            }
            if stay is not None:
                phrase = (
                    gettext(" in room %(room)s from %(arrival)s to %(departure)s")
                    if stay.room
                    else gettext(" from %(arrival)s to %(departure)s")
                )
                values["stay"] = phrase % values
        return PLACEHOLDER.sub(lambda match: values[match.group(1)], self.text)


class ReviewImport(ImportBatchBase):
    """One uploaded file of reviews, kept with its dry run and report (rows: ReviewImportRow)."""

    file = models.FileField(_("file"), upload_to="review-imports/%Y/%m/")
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=Review.Source,
        blank=True,
        help_text=_("Used for rows without a source column."),
    )

    RETAINED = {"after": "created_at", "fields": {"file": personal.DOCUMENT}}

    class Meta(ImportBatchBase.Meta):
        verbose_name = _("review import")
        verbose_name_plural = _("review imports")


class ReviewImportRow(ImportRowBase):
    """One row of a review import's report."""

    batch = models.ForeignKey(ReviewImport, on_delete=models.CASCADE, related_name="rows")

    class Meta(ImportRowBase.Meta):
        verbose_name = _("review import row")
        verbose_name_plural = _("review import rows")
