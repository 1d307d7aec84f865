from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Load demo data for every app (safe to run again: nothing is duplicated)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo hotel even with GUESTDESK_ENV=production (logins get random "
            "passwords, printed once).",
        )

    def handle(self, *args, **options):
        if settings.PRODUCTION and not options["force"]:
            raise CommandError(
                "This is a production installation (GUESTDESK_ENV=production): demo guests "
                "and logins do not belong here. Add --force to load them anyway."
            )
        # Each app's demo.py has load(stdout); they run in INSTALLED_APPS order, so an
        # app's demo can use what the apps before it created.
        for config in apps.get_app_configs():
            name = f"{config.name}.demo"
            if find_spec(config.name) and find_spec(name):
                with transaction.atomic():
                    import_module(name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
