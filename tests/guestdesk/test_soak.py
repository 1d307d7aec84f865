"""The soak test, 30 seconds: gunicorn, a worker and beat under agents, no error, no lost write."""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import REDIS_URL, need, port_open

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.services
@pytest.mark.real_clock
def test_it_answers_every_agent_and_keeps_every_write(tmp_path):
    need(port_open("127.0.0.1", 5432), "the soak test needs PostgreSQL at 127.0.0.1:5432")
    redis = urlparse(REDIS_URL)
    need(port_open(redis.hostname, redis.port or 6379), f"the soak test needs Redis at {REDIS_URL}")
    output = tmp_path / "soak.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench.soak", "--seconds", "30", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert output.exists(), result.stdout + result.stderr
    report = json.loads(output.read_text())
    summary = result.stdout + result.stderr
    assert report["server_errors"] == 0, summary
    assert report["errors"] == [], summary
    assert report["requests_created"] > 0 and report["status_moves"] > 0, summary
    assert report["stays_imported"] > 0, summary
    assert report["lost"] == [] and report["duplicated"] == [], summary
    assert report["wrong_status"] == [] and report["unexpected_rows"] == [], summary
    expected = report["requests_created"] + report["status_moves"] + report["stays_imported"]
    assert report["writes_verified"] == expected, summary
    connections = report["connections"]
    assert connections["peak_database"] <= connections["budget"], summary
    assert connections["peak_server"] < connections["max_connections"], summary
    assert report["digest_ticks"] >= 1, summary
    assert report["ok"] and result.returncode == 0, summary
