#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for Screenpop: the system libraries Qt needs, then a
# virtual environment in .venv with the app (and, with --tests, what the tests need: Xvfb, a
# tray, a SIP softphone and load generator). Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

tests=false
[ "${1:-}" = "--tests" ] && tests=true

packages=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libegl1 libgl1
  libfontconfig1 libdbus-1-3 fonts-dejavu-core python3-venv)
if $tests; then
  # xdg-utils: `screenpop configure --register-links` is tested with the real xdg-mime
  packages+=(xvfb trayer xdotool x11-utils imagemagick baresip-core sip-tester xdg-utils)
  # tests/packaging: the Linux files' validators; PyInstaller reads libraries with objdump
  packages+=(desktop-file-utils appstream binutils)
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if $tests; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi
# The UI's translations: compiled .qm beside their .ts sources (build output, never committed;
# packaging/generate.py does the same for the frozen build). A fraction of a second.
.venv/bin/pyside6-lrelease -silent resources/translations/*.ts
