"""What `import_stays` and `import_reviews` share: their arguments, run a file, print the report."""

from pathlib import Path
from typing import Any, ClassVar

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from guestdesk.imports import engine
from guestdesk.imports.errors import FileRefused
from guestdesk.imports.limits import limits


def run_from_command(
    command: BaseCommand,
    importer: type[engine.Importer],
    file: str,
    profile: str,
    dry_run: bool,
    **options: Any,
) -> dict:
    """Import (or check) `file` with `profile`; exits non-zero only when it cannot be read.

    Prints `created N, ...` then one `row N: reason` line per rejected row. A real import
    keeps the file with a batch, as an upload does, and may apply VIP codes (trusted).
    """
    path = Path(file)
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    try:
        saved, settings = engine.load_profile(importer, profile)
    except FileRefused as exc:
        raise CommandError(str(exc)) from None
    settings = {**settings, **importer.command_profile(settings)}
    batch = None
    if not dry_run:
        model = importer.batch_model
        with path.open("rb") as handle:
            batch = model(
                profile_settings=settings,
                original_name=path.name[:255],
                status=model.Status.QUEUED,
                trusted=True,
                **importer.batch_values(saved, options),
            )
            batch.file.save(path.name, File(handle), save=True)
        report = engine.run_batch(importer, batch.pk, commit=True)
        if report is None:
            batch.refresh_from_db()
            raise CommandError(batch.error)
    else:
        run = importer(settings, trusted=True, limits=limits().for_command(), **options)
        try:
            report = run.run(path, commit=False)
        except FileRefused as exc:
            raise CommandError(str(exc)) from None
    counts = report["counts"]
    line = ", ".join(f"{name} {counts.get(name, 0)}" for name in importer.summary_counts)
    for extra in ("updated", "flagged", "waiting"):
        if extra not in importer.summary_counts and counts.get(extra):
            line += f", {extra} {counts[extra]}"
    if dry_run:
        line += " (dry run)"
    command.stdout.write(line)
    for number, action, key, label, reason in report["rows"]:
        if action == "rejected":
            who = " ".join(part for part in (key, label) if part)
            command.stdout.write(f"row {number}: {who + ': ' if who else ''}{reason}")
    return report


class ImportCommand(BaseCommand):
    """An import command: FILE, --profile and --dry-run, plus the importer's own options.

    A subclass sets `importer`, adds its options in `add_arguments` (after super()'s) and
    names the ones the importer takes in `importer_options`.
    """

    importer: type[engine.Importer]
    importer_options: ClassVar[tuple[str, ...]] = ()

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--profile", required=True, help="A saved profile's name or a JSON profile file."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check only, write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        run_from_command(
            self,
            self.importer,
            options["file"],
            options["profile"],
            options["dry_run"],
            **{name: options[name] for name in self.importer_options},
        )
