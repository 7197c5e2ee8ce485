#!/bin/sh
# Installs Screenpop for the current user, without root, from the unpacked tarball:
#
#   ./install.sh [--no-links]     install or upgrade
#   ~/.local/lib/screenpop/uninstall.sh   (or ./install.sh --uninstall) remove it again
#
# The app goes to ~/.local/lib/screenpop with `screenpop` on ~/.local/bin; its desktop entry,
# AppStream metainfo and icons to $XDG_DATA_HOME (~/.local/share). The entry claims tel:,
# callto:, sip: and sips: links, and the app becomes their default handler in
# $XDG_CONFIG_HOME/mimeapps.list unless --no-links is given. Settings, cache and logs
# (~/.local/share/screenpop) are the user's and are kept on uninstall. PREFIX moves the
# program (default ~/.local); nothing here needs Python.
set -eu

APP_ID=no.screenpop.Screenpop
SCHEMES="tel callto sip sips"

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
config_home=${XDG_CONFIG_HOME:-$HOME/.config}
lib=$prefix/lib/screenpop
bin=$prefix/bin
desktop_file=$data_home/applications/$APP_ID.desktop
mimeapps=$config_home/mimeapps.list

mode=do_install
links=true
[ "$(basename "$0")" = uninstall.sh ] && mode=do_uninstall
for arg in "$@"; do
  case $arg in
    --uninstall) mode=do_uninstall ;;
    --no-links) links=false ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

refresh_caches() {
  # Desktops read these caches; without the tools they rescan on their own, just later.
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data_home/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$data_home/icons/hicolor" 2>/dev/null || true
  fi
}

# With an id: our entry becomes the default for the schemes (first in [Default Applications]).
# Without: our entry is taken out of those lines. Other lines and groups are kept as they were.
set_links() { # $1: desktop id, or "" to remove ours
  mkdir -p "$config_home"
  [ -f "$mimeapps" ] || : >"$mimeapps"
  tmp="$mimeapps.screenpop.$$"
  awk -v id="$1" -v ours="$APP_ID.desktop" -v schemes="$SCHEMES" '
    BEGIN { n = split(schemes, s, " "); for (i = 1; i <= n; i++) key["x-scheme-handler/" s[i]] = 1 }
    function add() { if (id != "" && !added) { for (i = 1; i <= n; i++) print "x-scheme-handler/" s[i] "=" id; added = 1 } }
    /^\[/ { group = $0; print; if (group == "[Default Applications]") add(); next }
    group == "[Default Applications]" && index($0, "=") > 0 {
      k = substr($0, 1, index($0, "=") - 1); v = substr($0, index($0, "=") + 1)
      if (k in key) {
        if (id != "") next
        m = split(v, ids, ";"); rest = ""
        for (j = 1; j <= m; j++) if (ids[j] != "" && ids[j] != ours) rest = rest ids[j] ";"
        if (rest != "") print k "=" rest
        next
      }
    }
    { print }
    END { if (id != "" && !added) { if (NR) print ""; print "[Default Applications]"; add() } }
  ' "$mimeapps" >"$tmp"
  mv "$tmp" "$mimeapps"
}

do_uninstall() {
  rm -f "$desktop_file" "$data_home/metainfo/$APP_ID.metainfo.xml"
  rm -f "$config_home/autostart/$APP_ID.desktop"
  find "$data_home/icons/hicolor" -name "$APP_ID.*" -type f -exec rm -f {} + 2>/dev/null || true
  [ -f "$mimeapps" ] && set_links ""
  if [ -L "$bin/screenpop" ] && [ "$(readlink "$bin/screenpop")" = "$lib/screenpop" ]; then
    rm -f "$bin/screenpop"
  fi
  rm -rf "$lib"
  refresh_caches
  echo "Screenpop is uninstalled. Your settings and cache are kept in $data_home/screenpop."
}

# An Exec argument in double quotes: \ " ` $ escaped for the quotes, % doubled, then every \
# doubled again for the desktop entry string (Desktop Entry Specification, "The Exec key").
exec_quote() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g' -e 's/\\/\\\\/g')"
}

do_install() {
  [ -x "$here/screenpop/screenpop" ] || {
    echo "install.sh: run me from the unpacked tarball (screenpop/screenpop is missing)" >&2
    exit 1
  }
  mkdir -p "$prefix/lib" "$bin" "$data_home/applications" "$data_home/metainfo"
  # Copy first, then swap: a running app keeps its old files until it restarts.
  rm -rf "$lib.new" "$lib.old"
  cp -R "$here/screenpop" "$lib.new"
  cp "$here/install.sh" "$lib.new/uninstall.sh"
  [ -d "$lib" ] && mv "$lib" "$lib.old"
  mv "$lib.new" "$lib"
  rm -rf "$lib.old"
  ln -sfn "$lib/screenpop" "$bin/screenpop"

  exec_line="$(exec_quote "$lib/screenpop") %u"
  sed "s|^Exec=.*|Exec=$(printf '%s' "$exec_line" | sed 's/[&|\\]/\\&/g')|" \
    "$here/share/applications/$APP_ID.desktop" >"$desktop_file.new"
  mv "$desktop_file.new" "$desktop_file"
  cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$data_home/metainfo/"
  mkdir -p "$data_home/icons"
  cp -R "$here/share/icons/hicolor" "$data_home/icons/"
  if $links; then set_links "$APP_ID.desktop"; fi
  # A start-at-login entry from an older install points at the same path: nothing to do.
  refresh_caches
  echo "Screenpop $("$lib/screenpop" --version | cut -d' ' -f2) is installed in $lib."
  case ":$PATH:" in
    *":$bin:"*) ;;
    *) echo "Add $bin to your PATH to run \`screenpop\` from a terminal." ;;
  esac
  echo "Start it from your applications menu, or run: $bin/screenpop"
}

$mode
