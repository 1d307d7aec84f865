"""Backups: the database and the uploaded files in one dated archive, and their restore.

An archive (`guestdesk-YYYYMMDD-HHMMSS.tar.gz`) holds `manifest.json`, the database
(`database.dump`, pg_dump's custom format, or `database.sqlite3`, a copy made with SQLite's
backup API) and `media/` (MEDIA_ROOT). The manifest names the GuestDesk version, the database
engine, the date, the rows of every table and a SHA-256 of every member, so a restore can
refuse a damaged archive before it touches anything and check the result afterwards.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class RestoreResult:
    manifest: dict[str, Any]
    tables: int
    files: int


def guestdesk_version() -> str:
    try:
        return package_version("guestdesk")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def engine() -> str:
    """'postgresql' or 'sqlite': the engine of the default database."""
    vendor = connection.vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def backup_dir() -> Path:
    return Path(os.environ.get("BACKUP_DIR") or settings.VAR_DIR / "backups")


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found on PATH. Install the PostgreSQL client programs "
            f"(Debian/Ubuntu: apt-get install postgresql-client), of the server's major "
            f"version or newer, and try again."
        )
    return path


def _pg_environment() -> dict[str, str]:
    """libpq variables for pg_dump/pg_restore: the password never shows in `ps`."""
    db = settings.DATABASES["default"]
    values = {
        "PGHOST": db.get("HOST") or "",
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": db.get("USER") or "",
        "PGPASSWORD": db.get("PASSWORD") or "",
        "PGDATABASE": db["NAME"],
        "PGSSLMODE": (db.get("OPTIONS") or {}).get("sslmode", ""),
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def _run(command: list[str]) -> None:
    result = subprocess.run(command, env=_pg_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def table_counts(cursor: Any, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _tables() -> list[str]:
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def _dump_postgresql(target: Path) -> dict[str, int]:
    """pg_dump of one snapshot, and the rows per table seen in that same snapshot."""
    pg_dump = _program("pg_dump")
    connection.ensure_connection()
    raw = connection.connection
    autocommit = raw.autocommit
    raw.autocommit = False
    try:
        with raw.cursor() as cursor:
            # The counts and the dump read the same snapshot, however busy the desk is.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = table_counts(cursor, connection.introspection.table_names(cursor))
            _run([pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}"])
        raw.rollback()
    finally:
        raw.autocommit = autocommit
    return counts


def _dump_sqlite(target: Path) -> dict[str, int]:
    """A consistent copy through SQLite's backup API, while the app goes on writing."""
    source = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=60)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        cursor = copy.cursor()
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        counts = table_counts(cursor, [row[0] for row in cursor.fetchall()])
    finally:
        copy.close()
        source.close()
    return counts


def _media_files(root: Path) -> Iterator[tuple[Path, str]]:
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path, path.relative_to(root).as_posix()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def create_backup(directory: Path | None = None) -> Path:
    """Write one archive of the database and MEDIA_ROOT into `directory`; return its path."""
    kind = engine()
    directory = directory or backup_dir()
    directory.mkdir(parents=True, exist_ok=True)
    now = timezone.now()
    name = f"guestdesk-{timezone.localtime(now):%Y%m%d-%H%M%S}"
    archive = directory / f"{name}.tar.gz"
    suffix = 1
    while archive.exists():  # two backups in one second
        suffix += 1
        archive = directory / f"{name}-{suffix}.tar.gz"
    with tempfile.TemporaryDirectory(dir=directory) as work:
        dump = Path(work) / DUMP_NAMES[kind]
        counts = _dump_postgresql(dump) if kind == "postgresql" else _dump_sqlite(dump)
        media_root = Path(settings.MEDIA_ROOT)
        media = list(_media_files(media_root))
        manifest = {
            "format": FORMAT,
            "guestdesk_version": guestdesk_version(),
            "engine": kind,
            "created": now.isoformat(),
            "tables": counts,
            "files": {
                DUMP_NAMES[kind]: _sha256(dump),
                **{MEDIA_PREFIX + rel: _sha256(path) for path, rel in media},
            },
        }
        partial = Path(work) / "archive.partial"
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(now.timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=DUMP_NAMES[kind])
            for path, rel in media:
                tar.add(path, arcname=MEDIA_PREFIX + rel)
        # Renamed only when complete: a half-written archive never looks like a backup.
        partial.replace(archive)
    return archive


