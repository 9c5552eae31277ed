#!/usr/bin/env bash
# `make run`: serve e-Saraban with demo data on http://localhost:${PORT:-8069}.
# Creates the demo database ${SARABAN_DB:-saraban_demo} on first use (all
# saraban_* addons, demo data, Thai language). Extra arguments go to odoo-bin,
# e.g. `scripts/run.sh -u saraban_module` after changing the addon.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_setup

DB="${SARABAN_DB:-saraban_demo}"
PORT="${PORT:-8069}"
HTTP_INTERFACE="${SARABAN_HTTP_INTERFACE:-127.0.0.1}"
ADDONS="$(saraban_addons)"
[ -n "$ADDONS" ] || die "no installable saraban_* addon found in $SARABAN_ROOT"

module_state() {
    pg_psql -d "$DB" -tAc "SELECT state FROM ir_module_module WHERE name = 'saraban_module'" 2>/dev/null || true
}

if ! db_exists "$DB" || [ "$(module_state)" != installed ]; then
    # Missing, or left half-built by an interrupted install: start over.
    drop_db "$DB"
    log "creating the demo database $DB with $ADDONS (demo data, Thai language); this takes a few minutes"
    bash "$SARABAN_ROOT/scripts/odoo.sh" -d "$DB" -i "$ADDONS" --load-language=th_TH \
        --stop-after-init --http-port="$(free_port)" ||
        die "installing the addons into $DB failed (see the log above); fix and re-run 'make run'"
fi

log "------------------------------------------------------------------"
log " e-Saraban:  http://localhost:$PORT   (database $DB)"
log " Demo logins: see \"Demo logins\" in README.md (admin / admin, ...)"
log " Stop with Ctrl+C."
log "------------------------------------------------------------------"
# One database, and no web database manager (its default master password is "admin").
exec bash "$SARABAN_ROOT/scripts/odoo.sh" -d "$DB" --db-filter="^$DB\$" --no-database-list \
    --http-interface="$HTTP_INTERFACE" --http-port="$PORT" "$@"
