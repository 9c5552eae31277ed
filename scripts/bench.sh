#!/usr/bin/env bash
# `make bench`: the benchmarks in tests/bench/ (pytest, output not captured) and the
# PDF rendering benchmark of saraban_reports.
# Extra arguments go to pytest.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_setup

cd "$SARABAN_ROOT"
if ! compgen -G "tests/bench/test_*.py" >/dev/null && ! compgen -G "tests/bench/*_test.py" >/dev/null; then
    log "no benchmarks in tests/bench/ yet"
    exit 0
fi
mkdir -p artifacts
# 1. Server benchmarks (registrations, mail ingestion): pytest against a running server.
rc=0
"$SARABAN_VENV/bin/python" -m pytest tests/bench -s -p no:cacheprovider "$@" || rc=$?
# 2. PDF rendering per page, the official forms beside Odoo's stock wkhtmltopdf path
#    (an Odoo test tagged saraban_reports_bench; figures in artifacts/bench_reports.json).
DB="${SARABAN_BENCH_DB:-saraban_bench}"
drop_db "$DB"
bash "$SARABAN_ROOT/scripts/odoo.sh" -d "$DB" -i saraban_reports --without-demo=all \
    --test-enable --test-tags saraban_reports_bench --stop-after-init \
    --http-port="$(free_port)" 2>&1 | grep -E "saraban_reports.tests.test_bench|odoo.tests.result" || rc=1
drop_db "$DB"
exit $rc
