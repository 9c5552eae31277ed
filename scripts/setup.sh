#!/usr/bin/env bash
# Prepare everything e-Saraban needs to run and to be tested. Idempotent, and
# quick when nothing changed:
#   1. Debian packages (installed with apt-get when missing and we are root),
#   2. the Odoo 18 source tree ($ODOO_SRC, cloned when missing),
#   3. the Python virtualenv ($SARABAN_VENV) with Odoo's and the project's
#      requirements (skipped when a stamp of both requirement files matches),
#   4. a PostgreSQL server: the one on $PGHOST:$PGPORT if it answers, otherwise
#      a private cluster under $SARABAN_DATA/pg,
# and writes the resolved settings to $SARABAN_DATA/env.sh.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Bump when the way the virtualenv is built changes, to force a reinstall.
VENV_RECIPE=1

# 1. Debian packages ---------------------------------------------------------
setup_debian_packages() {
    command -v dpkg-query >/dev/null || {
        log "not a Debian system: make sure the equivalents of these are installed: ${SARABAN_DEB_PACKAGES[*]}"
        return 0
    }
    local missing=() p status
    for p in "${SARABAN_DEB_PACKAGES[@]}"; do
        status="$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)"
        [ "$status" = installed ] || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    if is_root && command -v apt-get >/dev/null; then
        log "installing Debian packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q
        apt-get install -y -q "${missing[@]}"
    else
        die "missing Debian packages: ${missing[*]}
    install them with:  sudo apt-get install ${missing[*]}"
    fi
}

