"""The Linux desktop files: valid for the freedesktop validators, and saying what the app is."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from screenpop import __version__
from screenpop.integration import desktop_entry
from screenpop.integration.identity import APP_ID, APP_NAME, EXECUTABLE, URL_SCHEMES
from tests.packaging.support import PACKAGING

LINUX = PACKAGING / "linux"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: packaging/linux/bootstrap.sh --tests installs it")
    return path


def validate_desktop_file(path: Path) -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(path)], capture_output=True, text=True, check=False
    )
    # Hints are printed too: a clean file prints nothing at all.
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_desktop_entry_validates() -> None:
    validate_desktop_file(DESKTOP_FILE)


def test_the_desktop_entry_claims_the_call_links() -> None:
    entry = desktop_entry.read(DESKTOP_FILE)
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == f"{EXECUTABLE} %u"  # install.sh puts the installed path in
    mime_types = [m for m in entry["MimeType"].split(";") if m]
    assert mime_types == [f"x-scheme-handler/{scheme}" for scheme in URL_SCHEMES]
    assert {"tel", "callto", "sip", "sips"} <= set(URL_SCHEMES)


def test_the_metainfo_validates_offline() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--strict", str(METAINFO)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metainfo_agrees_with_the_app() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("name") == APP_NAME
    launchable = component.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP_FILE.name
    assert component.findtext("provides/binary") == EXECUTABLE
    releases = component.findall("releases/release")
    # Newest first: a version bump needs its release entry (software centres show it).
    assert releases and releases[0].get("version") == __version__


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """packaging/generate.py run as the build runs it (its own process: it starts Qt)."""
    out = tmp_path_factory.mktemp("generated")
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "generate.py"), "--out", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out / "icons"


def test_hicolor_icons_are_drawn_at_their_sizes(generated: Path) -> None:
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = generated / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png.read_bytes()) == (size, size), png
    scalable = generated / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert (
        scalable.read_bytes() == (PACKAGING.parent / "resources/icons/screenpop.svg").read_bytes()
    )


def test_the_windows_icon_holds_pngs_up_to_256(generated: Path) -> None:
    data = (generated / "screenpop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 6
    sizes = set()
    for i in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        png = data[offset : offset + length]
        side = width or 256
        assert _png_size(png) == (side, height or 256)
        sizes.add(side)
    assert {16, 32, 48, 256} <= sizes


def test_the_macos_icon_holds_retina_sizes(generated: Path) -> None:
    data = (generated / "screenpop.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found = {}
    offset = 8
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        found[kind] = _png_size(data[offset + 8 : offset + length])[0]
        offset += length
    assert offset == len(data)
    assert found[b"ic10"] == 1024 and found[b"ic09"] == 512 and found[b"ic07"] == 128
