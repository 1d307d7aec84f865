"""Import a PMS export from the command line (a nightly cron job, for example).

    python manage.py import_stays FILE --profile NAME_OR_JSON [--dry-run] [--full-day]

Prints `created N, updated N, unchanged N, rejected N` and the rejected rows; exits
non-zero only when the file (or the profile) cannot be read at all. The command line is
trusted: the file's VIP codes are applied.
"""

from arrivals.importer import StayImporter
from guestdesk.imports.command import ImportCommand


class Command(ImportCommand):
    help = "Import stays from a PMS CSV or XLSX export."
    importer = StayImporter
    importer_options = ("full_day",)

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--full-day",
            action="store_true",
            help="The file lists every arrival of its dates: flag stays it no longer lists.",
        )
