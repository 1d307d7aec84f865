"""manage.py backup / restore: the demo hotel and an uploaded e-ticket come back whole.

The round trips run as separate processes with their own DATABASE_URL and MEDIA_ROOT (a
SQLite file, or scratch PostgreSQL databases made and dropped here), so they never touch
the test database.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import need, port_open

ROOT = Path(__file__).resolve().parents[2]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"

# Adds an e-ticket to the first demo request, as an upload through the request page does.
ATTACH = """
from django.core.files.base import ContentFile
from requests_desk.models import Attachment, ServiceRequest
request = ServiceRequest.objects.order_by("pk").first()
attachment = Attachment(request=request, name="ticket-Qx-Zulu.pdf",
                        content_type="application/pdf", size=21)
attachment.file.save("ticket-Qx-Zulu.pdf", ContentFile(b"%PDF-1.4 ticket Qx-Zulu"))
"""

# What a user would find: rows in every table and a few records in full.
SNAPSHOT = """
import json
from django.contrib.auth import get_user_model
from django.db import connection
from arrivals.models import Stay
from requests_desk.models import Attachment, ServiceRequest
with connection.cursor() as cursor:
    tables = connection.introspection.table_names(cursor)
    counts = {}
    for table in tables:
        cursor.execute("SELECT COUNT(*) FROM " + connection.ops.quote_name(table))
        counts[table] = cursor.fetchone()[0]
users = [
    [u.username, u.password, sorted(g.name for g in u.groups.all())]
    for u in get_user_model().objects.order_by("username")
]
stays = [
    [s.pk, s.guest.last_name, s.arrival_date.isoformat(), s.status]
    for s in Stay.objects.select_related("guest").order_by("pk")[:10]
]
requests = list(ServiceRequest.objects.order_by("number").values_list("number", "status", "type"))
files = [[a.name, a.file.name, a.file.read().decode()] for a in Attachment.objects.all()]
print(json.dumps({"counts": counts, "users": users, "stays": stays,
                  "requests": requests, "files": files}))