def read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = tar.extractfile(MANIFEST)
        manifest = json.loads(member.read()) if member else None
    except (KeyError, ValueError) as exc:
        raise BackupError(f"it has no readable {MANIFEST} ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"its {MANIFEST} is not one this GuestDesk reads (format {FORMAT})")
    if manifest.get("engine") not in DUMP_NAMES or not isinstance(manifest.get("files"), dict):
        raise BackupError(f"its {MANIFEST} names no database engine or files")
    return manifest


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name.startswith(MEDIA_PREFIX)


def _unpack(archive: Path, work: Path) -> dict[str, Any]:
    """Extract and check every member against the manifest; raise on any damage."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            manifest = read_manifest(tar)
            expected = manifest["files"]
            dump_name = DUMP_NAMES[manifest["engine"]]
            if dump_name not in expected:
                raise BackupError(f"its manifest lists no {dump_name}")
            seen = set()
            for member in tar:
                if member.name == MANIFEST:
                    continue
                if member.name not in expected or not member.isfile():
                    raise BackupError(f"it holds {member.name!r}, which the manifest does not list")
                if member.name != dump_name and not _safe_name(member.name):
                    raise BackupError(f"it holds an unsafe path {member.name!r}")
                target = work / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                assert source is not None  # a regular file
                with target.open("wb") as out:
                    shutil.copyfileobj(source, out)
                if _sha256(target) != expected[member.name]:
                    raise BackupError(f"{member.name} does not match its checksum")
                seen.add(member.name)
    except (tarfile.TarError, EOFError, OSError, UnicodeDecodeError) as exc:
        raise BackupError(f"it cannot be read as a .tar.gz archive ({exc})") from None
    missing = set(expected) - seen
    if missing:
        raise BackupError(f"it lacks {', '.join(sorted(missing))}")
    return manifest


def database_is_empty() -> bool:
    return not _tables()


def _drop_everything() -> None:
    tables = _tables()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if tables:
                cursor.execute("DROP TABLE " + ", ".join(map(_quote, tables)) + " CASCADE")
            # Sequences and views no table owns (none today; a later schema may have them).
            cursor.execute(
                "SELECT sequence_name FROM information_schema.sequences "
                "WHERE sequence_schema = current_schema()"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f"DROP SEQUENCE IF EXISTS {_quote(name)} CASCADE")


def _restore_postgresql(dump: Path) -> None:
    pg_restore = _program("pg_restore")
    connection.close()
    _run(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={settings.DATABASES['default']['NAME']}",
            str(dump),
        ]
    )


def _restore_sqlite(dump: Path) -> None:
    connection.close()
    target_path = settings.DATABASES["default"]["NAME"]
    source = sqlite3.connect(dump)
    target = sqlite3.connect(target_path, timeout=60)
    try:
        # The backup API replaces the whole target database, pages and schema alike.
        source.backup(target)
    finally:
        target.close()
        source.close()


def restore_backup(archive: Path, force: bool = False) -> RestoreResult:
    """Restore `archive` into the default database and MEDIA_ROOT; verify the row counts.

    The database must hold no tables unless `force`, which drops what it holds first.
    """
    if not archive.is_file():
        raise BackupError(f"{archive} is not a file.")
    kind = engine()
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent) as work_dir:
        work = Path(work_dir)
        try:
            manifest = _unpack(archive, work)
        except BackupError as exc:
            raise BackupError(f"{archive} is not a usable GuestDesk backup: {exc}.") from None
        if manifest["engine"] != kind:
            raise BackupError(
                f"{archive} is a {manifest['engine']} backup; DATABASE_URL names a {kind} "
                f"database. Restore it into a {manifest['engine']} database."
            )
        if not database_is_empty():
            if not force:
                raise BackupError(
                    "The database that DATABASE_URL names is not empty. Restore into a new, "
                    "empty database, or add --force (make restore FORCE=1) to replace "
                    "everything it holds."
                )
            _drop_everything()
        dump = work / DUMP_NAMES[kind]
        if kind == "postgresql":
            _restore_postgresql(dump)
        else:
            _restore_sqlite(dump)
        files = 0
        for name in manifest["files"]:
            if name.startswith(MEDIA_PREFIX):
                target = media_root / name.removeprefix(MEDIA_PREFIX)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(work / name, target)
                files += 1
    try:
        with connection.cursor() as cursor:
            counts = table_counts(cursor, list(manifest["tables"]))
    except DatabaseError as exc:
        raise BackupError(f"The restored database cannot be read back: {exc}") from None
    different = {
        table: (expected, counts[table])
        for table, expected in manifest["tables"].items()
        if counts[table] != expected
    }
    if different:
        details = ", ".join(f"{t}: {e} expected, {f} found" for t, (e, f) in different.items())
        raise BackupError(f"The restored database differs from the backup's manifest: {details}")
    return RestoreResult(manifest=manifest, tables=len(counts), files=files)
