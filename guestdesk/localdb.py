"""Print the test database URL when a PostgreSQL server answers there, nothing otherwise.

`make test` uses it: PostgreSQL when one runs locally, SQLite when none does.
"""

import socket
import sys
from urllib.parse import urlparse


def main(url):
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 5432), timeout=1):
            print(url)
    except OSError:
        print("")


if __name__ == "__main__":
    main(sys.argv[1])
