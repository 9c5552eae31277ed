#!/usr/bin/env bash
# `make bench`: run the benchmarks in tests/bench/ (pytest, output not captured).
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
exec "$SARABAN_VENV/bin/python" -m pytest tests/bench -s -p no:cacheprovider "$@"
