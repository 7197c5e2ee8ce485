"""What screenpop.spec builds, as plain data: the spec and tests/packaging both read it here.

No PyInstaller imports, so the tests can check the build's inputs (version, names, schemes,
the files it ships) without building.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))

from screenpop.integration.identity import (  # noqa: E402
    APP_FULL_NAME,
    APP_ID,
    APP_NAME,
    CLI_EXECUTABLE,
    EXECUTABLE,
    URL_SCHEMES,
)

SCRIPT = ROOT / "desktop" / "screenpop" / "__main__.py"
RESOURCES = ROOT / "resources"
GENERATED = ROOT / "build" / "generated"
ICONS = GENERATED / "icons"
# Only what the code imports (tests/packaging checks this against desktop/): every other Qt
# module stays out of the build, with its libraries and plugins.
QT_MODULES = ("QtCore", "QtGui", "QtNetwork", "QtSvg", "QtWidgets")
# Not imported by the app, but pulled in by optional imports of its dependencies (pygments:
# by httpx's own command line, which the app never runs).
EXCLUDES = ("tkinter", "pytest", "hypothesis", "mypy", "IPython", "numpy", "pygments")
# Kept out of the shipped resources: documentation pictures and translation sources.
_NOT_SHIPPED_DIRS = {"screenshots"}
_NOT_SHIPPED_SUFFIXES = {".ts"}
COPYRIGHT = f"© {APP_FULL_NAME} contributors"


def read_version(root: Path = ROOT) -> str:
    """``__version__`` from the package, read as text (the one place it lives)."""
    text = (root / "desktop" / "screenpop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if not found:
        raise SystemExit('desktop/screenpop/__init__.py has no __version__ = "…" line')
    return found.group(1)


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """``1.2.3`` (or ``1.2.3rc1``, ``1.2``) as the four numbers Windows file versions need."""
    found = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", version)
    if not found:
        raise ValueError(f"{version!r} does not start with a version number")
    major, minor, patch = (int(part or 0) for part in found.groups())
    return major, minor, patch, 0


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(file, folder in the app) for every resource the app ships, compiled ``*.qm``
    translations included; the app finds them under ``resources/`` (screenpop.integration.resources)."""
    resources = root / "resources"
    datas = []
    for path in sorted(resources.rglob("*")):
        relative = path.relative_to(resources)
        if not path.is_file() or relative.parts[0] in _NOT_SHIPPED_DIRS:
            continue
        if path.suffix in _NOT_SHIPPED_SUFFIXES:
            continue
        datas.append((str(path), str(Path("resources", *relative.parts[:-1]))))
    return datas


def qt_excludes(available: list[str]) -> list[str]:
    """Every PySide6 module the app does not use, so no hook drags one in."""
    return [f"PySide6.{name}" for name in available if name not in QT_MODULES]


def info_plist(version: str) -> dict[str, object]:
    """Info.plist keys for the macOS bundle (merged over PyInstaller's own)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": APP_ID,
        "CFBundleExecutable": EXECUTABLE,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHumanReadableCopyright": COPYRIGHT,
        # A menu-bar app: no Dock icon, no app menu; windows still open.
        "LSUIElement": True,
        "LSMinimumSystemVersion": "11.0",
        "NSHighResolutionCapable": True,
        # tel:, callto:, sip: and sips: links open the app (Qt hands them over as
        # QFileOpenEvent with the URL).
        "CFBundleURLTypes": [
            {
                "CFBundleURLName": f"{APP_ID}.{scheme}",
                "CFBundleURLSchemes": [scheme],
                "CFBundleTypeRole": "Viewer",
            }
            for scheme in URL_SCHEMES
        ],
    }


def windows_version_info(version: str) -> str:
    """The executables' version resource (Explorer's Details tab, IT inventory tools), in
    the text form PyInstaller's ``version=`` reads."""
    numbers = version_numbers(version)
    strings = {
        "CompanyName": APP_FULL_NAME,
        "FileDescription": APP_FULL_NAME,
        "FileVersion": version,
        "InternalName": EXECUTABLE,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{EXECUTABLE}.exe",
        "ProductName": APP_FULL_NAME,
        "ProductVersion": version,
    }
    string_structs = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
          {string_structs}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def executables(platform: str = sys.platform) -> list[tuple[str, bool]]:
    """(name, console) for each program the build makes. Windows gets a GUI program (no
    console window when it starts at login or opens a tel: link) and a console twin for the
    command line; Linux and macOS programs print to a terminal either way, and on macOS a
    console program would be a background-only bundle (LSBackgroundOnly), so it is a GUI one."""
    if platform == "win32":
        return [(EXECUTABLE, False), (CLI_EXECUTABLE, True)]
    return [(EXECUTABLE, platform != "darwin")]


if __name__ == "__main__":
    # For the build scripts: the version, or with --file-version Windows' four numbers.
    if sys.argv[1:] == ["--file-version"]:
        print(".".join(str(n) for n in version_numbers(read_version())))
    else:
        print(read_version())
