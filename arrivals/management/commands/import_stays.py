"""Import a PMS export from the command line (a nightly cron job, for example).

    python manage.py import_stays FILE --profile NAME_OR_JSON [--dry-run] [--full-day]

Prints `created N, updated N, unchanged N, rejected N` and the rejected rows; exits
non-zero only when the file (or the profile) cannot be read at all.
"""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from arrivals import importer
from arrivals.models import ImportBatch


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
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            saved, settings = importer.load_profile(profile)
        except importer.ImportFileError as exc:
            raise CommandError(str(exc)) from None
        batch = None
        if not dry_run:
            # Keep what was received with the batch, as an upload through the page does.
            with path.open("rb") as handle:
                batch = ImportBatch(
                    profile=saved,
                    profile_settings=settings,
                    original_name=path.name,
                    full_day=full_day,
                    status=ImportBatch.Status.IMPORTING,
                )
                batch.file.save(path.name, File(handle), save=True)
        run = importer.Importer(settings, batch=batch, full_day=full_day)
        try:
            report = run.run(path, commit=not dry_run)
        except importer.ImportFileError as exc:
            if batch:
                batch.status, batch.error = ImportBatch.Status.FAILED, str(exc)
                batch.save(update_fields=["status", "error"])
            raise CommandError(str(exc)) from None
        if batch:
            from django.utils import timezone

            batch.status = ImportBatch.Status.DONE
            batch.counts, batch.report = report["counts"], report
            batch.total_rows = batch.processed_rows = report["total"]
            batch.committed_at = timezone.now()
            batch.save()
        line = importer.summary(report["counts"])
        if report["counts"]["flagged"]:
            line += f", flagged {report['counts']['flagged']}"
        if dry_run:
            line += " (dry run)"
        self.stdout.write(line)
        for number, action, confirmation, name, reason in report["rows"]:
            if action == "rejected":
                self.stdout.write(f"row {number}: {confirmation or '-'} {name}: {reason}".strip())
