"""Anonymise guests and files past their retention (RETENTION_GUEST_DAYS, RETENTION_FILES_DAYS)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from guestdesk import erasure


class Command(BaseCommand):
    help = "Anonymise guests' personal data and delete files past their retention."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be done, change nothing."
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        if dry_run:
            self.stdout.write(f"Guests whose last departure is before {erasure.guest_cutoff()}:")
            for guest in erasure.expired_guests().order_by("pk")[:1000]:
                self.stdout.write(f"  guest #{guest.pk}")
            for what, count in erasure.plan().items():
                self.stdout.write(f"{what}: {count} to check")
            self.stdout.write("Dry run: nothing changed.")
            return
        counts = erasure.purge()
        if not counts:
            self.stdout.write("Nothing past its retention.")
        for what, count in sorted(counts.items()):
            self.stdout.write(f"{what}: {count} anonymised")
