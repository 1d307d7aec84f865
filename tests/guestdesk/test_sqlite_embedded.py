"""The embedded default (`make run`): web, worker and beat share one SQLite file.

A real worker process (embedded file-system broker, as `make run` starts it) sends email
while other processes write to the same database, as staff browsing and importing do.
Every message must be delivered once and show its real status: "sent", never a
message printed as sent but left "queued".
"""

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.services import ROOT, SMTPServer

pytestmark = pytest.mark.real_clock

MESSAGES = 40

SENDER = f"""
from django.db import transaction
from guestdesk.emails import queue_email
from guestdesk.models import Department
for n in range({MESSAGES}):
    with transaction.atomic():
        # Read, then write in the same transaction, as a view saving a form does.
        list(Department.objects.all())
        queue_email("guestdesk-test", {{}}, [f"frontdesk{{n}}@hotel.example"], "en")
"""

STAFF = """
import time
from django.db import transaction
from guestdesk.models import Department
deadline = time.monotonic() + 25
n = 0
while time.monotonic() < deadline:
    with transaction.atomic():
        department = Department.objects.order_by("pk").first()
        Department.objects.filter(pk=department.pk).update(recipients=f"shift{n}@hotel.example")
    n += 1
print("staff writes", n)
"""


def manage(env, *args, **kwargs):
    return subprocess.Popen(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, text=True, **kwargs
    )


def statuses(db_path):
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        return connection.execute(
            "SELECT status, attempts FROM guestdesk_outboxmessage ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def test_a_worker_on_sqlite_records_every_emails_real_status(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "CELERY_", "EMAIL_", "GUESTDESK_"))
    }
    db_path = tmp_path / "guestdesk.sqlite3"
    with SMTPServer() as smtp:
        env.update(
            DJANGO_SETTINGS_MODULE="guestdesk.settings",
            GUESTDESK_VAR_DIR=str(tmp_path),
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp.port),
            PYTHONUNBUFFERED="1",
        )
        migrate = manage(env, "migrate", "--no-input", "-v0")
        assert migrate.wait(timeout=240) == 0
        log_path = tmp_path / "worker.log"
        with open(log_path, "w") as log:
            worker = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "guestdesk",
                    "worker",
                    "--beat",
                    "--concurrency=2",
                    "--loglevel=INFO",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                staff = [manage(env, "shell", "-c", STAFF) for _ in range(2)]
                sender = manage(env, "shell", "-c", SENDER)
                assert sender.wait(timeout=120) == 0
                for process in staff:
                    assert process.wait(timeout=120) == 0
                deadline = time.monotonic() + 90
                while time.monotonic() < deadline:
                    rows = statuses(db_path)
                    if len(rows) == MESSAGES and all(s == "sent" for s, _ in rows):
                        break
                    time.sleep(0.5)
                time.sleep(1)  # a duplicate delivery would arrive now
            finally:
                worker.terminate()
                worker.wait(timeout=30)
        rows = statuses(db_path)
        received = sorted(m["to"][0] for m in smtp.inbox.messages)
    log_text = log_path.read_text()
    assert [s for s, _ in rows] == ["sent"] * MESSAGES, log_text[-3000:]
    assert received == sorted(f"frontdesk{n}@hotel.example" for n in range(MESSAGES))
    assert all(attempts == 1 for _, attempts in rows)
    assert "database is locked" not in log_text
