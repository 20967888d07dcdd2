# One command each for the common jobs. The README's two commands are `make demo`
# and `make test`; .ci/run calls `make test` after making sure the services are up.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

# The test suite talks to real PostgreSQL and Redis; these are the local defaults.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: install demo test lint typecheck format migrate check-migrations bench messages

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

# The site on the embedded default (SQLite, tasks in-process), with the offline
# sample news sites ingested through the real pipeline, at http://127.0.0.1:8000/
demo: install
	DEBUG=1 FETCH_ALLOW_PRIVATE=1 $(PY) manage.py demo

test: install
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} \
		$(PY) -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# mypy with django-stubs (configured in pyproject.toml's [tool.mypy]).
typecheck: install
	$(PY) -m mypy articles

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

migrate: install
	DEBUG=1 $(PY) manage.py migrate

check-migrations: install
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

bench: install
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/extraction.py

# Refresh the Hindi catalogue after changing user-facing text (needs GNU gettext).
messages: install
	DEBUG=1 $(PY) manage.py makemessages -l hi --ignore=.venv --ignore=bench --ignore=tests --ignore=fixtures --ignore=docs
	DEBUG=1 $(PY) manage.py compilemessages -l hi
