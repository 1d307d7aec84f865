"""`python manage.py create_api_key NAME --scopes stays:write,stays:read`: the key, last line."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.dateparse import parse_datetime

from api.models import SCOPES, ApiKey, validate_networks, validate_scopes


class Command(BaseCommand):
    help = "Create an API key; prints the key (shown only once) alone on the last line."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name")
        parser.add_argument(
            "--scopes", required=True, help=f"comma-separated, among: {', '.join(SCOPES)}"
        )
        parser.add_argument("--allow", default="", help="addresses or networks, comma-separated")
        parser.add_argument("--expires", default="", help="ISO 8601 date and time")

    def handle(self, *args: Any, **options: Any) -> None:
        scopes = [s.strip() for s in options["scopes"].split(",") if s.strip()]
        expiry = None
        if options["expires"]:
            expiry = parse_datetime(options["expires"])
            if expiry is None:
                raise CommandError("--expires: an ISO 8601 date and time, e.g. 2027-12-31T23:59Z")
        try:
            validate_scopes(scopes)
            validate_networks(options["allow"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        key, secret = ApiKey.objects.create_key(
            name=options["name"],
            scopes=scopes,
            allowed_addresses="\n".join(a.strip() for a in options["allow"].split(",")),
            expiry_date=expiry,
        )
        self.stdout.write(f"API key {key.name} ({key.prefix}), scopes: {', '.join(scopes)}")
        self.stdout.write(secret)
