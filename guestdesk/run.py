"""`make run`: the web app, a Celery worker and beat on the embedded default, together.

Ctrl-C stops all three.
"""

import os
import signal
import subprocess
import sys
import time

HOST = os.environ.get("GUESTDESK_HOST", "127.0.0.1:8000")


def main():
    python = sys.executable
    processes = [
        subprocess.Popen([python, "manage.py", "runserver", HOST, "--noreload"]),
        subprocess.Popen(
            [
                python,
                "-m",
                "celery",
                "-A",
                "guestdesk",
                "worker",
                "--beat",
                "--loglevel=INFO",
                "--concurrency=2",
            ]
        ),
    ]
    print(f"GuestDesk is at http://{HOST}/ (Ctrl-C stops it)", flush=True)
    try:
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for p in processes:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        for p in processes:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
    return max((p.returncode or 0) for p in processes)


if __name__ == "__main__":
    sys.exit(main())
