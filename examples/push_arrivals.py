"""Push a day of arrivals from a CSV file to GuestDesk, then listen for `stay.arrived`.

Python's standard library only. The CSV's header names the import fields
(confirmation_number, first_name, last_name, arrival_date, departure_date, room, adults,
vip_code, nationality, language, email, phone, notes...; dates as YYYY-MM-DD).

Against `make run` (http://127.0.0.1:8000):

    python manage.py create_api_key "Example PMS" --scopes stays:write,stays:read
    python examples/push_arrivals.py --key <KEY> --csv examples/arrivals.csv

To receive webhooks, add an endpoint in the administration (Webhook endpoints: URL
http://127.0.0.1:8765/hook, event stay.arrived), copy its signing secret, and run

    python examples/push_arrivals.py --key <KEY> --csv examples/arrivals.csv \
        --listen 127.0.0.1:8765 --secret <SECRET>

then mark one of the pushed guests arrived on the arrivals page: the event is printed.
"""

import argparse
import csv
import hashlib
import hmac
import json
import sys
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer

BATCH = 1000  # the API's limit of stays per call (API_BULK_MAX)


def push(base_url: str, key: str, rows: list[dict], source: str) -> None:
    """Send the rows in calls of BATCH stays; print what each stay became."""
    for start in range(0, len(rows), BATCH):
        chunk = [{"source": source, **row} for row in rows[start : start + BATCH]]
        request = urllib.request.Request(
            f"{base_url}/api/v1/stays/",
            data=json.dumps(chunk).encode(),
            method="POST",
            headers={
                "Authorization": f"Api-Key {key}",
                "Content-Type": "application/json",
                # A retry of the same call (a timeout, say) is answered, not applied twice.
                "Idempotency-Key": hashlib.sha256(json.dumps(chunk).encode()).hexdigest(),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                results = json.load(answer)["results"]
        except urllib.error.HTTPError as error:
            problem = json.load(error)
            print(f"{problem['status']} {problem['title']}: {problem['detail']}")
            for item in problem.get("errors", []):
                print(f"  {item['pointer']}: {item['detail']}")
            sys.exit(1)
        for result in results:
            print(f"{result['confirmation_number']}: {result['result']} (stay {result['id']})")


def verify(secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
    """GuestDesk-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (ValueError, KeyError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False  # an old delivery replayed
    signed = f"{timestamp}.".encode() + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


def listen(address: str, secret: str) -> None:
    host, port = address.rsplit(":", 1)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if not verify(secret, self.headers.get("GuestDesk-Signature", ""), body):
                self.send_response(401)
                self.end_headers()
                print("refused a delivery with a bad signature")
                return
            event = json.loads(body)
            if event["type"] == "stay.arrived":
                stay = event["data"]
                guest = f"{stay['guest']['first_name']} {stay['guest']['last_name']}"
                print(f"arrived: {guest}, {stay['confirmation_number']}, room {stay['room']}")
            # Answer 2xx quickly: anything else is retried. Deduplicate by event["id"].
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    print(f"listening on http://{address}/hook (Ctrl-C stops)")
    HTTPServer((host, int(port)), Handler).serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--key", required=True, help="an API key with stays:write")
    parser.add_argument("--csv", required=True, help="a CSV whose header names import fields")
    parser.add_argument("--source", default="PMS", help="the stays' source (default PMS)")
    parser.add_argument("--listen", help="host:port to receive webhooks on")
    parser.add_argument("--secret", help="the webhook endpoint's signing secret")
    args = parser.parse_args()
    with open(args.csv, newline="", encoding="utf-8-sig") as handle:
        rows = [{k: v for k, v in row.items() if v != ""} for row in csv.DictReader(handle)]
    push(args.url.rstrip("/"), args.key, rows, args.source)
    if args.listen:
        if not args.secret:
            parser.error("--listen needs --secret")
        listen(args.listen, args.secret)


if __name__ == "__main__":
    main()
