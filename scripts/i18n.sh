#!/usr/bin/env bash
# `make i18n`: refresh each addon's translation template and Thai catalogue.
#   i18n/<addon>.pot  is exported from a scratch database with the addons installed;
#   i18n/th.po        is merged with it: existing Thai translations are kept,
#                     new terms are added untranslated, vanished terms dropped.
# Untranslated terms are listed at the end; translate them in th.po.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_setup

DB="${SARABAN_I18N_DB:-saraban_i18n}"
ADDONS="${SARABAN_I18N_ADDONS:-$(saraban_addons)}"
drop_db "$DB"
bash "$SARABAN_ROOT/scripts/odoo.sh" -d "$DB" -i "$ADDONS" --without-demo=all \
    --stop-after-init --http-port="$(free_port)" --log-level=warn
IFS=, read -ra modules <<<"$ADDONS"
for m in "${modules[@]}"; do
    mkdir -p "$SARABAN_ROOT/$m/i18n"
    bash "$SARABAN_ROOT/scripts/odoo.sh" -d "$DB" --modules="$m" \
        --i18n-export="$SARABAN_ROOT/$m/i18n/$m.pot" --stop-after-init \
        --http-port="$(free_port)" --log-level=warn
done
drop_db "$DB"
"$SARABAN_VENV/bin/python" "$SARABAN_ROOT/scripts/i18n_merge.py" "${modules[@]/#/$SARABAN_ROOT/}"
