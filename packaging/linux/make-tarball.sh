#!/usr/bin/env bash
# Packs a PyInstaller one-folder build into a portable tarball.
# Usage: make-tarball.sh ONEDIR VERSION OUTDIR
# The archive holds ramal-desktop-<version>/ with the build, the desktop entry and icons;
# unpack anywhere and run ./ramal-desktop (see packaging/README.md for menu/tel: setup).
set -euo pipefail

ONEDIR="$(cd "$1" && pwd)"
VERSION="$2"
OUTDIR="$(mkdir -p "$3" && cd "$3" && pwd)"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/../build/tarball"
ARCH="$(uname -m)"
NAME="ramal-desktop-$VERSION"
# The application id (desktop/app_id.py) names the desktop entry.
APP_ID="br.com.ramaldesktop.RamalDesktop"

rm -rf "$WORK"
mkdir -p "$WORK"
cp -a "$ONEDIR" "$WORK/$NAME"
mkdir -p "$WORK/$NAME/share"
cp "$HERE/$APP_ID.desktop" "$ROOT/resources/icons/app/ramal-desktop.svg" \
  "$ROOT/resources/icons/app/ramal-desktop-256.png" "$WORK/$NAME/share/"
TARBALL="$OUTDIR/$NAME-linux-$ARCH.tar.gz"
tar -C "$WORK" --owner=0 --group=0 -czf "$TARBALL" "$NAME"
echo "make-tarball: $TARBALL" >&2