"""


def manage(env, *args, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
    return result


def environment(tmp_path, database_url, media):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"CELERY_BROKER_URL", "BACKUP_DIR", "DJANGO_SETTINGS_MODULE"}
    }
    return {
        **env,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / media),
        "GUESTDESK_VAR_DIR": str(tmp_path / "var"),
        "GUESTDESK_ENV": "development",
    }


def snapshot(env):
    return json.loads(manage(env, "shell", "-c", SNAPSHOT).stdout.strip().splitlines()[-1])


def demo_hotel(env):
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo")
    manage(env, "shell", "-c", ATTACH)
    return snapshot(env)


def back_up(env, directory):
    result = manage(env, "backup", "--dir", str(directory))
    archive = Path(result.stdout.strip().splitlines()[-1])
    assert archive.is_file() and archive.parent == directory.resolve()
    assert archive.name.startswith("guestdesk-") and archive.name.endswith(".tar.gz")
    return archive


def assert_same_hotel(before, after):
    assert after["counts"] == before["counts"]
    assert after["counts"]["auth_user"] == 6
    assert after["counts"]["requests_desk_servicerequest"] > 0
    assert after["counts"]["arrivals_stay"] > 0
    assert after["counts"]["board_event"] > 0
    assert after["users"] == before["users"]
    assert after["stays"] == before["stays"]
    assert after["requests"] == before["requests"]
    assert after["files"] == before["files"]
    assert after["files"][0][2] == "%PDF-1.4 ticket Qx-Zulu"


def manifest_of(archive):
    with tarfile.open(archive) as tar:
        return json.loads(tar.extractfile("manifest.json").read())


def test_it_restores_a_sqlite_backup_into_an_empty_database(tmp_path):
    source = environment(tmp_path, f"sqlite:///{tmp_path / 'source.sqlite3'}", "media")
    before = demo_hotel(source)
    archive = back_up(source, tmp_path / "backups")

    manifest = manifest_of(archive)
    assert manifest["engine"] == "sqlite"
    assert manifest["guestdesk_version"]
    assert manifest["tables"] == before["counts"]
    assert "media/" + before["files"][0][1] in manifest["files"]

    target = environment(tmp_path, f"sqlite:///{tmp_path / 'restored.sqlite3'}", "media2")
    result = manage(target, "restore", str(archive))
    assert "1 uploaded files" in result.stdout
    assert_same_hotel(before, snapshot(target))
    manage(target, "migrate", "--check")  # the schema is complete: nothing left to apply

    # Now the target holds a hotel: a second restore is refused and changes nothing...
    manage(target, "shell", "-c", "from board.models import Event; Event.objects.all().delete()")
    refused = manage(target, "restore", str(archive), check=False)
    assert refused.returncode == 1
    assert "is not empty" in refused.stderr and "--force" in refused.stderr
    assert snapshot(target)["counts"]["board_event"] == 0
    # ...unless forced, which replaces everything with the backup.
    manage(target, "restore", str(archive), "--force")
    assert_same_hotel(before, snapshot(target))


@pytest.fixture
def scratch_databases():
    """Two new PostgreSQL databases, dropped afterwards whatever happens."""
    need(port_open("127.0.0.1", 5432), "no PostgreSQL server at 127.0.0.1:5432")
    import psycopg2

    suffix = uuid.uuid4().hex[:6]
    names = [f"gd_backup_src_{suffix}", f"gd_backup_dst_{suffix}"]
    admin = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        for name in names:
            cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [f"{PG_SERVER}/{name}" for name in names]
    finally:
        with admin.cursor() as cursor:
            for name in names:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.services
def test_it_restores_a_postgresql_backup_into_a_new_database(tmp_path, scratch_databases):
    source_url, target_url = scratch_databases
    source = environment(tmp_path, source_url, "media")
    before = demo_hotel(source)
    archive = back_up(source, tmp_path / "backups")
    assert manifest_of(archive)["engine"] == "postgresql"
    assert "database.dump" in manifest_of(archive)["files"]

    target = environment(tmp_path, target_url, "media2")
    manage(target, "restore", str(archive))
    assert_same_hotel(before, snapshot(target))
    manage(target, "migrate", "--check")

    # The source is not empty: refused, and the source is left as it was.
    refused = manage(source, "restore", str(archive), check=False)
    assert refused.returncode == 1 and "is not empty" in refused.stderr
    assert snapshot(source) == before


@pytest.mark.services
def test_it_says_when_pg_dump_is_missing(tmp_path, scratch_databases):
    env = environment(tmp_path, scratch_databases[0], "media")
    result = manage({**env, "PATH": str(tmp_path)}, "backup", "--dir", str(tmp_path), check=False)
    assert result.returncode == 1
    assert "pg_dump was not found on PATH" in result.stderr
    assert "postgresql-client" in result.stderr
    assert not list(tmp_path.glob("*.tar.gz"))


def archive_with(path, members, manifest=None):
    """A hand-made archive: `members` {name: bytes}; the manifest lists their checksums."""
    if manifest is None:
        manifest = {
            "format": 1,
            "guestdesk_version": "0.1.0",
            "engine": "sqlite",
            "created": "2026-01-01T00:00:00+00:00",
            "tables": {},
            "files": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
        }
    with tarfile.open(path, "w:gz") as tar:
        for name, data in {"manifest.json": json.dumps(manifest).encode(), **members}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def refusal(path):
    with pytest.raises(CommandError) as error:
        call_command("restore", str(path))
    return str(error.value)


# No database access is allowed in these tests (no django_db mark): a damaged archive is
# refused before anything touches the database.


def test_it_refuses_a_file_that_is_not_an_archive(tmp_path, media):
    path = tmp_path / "backup.tar.gz"
    path.write_bytes(b"these are not the bytes of a backup")
    message = refusal(path)
    assert "is not a usable GuestDesk backup" in message
    assert "cannot be read as a .tar.gz archive" in message


def test_it_refuses_a_truncated_archive(tmp_path, media):
    good = archive_with(tmp_path / "good.tar.gz", {"database.sqlite3": os.urandom(50_000)})
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(good.read_bytes()[:20_000])
    assert "cannot be read as a .tar.gz archive" in refusal(cut)


def test_it_refuses_a_member_that_does_not_match_its_checksum(tmp_path, media):
    members = {"database.sqlite3": b"database", "media/requests/ticket.pdf": b"original"}
    manifest = {
        "format": 1,
        "guestdesk_version": "0.1.0",
        "engine": "sqlite",
        "created": "2026-01-01T00:00:00+00:00",
        "tables": {},
        "files": {
            "database.sqlite3": hashlib.sha256(b"database").hexdigest(),
            "media/requests/ticket.pdf": hashlib.sha256(b"changed").hexdigest(),
        },
    }
    message = refusal(archive_with(tmp_path / "b.tar.gz", members, manifest))
    assert "media/requests/ticket.pdf does not match its checksum" in message
    assert not (media / "requests" / "ticket.pdf").exists()


def test_it_refuses_an_archive_without_a_manifest(tmp_path, media):
    path = tmp_path / "b.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("database.sqlite3")
        tar.addfile(info, io.BytesIO(b""))
    assert "it has no readable manifest.json" in refusal(path)


def test_it_refuses_a_path_outside_the_media_folder(tmp_path, media):
    members = {"database.sqlite3": b"db", "media/../../evil.txt": b"x"}
    assert "unsafe path" in refusal(archive_with(tmp_path / "b.tar.gz", members))
    assert not (tmp_path / "evil.txt").exists()


def test_it_refuses_an_archive_missing_a_listed_file(tmp_path, media):
    manifest = {
        "format": 1,
        "guestdesk_version": "0.1.0",
        "engine": "sqlite",
        "created": "2026-01-01T00:00:00+00:00",
        "tables": {},
        "files": {"database.sqlite3": hashlib.sha256(b"db").hexdigest(), "media/a.pdf": "0"},
    }
    path = archive_with(tmp_path / "b.tar.gz", {"database.sqlite3": b"db"}, manifest)
    assert "it lacks media/a.pdf" in refusal(path)
