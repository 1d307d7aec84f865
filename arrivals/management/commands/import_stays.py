"""Import a PMS export from the command line (a nightly cron job, for example).

    python manage.py import_stays FILE --profile NAME_OR_JSON [--dry-run] [--full-day]

Prints `created N, updated N, unchanged N, rejected N` and the rejected rows; exits
non-zero only when the file (or the profile) cannot be read at all. The command line is
trusted: the file's VIP codes are applied.
"""

from django.core.management.base import BaseCommand

from arrivals.importer import StayImporter
from guestdesk.imports.command import run_from_command


class Command(BaseCommand):
    help = "Import stays from a PMS CSV or XLSX export."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--profile", required=True, help="A saved profile's name or a JSON profile file."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check only, write nothing.")
        parser.add_argument(
            "--full-day",
            action="store_true",
            help="The file lists every arrival of its dates: flag stays it no longer lists.",
        )

    def handle(self, *args, file, profile, dry_run, full_day, **options):
        run_from_command(self, StayImporter, file, profile, dry_run, full_day=full_day)
