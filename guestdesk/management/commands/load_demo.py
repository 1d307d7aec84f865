from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load demo data for every app (safe to run again: nothing is duplicated)."

    def handle(self, *args, **options):
        # Each app's demo.py has load(stdout); they run in INSTALLED_APPS order, so an
        # app's demo can use what the apps before it created.
        for config in apps.get_app_configs():
            name = f"{config.name}.demo"
            if find_spec(config.name) and find_spec(name):
                with transaction.atomic():
                    import_module(name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
