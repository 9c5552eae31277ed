# e-Saraban developer commands. See README.md.
SHELL := /bin/bash
PRE_COMMIT_VERSION := 4.7.0

.PHONY: help setup run test bench lint i18n clean pg-stop

help:
	@echo "make run      serve the demo on http://localhost:$${PORT:-8069}"
	@echo "make test     run all tests (Odoo tests + system tests)"
	@echo "make bench    run the benchmarks in tests/bench/"
	@echo "make setup    install/check everything the project needs"
	@echo "make lint     run the pre-commit hooks on all files"
	@echo "make i18n     refresh the translation templates and merge them into th.po"
	@echo "make clean    drop the test databases"
	@echo "make pg-stop  stop the private PostgreSQL cluster, if one runs"

setup:
	@bash scripts/setup.sh

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

bench:
	@bash scripts/bench.sh

lint:
	@. scripts/lib.sh && ensure_setup && \
	if ! "$$SARABAN_VENV/bin/pre-commit" --version >/dev/null 2>&1; then \
		log "installing pre-commit $(PRE_COMMIT_VERSION) into $$SARABAN_VENV"; \
		"$$SARABAN_VENV/bin/python" -m pip install -q --disable-pip-version-check "pre-commit==$(PRE_COMMIT_VERSION)"; \
	fi && \
	"$$SARABAN_VENV/bin/pre-commit" run --all-files

i18n:
	@bash scripts/i18n.sh

clean:
	@bash scripts/clean.sh

pg-stop:
	@. scripts/lib.sh && { [ ! -f "$$SARABAN_ENV_FILE" ] || load_env; } && pg_private_stop
