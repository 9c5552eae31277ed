#!/usr/bin/env bash
# `make clean`: drop the test databases (saraban_test and the system tests'
# saraban_sys_*) with their filestores, and remove artifacts/. The demo
# database (saraban_demo) is kept: drop it with `dropdb saraban_demo`.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_setup

dbs="$(pg_psql -d postgres -tAc "SELECT datname FROM pg_database
    WHERE datname = '${SARABAN_TEST_DB:-saraban_test}' OR datname LIKE 'saraban\_sys\_%'")"
for db in $dbs; do
    drop_db "$db"
done
rm -rf "$SARABAN_ROOT/artifacts"
log "clean"
