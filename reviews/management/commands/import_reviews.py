"""Import reviews from the command line.

    python manage.py import_reviews FILE --profile NAME_OR_JSON [--dry-run] [--source SITE]

Prints `created N, unchanged N, rejected N` and one `row N: reason` line per rejected row;
exits non-zero only when the file (or the profile) cannot be read at all.
"""

from guestdesk.imports.command import ImportCommand
from reviews.importer import ReviewImporter


class Command(ImportCommand):
    help = "Import guest-book entries or online reviews from a CSV or XLSX file."
    importer = ReviewImporter
    importer_options = ("source",)

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--source", default="", help="Source of rows without one.")
