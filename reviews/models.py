"""Guest-book entries and online reviews, the topics they mention, and review imports."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from arrivals.models import Guest, Stay
from guestdesk import personal

LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English")), ("", _("other"))]


class Topic(models.Model):
    """What guests talk about (cleanliness, noise...), with the words that reveal it.

    Keywords are word stems, one per line, matched at the start of a word, so "шум"
    finds "шумно" and "шумный" and "clean" finds "cleaning".
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    keywords_en = models.TextField(_("keywords in English"), blank=True)
    keywords_ru = models.TextField(_("keywords in Russian"), blank=True)
    keywords_kk = models.TextField(_("keywords in Kazakh"), blank=True)
    proposal = models.TextField(
        _("proposal"), blank=True, help_text=_("What the hotel could do when guests complain.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=50)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def stems(self):
        """Every keyword stem of every language, lower case."""
        text = "\n".join((self.keywords_en, self.keywords_ru, self.keywords_kk))
        return [line.strip().lower() for line in text.splitlines() if line.strip()]


class ReviewQuerySet(models.QuerySet):
    def between(self, start, end):
        """Reviews dated from `start` to `end`, both included."""
        return self.filter(date__gte=start, date__lte=end)

    def negative(self):
        """Reviews with at least one negative topic or a low score."""
        return self.filter(
            Q(score__lte=NEGATIVE_MAX) | Q(topic_links__sentiment=ReviewTopic.Sentiment.NEGATIVE)
        ).distinct()

    def unanswered(self):
        return self.filter(responded_at__isnull=True)

    def for_report(self):
        """What the improvement report reads: topics prefetched, newest first."""
        return self.prefetch_related("topic_links__topic").order_by("-date", "-pk")

    def for_list(self):
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
    date = models.DateField(_("date"), db_index=True)
    rating = models.DecimalField(_("rating"), max_digits=4, decimal_places=1)
    scale = models.PositiveSmallIntegerField(_("scale"), choices=Scale, default=Scale.TEN)
    score = models.DecimalField(
        _("score (0-10)"), max_digits=4, decimal_places=1, db_index=True, editable=False
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    guest = models.ForeignKey(
        Guest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("guest"),
    )
    stay = models.ForeignKey(
        Stay,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("stay"),
    )
    topics = models.ManyToManyField(
        Topic, through="ReviewTopic", related_name="reviews", verbose_name=_("topics")
    )
    response = models.TextField(_("response"), blank=True)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responded by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
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
        if self.text is not None and not self.text.strip():
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


class ReviewImport(models.Model):
    """One uploaded CSV of reviews, kept with its dry-run and final report."""

    class Status(models.TextChoices):
        CHECKED = "checked", _("dry run done")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")

    file = models.FileField(_("file"), upload_to="review-imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=Review.Source,
        blank=True,
        help_text=_("Used for rows without a source column."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.CHECKED)
    counts = models.JSONField(_("counts"), default=dict)
    report = models.JSONField(_("report"), default=dict)
    error = models.TextField(_("error"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    RETAINED = {
        "after": "created_at",
        "fields": {"file": personal.DOCUMENT, "report": personal.REPORT},
    }

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("review import")
        verbose_name_plural = _("review imports")

    def __str__(self):
        return f"{self.original_name} ({self.created_at:%Y-%m-%d %H:%M})"
