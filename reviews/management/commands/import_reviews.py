"""Import reviews from the command line.

    python manage.py import_reviews FILE --profile NAME_OR_JSON [--dry-run] [--source SITE]

Prints `created N, unchanged N, rejected N` and one `row N: reason` line per rejected row;
exits non-zero only when the file (or the profile) cannot be read at all.
"""

from django.core.management.base import BaseCommand

from guestdesk.imports.command import run_from_command
from reviews.importer import ReviewImporter


class Command(BaseCommand):
    help = "Import guest-book entries or online reviews from a CSV or XLSX file."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--profile", required=True, help="A saved profile's name or a JSON profile file."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check only, write nothing.")
        parser.add_argument("--source", default="", help="Source of rows without one.")

    def handle(self, *args, file, profile, dry_run, source, **options):
        run_from_command(self, ReviewImporter, file, profile, dry_run, source=source)
