from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from guestdesk.backup import BackupError, backup_dir, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded files (MEDIA_ROOT) into one dated archive; "
        "print its path on the last line."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir",
            type=Path,
            default=None,
            help="Folder for the archive (default: BACKUP_DIR, else var/backups).",
        )

    def handle(self, *args: object, **options: object) -> None:
        directory = options["dir"]
        assert directory is None or isinstance(directory, Path)
        try:
            archive = create_backup(directory or backup_dir())
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        # The path alone on the last line, so scripts can take it with `tail -n 1`.
        self.stdout.write(str(archive.resolve()))
