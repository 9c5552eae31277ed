# shellcheck shell=bash
# Common helpers for the e-Saraban scripts. Source it, do not run it:
#     . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Settings (environment variables, all optional):
#   ODOO_SRC        Odoo 18 source tree     (default ~/.local/share/saraban/odoo-18.0)
#   SARABAN_VENV    Python virtualenv       (default ~/.local/share/saraban/venv)
#   SARABAN_DATA    project data directory  (default <repo>/.data)
#   PGHOST/PGPORT/PGUSER  PostgreSQL server (default 127.0.0.1:5432, current user)
#   SARABAN_PG_PORT port of the private cluster started when no server answers (55432)
#
# scripts/setup.sh resolves all of them and writes the result to
# $SARABAN_DATA/env.sh, which the other scripts (and tests/conftest.py) read.

SARABAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
export SARABAN_ROOT

if [ -z "${HOME:-}" ]; then
    HOME="$(getent passwd "$(id -un)" | cut -d: -f6)"
    export HOME
fi

SARABAN_HOME_DEFAULT="$HOME/.local/share/saraban"
: "${ODOO_SRC:=$SARABAN_HOME_DEFAULT/odoo-18.0}"
: "${SARABAN_VENV:=$SARABAN_HOME_DEFAULT/venv}"
: "${SARABAN_DATA:=$SARABAN_ROOT/.data}"
export ODOO_SRC SARABAN_VENV SARABAN_DATA
SARABAN_ENV_FILE="$SARABAN_DATA/env.sh"

PG_BINDIR="${PG_BINDIR:-/usr/lib/postgresql/15/bin}"

# Debian packages the project needs (build deps of Odoo's Python requirements,
# PDF engines, Thai fonts, the browser for tours, IMAP server for mail tests,
# PostgreSQL 15 client and server).
# shellcheck disable=SC2034  # used by setup.sh
SARABAN_DEB_PACKAGES=(
    python3.11 python3.11-venv python3.11-dev build-essential git make
    libpq-dev libldap2-dev libsasl2-dev
    wkhtmltopdf libpango-1.0-0 libpangoft2-1.0-0 poppler-utils
    fonts-thai-tlwg fonts-tlwg-laksaman
    chromium dovecot-imapd
    postgresql-client-15 postgresql-15
)

log() { printf '[saraban] %s\n' "$*" >&2; }
die() {
    printf '[saraban] ERROR: %s\n' "$*" >&2
    exit 1
}

is_root() { [ "$(id -u)" = 0 ]; }

# Load the settings written by setup.sh; fail with a hint if setup never ran.
load_env() {
    [ -f "$SARABAN_ENV_FILE" ] || die "$SARABAN_ENV_FILE is missing: run 'make setup' (scripts/setup.sh) first"
    # shellcheck disable=SC1090
    . "$SARABAN_ENV_FILE"
}

# Run setup.sh (idempotent, fast when nothing changed) and load its settings.
ensure_setup() {
    bash "$SARABAN_ROOT/scripts/setup.sh" || exit $?
    load_env
}

# Comma-separated list of the project's addons: saraban_* folders at the
# repository root that have a manifest and are installable.
saraban_addons() {
    local d name out=()
    for d in "$SARABAN_ROOT"/saraban_*/; do
        [ -f "$d/__manifest__.py" ] || continue
        name="$(basename "$d")"
        if grep -Eq "['\"]installable['\"][[:space:]]*:[[:space:]]*False" "$d/__manifest__.py"; then
            continue
        fi
        out+=("$name")
    done
    local IFS=,
    printf '%s\n' "${out[*]}"
}

# A TCP port nobody listens on right now.
free_port() {
    "${VENV:-$SARABAN_VENV}/bin/python" - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

# psql against the configured server (settings from env.sh).
pg_psql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

db_exists() {
    [ "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

# Lock file that serialises test runs using database $1 on the current server.
test_db_lock() {
    echo "${TMPDIR:-/tmp}/saraban-test-${PGHOST//\//_}-$PGPORT-$1.lock"
}

# Drop a database and its Odoo filestore.
drop_db() {
    local db="$1"
    if db_exists "$db"; then
        log "dropping database $db"
        dropdb --if-exists --force "$db"
    fi
    if [ -n "${SARABAN_ODOO_DATA:-}" ] && [ -d "$SARABAN_ODOO_DATA/filestore/$db" ]; then
        rm -rf "${SARABAN_ODOO_DATA:?}/filestore/$db"
    fi
}

# Private PostgreSQL cluster (used when no server answers) ------------------

# OS user that owns the private cluster: PostgreSQL refuses to run as root.
pg_os_user() {
    if ! is_root; then
        id -un
    elif getent passwd postgres >/dev/null; then
        echo postgres
    else
        echo saraban
    fi
}

# Run a command as the cluster's OS user.
as_pg_user() {
    local user
    user="$(pg_os_user)"
    if is_root; then
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

pg_private_dir() { echo "${SARABAN_PG_DIR:-$SARABAN_DATA/pg}"; }

pg_private_stop() {
    local dir
    dir="$(pg_private_dir)"
    if [ -f "$dir/data/postmaster.pid" ]; then
        log "stopping the private PostgreSQL cluster in $dir"
        as_pg_user "$PG_BINDIR/pg_ctl" -D "$dir/data" -m fast -w stop
    else
        log "no private PostgreSQL cluster running in $dir"
    fi
}
