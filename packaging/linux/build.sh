#!/usr/bin/env bash
# Builds the Linux tarball dist/screenpop-<version>-linux-<arch>.tar.gz: the frozen one-folder
# app (no Python needed on the target), its desktop entry, AppStream metainfo, hicolor icons
# and install.sh (per-user, no root). From a checkout after packaging/linux/bootstrap.sh:
#
#   packaging/linux/build.sh [--frozen DIR] [--out DIR]
#
# --frozen DIR  package an app PyInstaller already built (DIR/screenpop is its executable)
#               instead of building it again; --out DIR  where the tarball goes (dist).
# GZIP_LEVEL (default 9) trades size for time.
set -euo pipefail
cd "$(dirname "$0")/../.."

python=${PYTHON:-.venv/bin/python}
frozen=""
out=dist
while [ $# -gt 0 ]; do
  case $1 in
    --frozen) frozen=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

app_id=no.screenpop.Screenpop
version=$("$python" packaging/pyinstaller/spec_support.py)
name=screenpop-$version-linux-$(uname -m)

if [ -z "$frozen" ]; then
  "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath build/pyinstaller/dist --workpath build/pyinstaller/work \
    packaging/pyinstaller/screenpop.spec
  frozen=build/pyinstaller/dist/screenpop
fi
[ -x "$frozen/screenpop" ] || { echo "build.sh: no frozen app in $frozen" >&2; exit 1; }
built=$("$frozen/screenpop" --version)
[ "$built" = "screenpop $version" ] || {
  echo "build.sh: $frozen is $built, the checkout is $version: build it again" >&2
  exit 1
}

stage=build/linux-tarball
rm -rf "$stage"
mkdir -p "$stage/$name/share/applications" "$stage/$name/share/metainfo" "$stage/$name/share/icons"
"$python" packaging/generate.py --out "$stage/generated" >/dev/null
cp -R "$frozen" "$stage/$name/screenpop"
cp "packaging/linux/$app_id.desktop" "$stage/$name/share/applications/"
cp "packaging/linux/$app_id.metainfo.xml" "$stage/$name/share/metainfo/"
cp -R "$stage/generated/icons/hicolor" "$stage/$name/share/icons/"
cp packaging/linux/install.sh "$stage/$name/"
chmod +x "$stage/$name/install.sh"

mkdir -p "$out"
tarball="$out/$name.tar.gz"
# Sorted, with fixed owners: the same inputs give the same listing.
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$name" \
  | gzip -n "-${GZIP_LEVEL:-9}" >"$tarball.part"
mv "$tarball.part" "$tarball"
echo "$(cd "$out" && pwd)/$name.tar.gz"