# 2. Odoo source -------------------------------------------------------------
setup_odoo_source() {
    [ -f "$ODOO_SRC/odoo-bin" ] && return 0
    if [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
        die "ODOO_SRC=$ODOO_SRC exists but contains no odoo-bin.
    Point ODOO_SRC at an Odoo 18.0 source tree, or remove that directory to let setup clone it."
    fi
    log "cloning Odoo 18.0 into $ODOO_SRC (shallow, about 300 MB)"
    mkdir -p "$(dirname "$ODOO_SRC")"
    if ! git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git "$ODOO_SRC"; then
        rm -rf "$ODOO_SRC"
        die "could not clone Odoo 18.0.
    Get an Odoo 18.0 source tree (https://github.com/odoo/odoo, branch 18.0) some other way
    and point the scripts at it:  export ODOO_SRC=/path/to/odoo-18.0   (the folder holding odoo-bin)"
    fi
}

# 3. Python virtualenv -------------------------------------------------------
requirements_stamp() {
    {
        echo "recipe=$VENV_RECIPE"
        sha256sum "$ODOO_SRC/requirements.txt" | cut -d' ' -f1
        sha256sum "$SARABAN_ROOT/requirements.txt" | cut -d' ' -f1
    } | sha256sum | cut -d' ' -f1
}

setup_venv() {
    local py="$SARABAN_VENV/bin/python" stamp_file="$SARABAN_VENV/.saraban-requirements.sha256" stamp
    stamp="$(requirements_stamp)"
    if [ -x "$py" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
        return 0
    fi

    if ! [ -x "$py" ] || ! "$py" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; then
        command -v python3.11 >/dev/null || die "python3.11 not found (Debian package python3.11)"
        log "creating the virtualenv $SARABAN_VENV (Python 3.11)"
        rm -rf "$SARABAN_VENV"
        mkdir -p "$(dirname "$SARABAN_VENV")"
        python3.11 -m venv "$SARABAN_VENV"
    fi

    local pip=("$py" -m pip --disable-pip-version-check --no-input)
    log "installing Python requirements into $SARABAN_VENV"
    "${pip[@]}" install -q 'setuptools<70' wheel

    # Odoo pins cbor2==5.4.2 for Python < 3.12, whose sdist no longer builds
    # correctly; 5.6.5 is API-compatible and ships wheels.
    local odoo_req
    odoo_req="$(mktemp "${TMPDIR:-/tmp}/saraban-odoo-req.XXXXXX")"
    # shellcheck disable=SC2064
    trap "rm -f '$odoo_req'" EXIT
    sed -E 's/^cbor2==5\.4\.[0-9]+/cbor2==5.6.5/' "$ODOO_SRC/requirements.txt" >"$odoo_req"
    # Old sdists in Odoo's pins need the venv's setuptools<70, hence no build isolation.
    "${pip[@]}" install -q --no-build-isolation -r "$odoo_req"
    "${pip[@]}" install -q --no-build-isolation -r "$SARABAN_ROOT/requirements.txt"
    echo "$stamp" >"$stamp_file"
    log "virtualenv ready"
}

# 4. PostgreSQL --------------------------------------------------------------
pg_answers() { pg_isready -q -h "$1" -p "$2" -t 3 >/dev/null 2>&1; }

# Use the server on $PGHOST:$PGPORT; make sure the role exists.
setup_pg_external() {
    local role="${PGUSER:-$(id -un)}"
    [ "$role" = postgres ] && die "Odoo refuses to connect as 'postgres'.
    Set PGUSER to another (superuser or CREATEDB) role, e.g. PGUSER=$(id -un) after
    runuser -u postgres -- createuser -s $(id -un)"

    if ! psql -X -h "$PGHOST" -p "$PGPORT" -U "$role" -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
        case "$PGHOST" in 127.0.0.1 | localhost | ::1 | /*) local_server=1 ;; *) local_server=0 ;; esac
        # As the postgres OS user, through the local socket (peer authentication).
        local as_postgres=(runuser -u postgres -- env -u PGHOST -u PGUSER -u PGPASSWORD -u PGDATABASE)
        if [ "$local_server" = 1 ] && is_root && getent passwd postgres >/dev/null &&
            "${as_postgres[@]}" psql -X -p "$PGPORT" -U postgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
            log "creating PostgreSQL role '$role' (superuser) through the postgres OS user"
            "${as_postgres[@]}" createuser -p "$PGPORT" -U postgres -s "$role" || true
        fi
        psql -X -h "$PGHOST" -p "$PGPORT" -U "$role" -d postgres -tAc 'SELECT 1' >/dev/null 2>&1 || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as role '$role'.
    Create the role (e.g. sudo -u postgres createuser -s $role), or set PGUSER/PGPASSWORD
    to a role that may create databases."
    fi
    local can_create
    can_create="$(psql -X -h "$PGHOST" -p "$PGPORT" -U "$role" -d postgres -tAc \
        "SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user")"
    [ "$can_create" = t ] || die "PostgreSQL role '$role' may not create databases (grant CREATEDB or use another PGUSER)"
    PGUSER="$role"
    PG_PRIVATE=0
}

# No server answers: run a private cluster under the project data directory.
setup_pg_private() {
    local port="${SARABAN_PG_PORT:-55432}" user dir
    [ -x "$PG_BINDIR/initdb" ] || die "no PostgreSQL server answers on $PGHOST:$PGPORT and $PG_BINDIR/initdb is missing.
    Install PostgreSQL 15 (apt-get install postgresql-15) or point PGHOST/PGPORT/PGUSER at a server."
    user="$(pg_os_user)"
    if is_root && ! getent passwd "$user" >/dev/null; then
        log "creating system user '$user' to own the private PostgreSQL cluster"
        useradd --system --user-group --home-dir /nonexistent --no-create-home \
            --shell /usr/sbin/nologin "$user"
    fi

    dir="$SARABAN_DATA/pg"
    mkdir -p "$dir"
    # The cluster's OS user must be able to reach the directory (e.g. a
    # checkout under /root is not): fall back to a per-checkout directory in /var/tmp.
    if is_root && ! runuser -u "$user" -- test -x "$dir"; then
        dir="/var/tmp/saraban-pg-$(printf '%s' "$SARABAN_DATA" | sha256sum | cut -c1-12)"
        log "$SARABAN_DATA is not reachable by OS user '$user': using $dir for the private cluster"
        mkdir -p "$dir"
    fi
    SARABAN_PG_DIR="$dir"
    is_root && chown "$user:" "$dir"

    if [ ! -f "$dir/data/PG_VERSION" ]; then
        log "creating a private PostgreSQL cluster in $dir (superuser role 'odoo')"
        rm -rf "$dir/data"
        as_pg_user "$PG_BINDIR/initdb" -D "$dir/data" -U odoo -E UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=trust >"$dir/initdb.log" 2>&1 ||
            die "initdb failed, see $dir/initdb.log"
        local sockdir="$dir/run"
        as_pg_user mkdir -p "$sockdir"
        # Unix socket paths are limited to 107 bytes: without room, TCP only.
        [ ${#sockdir} -gt 90 ] && sockdir=""
        as_pg_user tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF

# e-Saraban private development cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockdir'
max_connections = 200
synchronous_commit = off
EOF
    fi

    if as_pg_user "$PG_BINDIR/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        pg_answers 127.0.0.1 "$port" || die "the private cluster in $dir runs, but not on port $port (SARABAN_PG_PORT changed?): stop it with 'make pg-stop'"
    else
        pg_answers 127.0.0.1 "$port" && die "port $port is used by another server: set SARABAN_PG_PORT to a free port"
        log "starting the private PostgreSQL cluster on 127.0.0.1:$port"
        as_pg_user "$PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
            -o "-p $port" start >/dev/null || die "the private cluster did not start, see $dir/postgres.log"
    fi
    PGHOST=127.0.0.1
    PGPORT="$port"
    PGUSER=odoo
    PG_PRIVATE=1
}

setup_postgres() {
    PGHOST="${PGHOST:-127.0.0.1}"
    PGPORT="${PGPORT:-5432}"
    SARABAN_PG_DIR=""
    if pg_answers "$PGHOST" "$PGPORT"; then
        setup_pg_external
    else
        log "no PostgreSQL server answers on $PGHOST:$PGPORT: using a private cluster"
        setup_pg_private
    fi
}

write_env() {
    local odoo_data
    # Odoo's data directory (filestore, sessions): next to the databases.
    if [ "$PG_PRIVATE" = 1 ]; then
        odoo_data="$SARABAN_DATA/odoo"
    else
        odoo_data="$HOME/.local/share/Odoo"
    fi
    local tmp="$SARABAN_ENV_FILE.tmp.$$"
    {
        echo "# Written by scripts/setup.sh; regenerated on every run."
        printf 'export %s=%q\n' \
            SARABAN_ROOT "$SARABAN_ROOT" \
            SARABAN_DATA "$SARABAN_DATA" \
            ODOO_SRC "$ODOO_SRC" \
            SARABAN_VENV "$SARABAN_VENV" \
            VENV "$SARABAN_VENV" \
            PGHOST "$PGHOST" \
            PGPORT "$PGPORT" \
            PGUSER "$PGUSER" \
            SARABAN_PG_PRIVATE "$PG_PRIVATE" \
            SARABAN_PG_DIR "$SARABAN_PG_DIR" \
            SARABAN_ODOO_DATA "$odoo_data"
    } >"$tmp"
    mv "$tmp" "$SARABAN_ENV_FILE"
}

main() {
    mkdir -p "$SARABAN_DATA"
    setup_debian_packages
    setup_odoo_source
    setup_venv
    setup_postgres
    write_env
    log "ready: Odoo $ODOO_SRC, venv $SARABAN_VENV, PostgreSQL $PGUSER@$PGHOST:$PGPORT$([ "$PG_PRIVATE" = 1 ] && echo ' (private cluster)')"
}

main "$@"
