# GuestDesk: `make run` to try it, `make test` to check it. Needs Python 3.11+, git, make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# A local PostgreSQL is used for tests when one answers and DATABASE_URL is not set.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/guestdesk

.PHONY: run test test-dates lint messages compilemessages bench backup restore soak clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo
	$(PY) -m guestdesk.run

test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m guestdesk.i18n check
	DATABASE_URL="$${DATABASE_URL:-$$($(PY) -m guestdesk.localdb $(TEST_DATABASE_URL))}" \
		$(PY) -m pytest $(PYTEST_ARGS)

# The suite at moments where calendars bite (hotel time, TIME_ZONE): month and year ends,
# 28/29 February, a Sunday night and a Monday morning. Tests that need the real clock
# (browser, worker) are left out; see docs/DEVELOPING.md, "Date-safe tests".
MOMENTS ?= 2026-12-01T09:00 2026-12-31T23:50 2027-01-01T00:10 2027-01-03T23:30 \
	2027-01-04T07:30 2028-02-28T23:30 2028-02-29T01:00
DATE_SENSITIVE ?= tests/board tests/digests tests/arrivals tests/requests_desk tests/vendors \
	tests/reviews tests/traces tests/guestportal tests/privacy tests/guestdesk/test_demo.py
test-dates: $(VENV)/.installed-dev
	DATABASE_URL="$${DATABASE_URL:-$$($(PY) -m guestdesk.localdb $(TEST_DATABASE_URL))}" \
		$(PY) -m tests.moments $(MOMENTS) -- $(DATE_SENSITIVE) $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Extract strings of one area (AREA=arrivals) or all, then fill in the .po files.
messages: $(VENV)/.installed-dev
	$(PY) manage.py makemessages -l kk -l ru -l en --no-obsolete $(if $(AREA),--area $(AREA))

compilemessages: $(VENV)/.installed-dev
	$(PY) -m guestdesk.i18n compile

bench: $(VENV)/.installed-dev
	export DATABASE_URL="$${DATABASE_URL:-$$($(PY) -m guestdesk.localdb $(TEST_DATABASE_URL))}"; \
		$(PY) manage.py migrate --no-input -v0 && BENCH_SCALE=$${BENCH_SCALE:-small} $(PY) -m bench

# The database (DATABASE_URL) and MEDIA_ROOT in one dated archive under var/backups/ (or
# BACKUP_DIR); the archive's path is the last line printed.
backup: $(VENV)/.installed
	@$(PY) manage.py backup

# make restore FILE=var/backups/guestdesk-....tar.gz: into an empty database (FORCE=1 replaces
# what the database holds).
restore: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=path/to/backup.tar.gz [FORCE=1]" >&2; exit 2; }
	$(PY) manage.py restore "$(FILE)" $(if $(filter 1 yes true,$(FORCE)),--force)

# Gunicorn, a Celery worker and beat on PostgreSQL and Redis under simulated agents for
# SOAK_SECONDS (a scratch database, dropped afterwards); writes bench/soak.json.
SOAK_SECONDS ?= 120
soak: $(VENV)/.installed-dev
	$(PY) -m bench.soak --seconds $(SOAK_SECONDS)

clean:
	rm -rf $(VENV) var
