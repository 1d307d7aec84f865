from django.core.management.base import BaseCommand

from reviews.evaluation import evaluate


class Command(BaseCommand):
    help = (
        "Run the topic analysis on the labelled reviews in reviews/evaluation/reviews.jsonl "
        "and print precision, recall and F1 of topics and the accuracy of sentiment per "
        "language."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--mistakes", action="store_true", help="Also list every wrong or missed topic."
        )

    def handle(self, *args, **options):
        figures = evaluate()
        self.stdout.write("language  reviews  precision  recall  F1     sentiment")
        for language, line in sorted(figures.items()):
            self.stdout.write(
                f"{language:<9} {line.reviews:>7}  {line.precision:>9.3f}  {line.recall:>6.3f}"
                f"  {line.f1:.3f}  {line.sentiment_accuracy:>9.3f}"
            )
        if options["mistakes"]:
            for _language, line in sorted(figures.items()):
                for mistake in line.mistakes:
                    self.stdout.write(mistake)
