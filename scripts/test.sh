#!/usr/bin/env bash
# `make test`: the whole test suite.
#   1. Odoo's own test runner on a fresh database `saraban_test`: installs every
#      saraban_* addon (demo data, Thai language) with --test-enable, running the
#      addons' unit tests and browser tours. Log: artifacts/odoo-tests.log,
#      tour screenshots: artifacts/screenshots/.
#   2. pytest tests/ (system tests that start their own Odoo server).
#      Log: artifacts/pytest.log, report: artifacts/pytest.xml.
# The last line printed is `N passed, N failed, N skipped` (also written to
# artifacts/summary.txt); the exit status is non-zero when anything failed or
# when no test ran. See scripts/test_totals.py for how the numbers are counted.
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_setup

ART="$SARABAN_ROOT/artifacts"
DB="${SARABAN_TEST_DB:-saraban_test}"
PY="$SARABAN_VENV/bin/python"
# Two runs against the same server would drop each other's database: take turns.
lock="$(test_db_lock "$DB")"
exec 9>"$lock"
if ! flock -n 9; then
    log "another test run uses database $DB on $PGHOST:$PGPORT: waiting for it to finish"
    flock -w 5400 9 || die "gave up waiting for $lock"
fi
summary() {
    printf '%s\n' "$1" >"$ART/summary.txt"
    printf '%s\n' "$1"
}
mkdir -p "$ART"
rm -rf "$ART/screenshots" "$ART/odoo-tests.log" "$ART/pytest.log" "$ART/pytest.xml" "$ART/summary.txt"
mkdir -p "$ART/screenshots"

# Browser tours are skipped *silently* by Odoo without these two: refuse to run.
if ! "$PY" -c 'import websocket' 2>/dev/null; then
    log "websocket-client is not importable in $SARABAN_VENV: Odoo would skip every browser tour"
    summary "0 passed, 1 failed, 0 skipped"
    exit 1
fi
if ! command -v google-chrome >/dev/null && ! command -v chromium >/dev/null &&
    ! command -v chromium-browser >/dev/null; then
    log "no Chromium on PATH (chromium, chromium-browser or google-chrome): Odoo would skip every browser tour"
    summary "0 passed, 1 failed, 0 skipped"
    exit 1
fi

ADDONS="$(saraban_addons)"
if [ -z "$ADDONS" ]; then
    log "no installable saraban_* addon found in $SARABAN_ROOT"
    summary "0 passed, 1 failed, 0 skipped"
    exit 1
fi
TAGS=""
IFS=, read -ra modules <<<"$ADDONS"
for m in "${modules[@]}"; do TAGS+="${TAGS:+,}/$m"; done

# 1. Odoo tests ---------------------------------------------------------------
drop_db "$DB"
HTTP_PORT="$(free_port)"
log "odoo tests: installing $ADDONS into $DB with --test-tags $TAGS (http port $HTTP_PORT)"
start=$SECONDS
bash "$SARABAN_ROOT/scripts/odoo.sh" -d "$DB" -i "$ADDONS" \
    --test-enable --test-tags "$TAGS" --stop-after-init \
    --http-port="$HTTP_PORT" --load-language=th_TH \
    --screenshots="$ART/screenshots" --log-level=test 9>&- 2>&1 | tee "$ART/odoo-tests.log"
odoo_rc=${PIPESTATUS[0]}
log "odoo tests: exit status $odoo_rc after $((SECONDS - start)) s"

# 2. System tests ---------------------------------------------------------------
start=$SECONDS
(cd "$SARABAN_ROOT" && "$PY" -m pytest tests/ --ignore=tests/bench -v -p no:cacheprovider \
    --junitxml="$ART/pytest.xml" 9>&- 2>&1 | tee "$ART/pytest.log")
pytest_rc=$?  # pytest's status: pipefail inside the subshell
log "pytest: exit status $pytest_rc after $((SECONDS - start)) s"

# 3. Totals ---------------------------------------------------------------------
line="$("$PY" "$SARABAN_ROOT/scripts/test_totals.py" \
    --odoo-log "$ART/odoo-tests.log" --odoo-rc "$odoo_rc" \
    --junit "$ART/pytest.xml" --pytest-rc "$pytest_rc")"
rc=$?
summary "$line"
exit $rc
