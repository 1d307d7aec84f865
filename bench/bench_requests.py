"""The request board with 100,000 requests in the table, against the floor, and the
PostgreSQL plan of its main query (the page of rows), which must use an index.

Everything it creates is rolled back.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness  # noqa: E402

harness.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from guestdesk import roles  # noqa: E402
from requests_desk.models import ServiceRequest  # noqa: E402

ROWS = 100_000
URLS = ["/requests/", "/requests/?status=all", "/requests/?type=transfer"]


def main_query(client, url: str) -> tuple[str, list]:
    """The SQL of the board's page of rows (the query that reads the table with a LIMIT)."""
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    table = ServiceRequest._meta.db_table
    for query in captured.captured_queries:
        sql = query["sql"]
        if sql.startswith("SELECT") and f'FROM "{table}"' in sql and "LIMIT" in sql:
            return sql, captured.captured_queries
    raise AssertionError(f"no page query for {url}")


def main() -> dict:
    from tests.requests_desk.test_board import many

    results: dict = {}
    with harness.rolled_back():
        user, client = harness.staff_client("bench-requests-agent", roles.AGENT)
        many(ROWS, user)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {ServiceRequest._meta.db_table}")
        plans = {}
        for url in URLS:
            sql, queries = main_query(client, url)
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            table = ServiceRequest._meta.db_table
            seq = f"Seq Scan on {table} " in plan or plan.rstrip().endswith(f"Seq Scan on {table}")
            plans[url] = {"queries": len(queries), "plan": plan, "seq_scan": seq}
            scans = [line.strip() for line in plan.splitlines() if table in line and "Scan" in line]
            print(f"{url}: {len(queries)} queries; the page of rows reads {table} by:")
            print("    " + "\n    ".join(scans))
        results["board_requests"] = ROWS
        results["request_board_plans"] = plans
        results["request_board_index_scan"] = not any(p["seq_scan"] for p in plans.values())
        results["request_board_vs_floor"] = harness.pair(
            harness.get(client, URLS[0]), harness.get(client, harness.FLOOR)
        )
    r = results["request_board_vs_floor"]
    print(f"request board ({ROWS:,} requests) {r['ms']:.1f} ms vs floor "
          f"{r['reference_ms']:.1f} ms = {r['ratio']:.2f}x; "
          f"index scans only: {results['request_board_index_scan']}")  # fmt: skip
    return results


if __name__ == "__main__":
    harness.report(main())
