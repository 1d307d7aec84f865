"""The OpenAPI schema: served, documented under the CSP, and held to by a live server.

Schemathesis generates requests from the schema (valid and invalid ones) against a live
server with a key of every scope: no answer may be a 5xx, and every answer must match the
schema (status, content type, headers, body). Examples are bounded so the run stays short.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from api.models import SCOPES, ApiKey

CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    ]
)


def test_the_schema_lists_every_endpoint(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    assert schema["info"]["title"] == "GuestDesk API"
    assert set(schema["paths"]) >= {
        "/api/v1/stays/",
        "/api/v1/stays/{id}/status/",
        "/api/v1/requests/",
        "/api/v1/events/",
    }
    assert schema["components"]["securitySchemes"]["ApiKey"]["name"] == "Authorization"


def test_the_docs_page_loads_only_our_own_files_and_no_inline_code(client):
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)", html), "inline script"
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/") for s in sources), sources
    for source in sources:
        if source == "/api/v1/docs/?script=":
            continue  # the page's own settings, as a script file (no inline code)
        # Every file is one GuestDesk serves itself (Swagger UI from drf-spectacular-sidecar).
        assert source.startswith("/static/")
        assert finders.find(source.removeprefix("/static/").split("?")[0]), source
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
    assert "script-src 'self'" in page["Content-Security-Policy"]


@pytest.mark.real_clock
@pytest.mark.django_db(transaction=True)
def test_schemathesis_finds_no_server_error_and_no_schema_mismatch(live_server, settings, tmp_path):
    settings.API_RATE_LIMIT = "100000/min"
    _key, secret = ApiKey.objects.create_key(name="Schemathesis", scopes=list(SCOPES))
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run",
        f"{live_server.url}/api/v1/schema/?format=json",
        "--url",
        f"{live_server.url}",
        "--header",
        f"Authorization: Api-Key {secret}",
        "--checks",
        CHECKS,
        "--max-examples",
        "10",
        "--phases",
        "coverage,fuzzing",
        "--seed",
        "20261201",
        "--max-time",
        "55",
        "--workers",
        "1",
        "--no-shrink",
        "--generation-deterministic",
    ]
    # In a scratch folder: Schemathesis keeps a cache (.schemathesis/) where it runs.
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=150, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
