#!/usr/bin/env bash
# Packs a PyInstaller one-folder build into a .deb.
# Usage: make-deb.sh ONEDIR VERSION OUTDIR
# Layout: /opt/ramal-desktop (the build), /usr/bin/ramal-desktop (symlink),
# /usr/share/applications/br.com.ramaldesktop.RamalDesktop.desktop (tel:/callto: MimeType),
# /usr/share/icons/hicolor/{256x256,scalable}/apps/ramal-desktop.{png,svg},
# /usr/lib/udev/rules.d/70-ramal-desktop-headsets.rules (headset buttons and lights).
# Depends: computed with dpkg-shlibdeps from the libraries the build links but does not
# ship, plus the ones Qt opens at run time without linking them, unless the build carries
# them: Depends lists only what the bundle does not carry.
set -euo pipefail

ONEDIR="$(cd "$1" && pwd)"
VERSION="$2"
OUTDIR="$(mkdir -p "$3" && cd "$3" && pwd)"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/../build/deb"
ARCH="$(dpkg --print-architecture)"
STAGE="$WORK/ramal-desktop_${VERSION}_${ARCH}"
# The application id (desktop/app_id.py) names the desktop entry.
APP_ID="br.com.ramaldesktop.RamalDesktop"
# Opened with dlopen (no DT_NEEDED entry), so dpkg-shlibdeps cannot see them.
RUNTIME_EXTRA=(libgl1 libegl1 libxcb-cursor0 libpulse0)

rm -rf "$WORK"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/lib/udev/rules.d"
cp -a "$ONEDIR" "$STAGE/opt/ramal-desktop"
ln -s /opt/ramal-desktop/ramal-desktop "$STAGE/usr/bin/ramal-desktop"
install -m 644 "$HERE/$APP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 644 "$ROOT/resources/icons/app/ramal-desktop-256.png" \
  "$STAGE/usr/share/icons/hicolor/256x256/apps/ramal-desktop.png"
install -m 644 "$ROOT/resources/icons/app/ramal-desktop.svg" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps/ramal-desktop.svg"
install -m 644 "$HERE/70-ramal-desktop-headsets.rules" "$STAGE/usr/lib/udev/rules.d/"
install -m 755 "$HERE/postinst" "$HERE/postrm" "$STAGE/DEBIAN/"

# dpkg-shlibdeps wants a source tree; libraries found inside the build need no package.
elves=()
while IFS= read -r -d '' f; do
  if head -c 4 "$f" | grep -q $'\x7fELF'; then elves+=("$f"); fi
done < <(find "$STAGE/opt/ramal-desktop" -type f -print0)
mkdir -p "$WORK/src/debian"
printf 'Source: ramal-desktop\n\nPackage: ramal-desktop\nArchitecture: any\n' >"$WORK/src/debian/control"
libdirs=()
while IFS= read -r d; do libdirs+=("-l$d"); done < <(
  find "$STAGE/opt/ramal-desktop" -name '*.so*' -printf '%h\n' | sort -u)
shlibdeps="$(cd "$WORK/src" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 \
  "${libdirs[@]}" "${elves[@]}" 2>"$WORK/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')"
[ -n "$shlibdeps" ] || { cat "$WORK/shlibdeps.log" >&2; echo "make-deb: dpkg-shlibdeps failed" >&2; exit 1; }
depends="$shlibdeps"
carried="$(find "$STAGE/opt/ramal-desktop" -name '*.so*' -printf '%f\n' | sort -u)"
for pkg in "${RUNTIME_EXTRA[@]}"; do
  case ", $depends," in *", $pkg "* | *", $pkg,"*) continue ;; esac
  # Skip a package whose libraries the build already carries (when it is installed here).
  if dpkg -L "$pkg" 2>/dev/null | sed -n 's|.*/||p' | grep '\.so' | grep -qxF -f - <(echo "$carried"); then
    echo "make-deb: $pkg left out of Depends: the build carries its libraries" >&2
    continue
  fi
  depends="$depends, $pkg"
done

sed -e "s|@VERSION@|$VERSION|" -e "s|@ARCH@|$ARCH|" -e "s|@DEPENDS@|$depends|" \
  -e "s|@MAINTAINER@|${RAMAL_DEB_MAINTAINER:-Ramal Desktop <ramal-desktop@localhost>}|" \
  -e "s|@INSTALLED_SIZE@|$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)|" \
  "$HERE/control.in" >"$STAGE/DEBIAN/control"

DEB="$OUTDIR/ramal-desktop_${VERSION}_${ARCH}.deb"
# Threads where dpkg-deb supports them (1.21.9+); older ones ignore the variable.
DPKG_DEB_THREADS_MAX=2 dpkg-deb --root-owner-group -Zxz -z9 --build "$STAGE" "$DEB" >/dev/null
echo "make-deb: $DEB" >&2
