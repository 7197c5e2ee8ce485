"""The macOS bundle's Info.plist (from spec_support) and build.sh, checked against the app:
a Mac is needed to build them, not to know what they must say."""

from __future__ import annotations

import plistlib
import re
import subprocess
from types import ModuleType

from screenpop import __version__
from screenpop.integration.identity import APP_ID, APP_NAME, EXECUTABLE, URL_SCHEMES
from tests.packaging.support import PACKAGING

BUILD_SH = PACKAGING / "macos" / "build.sh"


def test_info_plist_is_a_menu_bar_app_that_opens_call_links(spec_support: ModuleType) -> None:
    info = spec_support.info_plist(spec_support.read_version())
    # Only types a plist can hold (PyInstaller writes it with plistlib).
    info = plistlib.loads(plistlib.dumps(info))
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleName"] == APP_NAME
    assert info["CFBundleExecutable"] == EXECUTABLE
    assert info["CFBundleShortVersionString"] == __version__
    assert info["CFBundleVersion"] == __version__
    assert info["LSUIElement"] is True
    assert "LSBackgroundOnly" not in info
    schemes = [scheme for kind in info["CFBundleURLTypes"] for scheme in kind["CFBundleURLSchemes"]]
    assert schemes == list(URL_SCHEMES)
    assert {"tel", "callto", "sip"} <= set(schemes)
    assert all(kind["CFBundleURLName"].startswith(APP_ID) for kind in info["CFBundleURLTypes"])


def test_the_bundle_program_is_not_a_console_one(spec_support: ModuleType) -> None:
    # PyInstaller marks a console program's bundle LSBackgroundOnly: no windows, no pops.
    assert spec_support.executables("darwin") == [(EXECUTABLE, False)]


def test_build_sh_builds_checks_and_packs_the_bundle() -> None:
    script = BUILD_SH.read_text(encoding="utf-8")
    assert subprocess.run(["bash", "-n", str(BUILD_SH)], check=False).returncode == 0
    assert "packaging/pyinstaller/spec_support.py" in script
    assert "packaging/pyinstaller/screenpop.spec" in script
    assert f"app=build/pyinstaller/dist/{APP_NAME}.app" in script
    assert f'"$app/Contents/MacOS/{EXECUTABLE}" --version' in script
    assert "Print :CFBundleShortVersionString" in script
    assert re.search(r"hdiutil create .*-format UDZO", script)
    assert "dmg=dist/screenpop-$version-macos-$(uname -m).dmg" in script
    assert "codesign --verify" in script
