"""makemessages that writes each area's strings to that area's own catalogue.

`arrivals/…`, `templates/arrivals/…` and `templates/emails/arrivals-…` go to
`arrivals/locale`, and so on for every app in settings.PROJECT_APPS; the rest
(guestdesk, base templates) to `guestdesk/locale`. Stock makemessages would put every
string of the shared templates/ folder into one catalogue.
`--area NAME` limits a run to one area, so work on one app leaves the others untouched.
"""

from django.conf import settings
from django.core.management.commands import makemessages

from guestdesk.i18n import area_of


class Command(makemessages.Command):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--area", choices=settings.PROJECT_APPS, help="Only this area.")

    def handle(self, *args, **options):
        self.only_area = options.pop("area", None)
        options["ignore_patterns"] = [
            *options.get("ignore_patterns", []),
            ".venv/*",
            "var/*",
            "tests/*",
            "bench/*",
            "static/*",
            "node_modules/*",
        ]
        super().handle(*args, **options)

    def find_files(self, root):
        files = []
        for f in super().find_files(root):
            area = area_of(f.path)  # type: ignore[attr-defined]  # a property the stubs lack
            if self.only_area and area != self.only_area:
                continue
            f.locale_dir = str(settings.BASE_DIR / area / "locale")
            files.append(f)
        return files
