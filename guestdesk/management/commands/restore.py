from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from guestdesk.backup import BackupError, guestdesk_version, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive into the database DATABASE_URL names (which must be "
        "empty unless --force) and into MEDIA_ROOT, then check every table's row count."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="A .tar.gz made by `manage.py backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Drop everything the database holds before restoring.",
        )

    def handle(self, *args: object, **options: object) -> None:
        archive = options["archive"]
        assert isinstance(archive, Path)
        try:
            result = restore_backup(archive, force=bool(options["force"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        manifest = result.manifest
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {archive.name} (GuestDesk {manifest['guestdesk_version']}, "
                f"{manifest['engine']}, made {manifest['created']}): {result.tables} tables "
                f"with the row counts of the backup, {result.files} uploaded files."
            )
        )
        if manifest["guestdesk_version"] != guestdesk_version():
            self.stdout.write(
                self.style.WARNING(
                    "The backup was made by another GuestDesk version: run "
                    "`python manage.py migrate` before starting the app."
                )
            )
