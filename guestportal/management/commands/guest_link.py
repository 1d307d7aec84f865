from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from arrivals.models import Stay
from guestportal import links


class Command(BaseCommand):
    help = "Print a stay's guest page address (its signed link), alone on the last line."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("confirmation_number")

    def handle(self, *args: Any, **options: Any) -> None:
        stays = list(
            Stay.objects.select_related("guest")
            .filter(confirmation_number=options["confirmation_number"])
            .order_by("-arrival_date", "pk")
        )
        if not stays:
            raise CommandError(
                f"No stay with confirmation number {options['confirmation_number']}."
            )
        stay = stays[0]
        if len(stays) > 1:
            self.stderr.write(f"{len(stays)} stays have this number; the latest is used.")
        if not links.is_valid_for(stay):
            self.stderr.write(f"The link has expired (it opened until {links.expires_on(stay)}).")
        self.stdout.write(links.page_url(stay))
