from django.core.management.base import BaseCommand

from reviews.analysis import Lexicon, analyse
from reviews.models import Review, Topic

BATCH = 500


class Command(BaseCommand):
    help = (
        "Assign topics to every review again, e.g. after topic keywords were changed in the "
        "administration. Safe to run at any time: each review's topics are replaced."
    )

    def handle(self, *args, **options):
        topics = list(Topic.objects.all())
        lexicon = Lexicon.load()
        pks = list(Review.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            analyse(Review.objects.filter(pk__in=pks[start : start + BATCH]), topics, lexicon)
        self.stdout.write(f"reanalysed {len(pks)} reviews with {len(topics)} topics")
