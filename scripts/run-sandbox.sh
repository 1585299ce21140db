#!/usr/bin/env bash
# Installs what Ramal Desktop needs and starts it on the embedded sandbox (no account needed),
# with its simulated call-centre traffic running (`--no-traffic` starts it quiet).
# Extra arguments go to the app, e.g. `scripts/run-sandbox.sh --dial 4001`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap test run
# Chromium refuses to start as root without its sandbox disabled.
if [ "$(id -u)" -eq 0 ]; then
  export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:-} --no-sandbox"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run-sandbox: no display found, running inside Xvfb" >&2
  exec xvfb-run -a -s "-screen 0 1366x768x24" "$VENV/bin/ramal-desktop" --sandbox "$@"
fi
exec "$VENV/bin/ramal-desktop" --sandbox "$@"
