"""Run every benchmark (bench/bench_*.py) in turn and print what each measured.

Each benchmark reports ratios measured within one run (large vs small data, a page vs a
trivial one), so figures compare across machines. `make bench` runs this against the
local PostgreSQL when one answers; everything a benchmark creates is rolled back.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n## {script.stem}\n", flush=True)
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
