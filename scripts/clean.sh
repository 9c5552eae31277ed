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
test_db="${SARABAN_TEST_DB:-saraban_test}"
busy=0
for db in $dbs; do
    if [ "$db" = "$test_db" ]; then
        # Not while a `make test` is using it.
        exec 9>"$(test_db_lock "$db")"
        if ! flock -n 9; then
            log "$db is in use by a running test: kept, and so is artifacts/"
            busy=1
            continue
        fi
    fi
    drop_db "$db"
done
[ "$busy" = 1 ] || rm -rf "$SARABAN_ROOT/artifacts"
log "clean"
