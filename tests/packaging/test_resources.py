"""The resources are found in a checkout and in an installed wheel (the frozen app: in
test_frozen.py), and the wheel carries the package's one version."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from screenpop import __version__
from screenpop.integration.resources import resource_path, resources_dir
from tests.packaging.support import ROOT

_FIND = """
import sys
sys.path.insert(0, sys.argv[1])
from screenpop.integration.resources import resource_path
print(resource_path("icons", "screenpop.svg"))
"""


def test_a_checkout_uses_its_resources_folder() -> None:
    assert resources_dir() == ROOT / "resources"
    assert resource_path("icons", "screenpop.svg").is_file()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = out.glob("screenpop-*.whl")
    return wheel


def test_the_wheel_carries_the_version_resources_and_command(wheel: Path) -> None:
    assert wheel.name.startswith(f"screenpop-{__version__}-")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = Parser().parsestr(
            archive.read(f"screenpop-{__version__}.dist-info/METADATA").decode()
        )
        entry_points = archive.read(f"screenpop-{__version__}.dist-info/entry_points.txt").decode()
    assert metadata["Version"] == __version__
    assert "screenpop = screenpop.cli.main:main" in entry_points
    for svg in (ROOT / "resources" / "icons").glob("*.svg"):
        assert f"screenpop/resources/icons/{svg.name}" in names
    assert "screenpop/integration/autostart.py" in names
    assert not any(name.startswith(("tests/", "packaging/")) for name in names)


def test_an_installed_wheel_finds_its_own_resources(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    # -I: nothing from this checkout (or its editable install) on the path.
    found = subprocess.run(
        [sys.executable, "-I", "-c", _FIND, str(site)],
        capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert found.returncode == 0, found.stderr
    assert (
        Path(found.stdout.strip()) == site / "screenpop" / "resources" / "icons" / "screenpop.svg"
    )
