"""Real services for tests: an SMTP server on loopback and a Celery worker process on Redis."""

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd handler that keeps what it accepts; it can answer 451 a few times first."""

    def __init__(self):
        self.messages = []
        self.refuse_next = 0
        self.refused = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.refuse_next > 0:
                self.refuse_next -= 1
                self.refused += 1
                return "451 4.3.0 Mailbox temporarily unavailable, try again later"
            self.messages.append(
                {
                    "to": list(envelope.rcpt_tos),
                    "message": message_from_bytes(envelope.content, policy=policy.default),
                }
            )
        return "250 Message accepted for delivery"

    def wait_for(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.messages) >= count:
                return self.messages
            time.sleep(0.05)
        return self.messages

    @staticmethod
    def bodies(message):
        """(text, html) bodies of a received message."""
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        return text, html


class SMTPServer:
    def __init__(self):
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def wait_until(check, timeout=30):
    """Poll `check()` until it is true: the worker commits a moment after SMTP accepts."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def database_url(settings_dict):
    """A DATABASE_URL for the database the test process is using (the test database)."""
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


class Worker:
    """A real `celery worker` process consuming a private queue on Redis."""

    def __init__(self, app, redis_url, db_url, extra_env=None, concurrency=2, beat=False):
        self.app = app
        self.queue = f"test-{uuid.uuid4().hex[:8]}"
        self.redis_url = redis_url
        self.env = {
            **os.environ,
            "DATABASE_URL": db_url,
            "CELERY_BROKER_URL": redis_url,
            "CELERY_TASK_DEFAULT_QUEUE": self.queue,
            **(extra_env or {}),
        }
        self.concurrency = concurrency
        self.process = None
        self.output = []
        self._saved = {}

    def __enter__(self):
        conf = self.app.conf
        self._saved = {
            "broker_url": conf.broker_url,
            "task_always_eager": conf.task_always_eager,
            "task_default_queue": conf.task_default_queue,
            "broker_transport_options": conf.broker_transport_options,
        }
        conf.broker_url = self.redis_url
        conf.broker_transport_options = {}
        conf.task_always_eager = False
        conf.task_default_queue = self.queue
        self._reset_pools()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "guestdesk",
                "worker",
                "-P",
                "threads",
                "-c",
                str(self.concurrency),
                "-Q",
                self.queue,
                "--without-heartbeat",
                "--without-mingle",
                "--without-gossip",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        ready = threading.Event()

        def read():
            for line in self.process.stdout:
                self.output.append(line)
                if " ready." in line:
                    ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(60):
            self.__exit__()
            raise RuntimeError("Celery worker did not start:\n" + "".join(self.output))
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        for key, value in self._saved.items():
            setattr(self.app.conf, key, value)
        self._reset_pools()

    def _reset_pools(self):
        # The app caches broker connections; drop them so the new broker URL is used.
        self.app._pool = None
        self.app.amqp._producer_pool = None
        if "producer_pool" in self.app.amqp.__dict__:
            del self.app.amqp.__dict__["producer_pool"]

    def log(self):
        return "".join(self.output)
