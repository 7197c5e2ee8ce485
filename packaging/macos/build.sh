#!/usr/bin/env bash
# Builds the macOS app and disk image dist/screenpop-<version>-macos-<arch>.dmg on a Mac with
# Python 3.11+ (python.org or Homebrew) and the Xcode command line tools:
#
#   packaging/macos/build.sh
#
# The bundle (Screenpop.app) is a menu-bar app (LSUIElement) that opens tel:, callto:, sip:
# and sips: links; its Info.plist comes from packaging/pyinstaller/spec_support.py with the
# version of desktop/screenpop/__init__.py. It is signed with CODESIGN_IDENTITY (a
# "Developer ID Application: …" identity) when set, else ad hoc (runs on the machine that
# built it; other Macs need the Developer ID signature). With NOTARY_PROFILE set (a
# `xcrun notarytool store-credentials` profile) the disk image is notarized and stapled.
# The command line inside the bundle: Screenpop.app/Contents/MacOS/screenpop --help
set -euo pipefail
cd "$(dirname "$0")/../.."

python=${PYTHON:-.venv/bin/python}
if [ ! -x "$python" ]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[package]'
fi

version=$("$python" packaging/pyinstaller/spec_support.py)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath build/pyinstaller/dist --workpath build/pyinstaller/work \
  packaging/pyinstaller/screenpop.spec

app=build/pyinstaller/dist/Screenpop.app
plist=$app/Contents/Info.plist
plutil -lint "$plist"
built=$("$app/Contents/MacOS/screenpop" --version)
[ "$built" = "screenpop $version" ] || { echo "build.sh: the app says $built" >&2; exit 1; }
bundle_version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$plist")
[ "$bundle_version" = "$version" ] || { echo "build.sh: Info.plist says $bundle_version" >&2; exit 1; }

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
else
  codesign --force --deep --sign - "$app"
fi
codesign --verify --deep --strict "$app"

stage=build/macos-dmg
rm -rf "$stage"
mkdir -p "$stage" dist
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg=dist/screenpop-$version-macos-$(uname -m).dmg
hdiutil create -volname "Screenpop $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "${NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
fi
echo "$(pwd)/$dmg"
