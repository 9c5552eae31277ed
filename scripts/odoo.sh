#!/usr/bin/env bash
# Run Odoo 18 with the project's addons path and database settings:
#     scripts/odoo.sh -d DB [odoo-bin options...]
#     scripts/odoo.sh shell -d DB
# Settings come from $SARABAN_DATA/env.sh (written by scripts/setup.sh).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_env

# The project's addons live directly at the repository root (next to tests/,
# docker/, scripts/, which have no manifest and are ignored by Odoo).
addons_path="--addons-path=$ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$SARABAN_ROOT"
server_opts=(
    "--db_host=$PGHOST" "--db_port=$PGPORT" "--db_user=$PGUSER"
    "--data-dir=$SARABAN_ODOO_DATA"
)

cmd=()
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
    # odoo-bin sub-command (shell, db, neutralize, scaffold, ...)
    cmd=("$1")
    shift
    case "${cmd[0]}" in
        shell | server | db | populate | neutralize | obfuscate) ;;
        *) server_opts=() ;;
    esac
fi

exec "$SARABAN_VENV/bin/python" "$ODOO_SRC/odoo-bin" "$addons_path" ${cmd[@]+"${cmd[@]}"} \
    ${server_opts[@]+"${server_opts[@]}"} "$@"
