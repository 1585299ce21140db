#!/usr/bin/env bash
# Builds the macOS artefacts into packaging/dist/:
#   Ramal Desktop.app                        (Info.plist: version, tel:/callto: URL types,
#                                             NSMicrophoneUsageDescription)
#   ramal-desktop-<version>-macos-<arch>.dmg (the .app and an Applications link)
# Needs: the project and its `packaging` extra installed in the current python3 (Pillow
# converts the icon), compiled .qm translations.
# Signing, when MACOS_CERT_P12_BASE64, MACOS_CERT_PASSWORD and MACOS_SIGN_IDENTITY are set:
# hardened runtime with entitlements.plist. Notarization, when APPLE_ID,
# APPLE_TEAM_ID and APPLE_APP_PASSWORD are set too. Both are skipped otherwise.
# --dry-run checks the input files and prints every command instead of running it (works
# on any OS; the release workflow's Linux test runs it).
set -euo pipefail

DRY_RUN=""
case "${1:-}" in
  --dry-run) DRY_RUN=1 ;;
  "") ;;
  *) echo "usage: build-macos.sh [--dry-run]" >&2; exit 2 ;;
esac
run() {  # run COMMAND ARGS...: runs it, or with --dry-run prints it (quoted)
  if [ -n "$DRY_RUN" ]; then printf 'dry-run:'; printf ' %q' "$@"; printf '\n'; else "$@"; fi
}

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PACKAGING="$(cd "$HERE/.." && pwd)"
DIST="$PACKAGING/dist"
PYTHON="${PYTHON:-python3}"
VERSION="$("$PYTHON" "$PACKAGING/version.py")"
APP="$DIST/Ramal Desktop.app"
DMG="$DIST/ramal-desktop-$VERSION-macos-$(uname -m).dmg"
for input in "$PACKAGING/ramal-desktop.spec" "$HERE/entitlements.plist" "$HERE/Info-url-types.plist"; do
  [ -f "$input" ] || { echo "build-macos: missing $input" >&2; exit 1; }
done

echo "build-macos: Ramal Desktop $VERSION" >&2
run "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$PACKAGING/build/pyinstaller" "$PACKAGING/ramal-desktop.spec"
run /usr/libexec/PlistBuddy -c "Print :NSMicrophoneUsageDescription" "$APP/Contents/Info.plist" >/dev/null

sign() {  # sign PATH [entitlements]
  local args=(--force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY")
  [ $# -gt 1 ] && args+=(--entitlements "$2")
  run codesign "${args[@]}" "$1"
}

TMP="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
if [ -n "${MACOS_CERT_P12_BASE64:-}" ] && [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -z "$DRY_RUN" ]; then
  keychain="$TMP/signing.keychain-db"
  keychain_password="$(uuidgen)"
  echo "$MACOS_CERT_P12_BASE64" | base64 --decode >"$TMP/cert.p12"
  security create-keychain -p "$keychain_password" "$keychain"
  security set-keychain-settings -lut 21600 "$keychain"
  security unlock-keychain -p "$keychain_password" "$keychain"
  security import "$TMP/cert.p12" -P "${MACOS_CERT_PASSWORD:-}" -A -t cert -f pkcs12 -k "$keychain"
  security set-key-partition-list -S apple-tool:,apple: -k "$keychain_password" "$keychain" >/dev/null
  security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
  rm "$TMP/cert.p12"
  # Inside out: libraries, then helper executables (QtWebEngineProcess), then the app.
  while IFS= read -r -d '' f; do sign "$f"; done < <(
    find "$APP/Contents" -type f \( -name '*.dylib' -o -name '*.so' \) -print0)
  while IFS= read -r -d '' f; do sign "$f" "$HERE/entitlements.plist"; done < <(
    find "$APP/Contents" -path '*QtWebEngineProcess.app' -type d -print0)
  while IFS= read -r -d '' f; do sign "$f"; done < <(
    find "$APP/Contents" -name '*.framework' -type d -prune -print0)
  sign "$APP" "$HERE/entitlements.plist"
  codesign --verify --deep --strict "$APP"
elif [ -n "$DRY_RUN" ]; then
  echo "build-macos: dry run, no keychain and nothing to sign" >&2
else
  echo "build-macos: signing secrets not set, building unsigned" >&2
fi

staging="$PACKAGING/build/dmg"
run rm -rf "$staging" "$DMG"
run mkdir -p "$staging"
run cp -R "$APP" "$staging/"
run ln -s /Applications "$staging/Applications"
run hdiutil create -volname "Ramal Desktop" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_CERT_P12_BASE64:-}" ]; then
  run codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
  if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    run xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
      --password "$APPLE_APP_PASSWORD" --wait
    run xcrun stapler staple "$DMG"
  else
    echo "build-macos: notarization secrets not set, skipping notarization" >&2
  fi
fi
echo "build-macos: $DMG" >&2
