"""Packaging tests: the build inputs read as data, and one frozen build per session.

The frozen build (PyInstaller, ~40 s on two cores) is cached in build/test-frozen/ and reused
while nothing it is made from changed: the package, resources, spec, pyproject and the
versions of everything installed in the venv. A lock keeps two test runs in one checkout
from building over each other.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.support import (
    BUILD_TIMEOUT_S,
    FROZEN_CACHE,
    PACKAGING,
    ROOT,
    inputs_digest,
    load_spec_support,
)


@pytest.fixture(scope="session")
def spec_support() -> ModuleType:
    return load_spec_support()


@pytest.fixture(scope="session")
def frozen_app() -> Path:
    """The folder of a PyInstaller build of this checkout (its executable: ``screenpop``).

    Each set of inputs gets its own folder, so a test run never sees another one rebuild
    the app under it; folders unused for ten minutes are removed."""
    FROZEN_CACHE.mkdir(parents=True, exist_ok=True)
    with (FROZEN_CACHE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        digest = inputs_digest()[:16]
        build = FROZEN_CACHE / digest
        dist = build / "screenpop"
        done = build / "done"
        if done.is_file() and (dist / "screenpop").is_file():
            done.touch()
            return dist
        shutil.rmtree(build, ignore_errors=True)
        log = FROZEN_CACHE / "build.log"
        started = time.monotonic()
        with log.open("w") as out:
            built = subprocess.run(
                [
                    sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(build), "--workpath", str(FROZEN_CACHE / "work"),
                    str(PACKAGING / "pyinstaller" / "screenpop.spec"),
                ],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT_S,
                check=False,
            )  # fmt: skip
        if built.returncode != 0:
            tail = log.read_text(errors="replace").splitlines()[-30:]
            pytest.fail("PyInstaller failed:\n" + "\n".join(tail), pytrace=False)
        done.write_text(f"built in {time.monotonic() - started:.1f} s\n")
        for other in FROZEN_CACHE.glob("?" * 16):
            used = other / "done" if (other / "done").is_file() else other
            if other != build and time.time() - used.stat().st_mtime > 600:
                shutil.rmtree(other, ignore_errors=True)
        return dist
