"""The frozen app (PyInstaller) run from a clean environment: no venv, no Python variables,
nothing but PATH, HOME and the profile. What CI smoke-runs on every change."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from screenpop import __version__
from screenpop.app.demo_launcher import DEMO_PERSONS, DEMO_SEED
from screenpop.demo.data import DemoData
from tests.packaging.support import (
    Child,
    clean_env,
    load_spec_support,
    processes_running,
    wait_for_file_text,
)

# The first test to ask for the frozen app waits for its build.
pytestmark = [
    pytest.mark.timeout(900),
    pytest.mark.skipif(sys.platform != "linux", reason="CI builds and runs the Linux app"),
]


def run(
    program: Path, *args: str, env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], env=env, capture_output=True, text=True, timeout=timeout,
        check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_the_frozen_app_says_the_package_version(frozen_app: Path, tmp_path: Path) -> None:
    started = time.perf_counter()
    result = run(frozen_app / "screenpop", "--version", env=clean_env(tmp_path))
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"screenpop {__version__}"
    assert elapsed < 10, f"`screenpop --version` took {elapsed:.1f} s frozen"


def test_ships_the_resources_and_only_the_qt_it_uses(frozen_app: Path) -> None:
    internal = frozen_app / "_internal"
    for source, folder in load_spec_support().resource_datas():
        assert (internal / folder / Path(source).name).is_file(), source
    assert not list(internal.rglob("*.ts")), "translation sources are not shipped"
    qt = internal / "PySide6"
    bindings = {p.name.split(".")[0] for p in qt.glob("Qt*.so")}
    assert bindings == set(load_spec_support().QT_MODULES)
    plugins = qt / "Qt" / "plugins"
    # SVG icons draw through these two; the tray app needs X11 and Wayland platforms.
    for plugin in ("iconengines/libqsvgicon.so", "imageformats/libqsvg.so",
                   "platforms/libqxcb.so", "platforms/libqwayland.so"):  # fmt: skip
        assert (plugins / plugin).is_file(), plugin


def test_demo_server_sync_and_lookup_from_a_clean_environment(
    frozen_app: Path, tmp_path: Path
) -> None:
    app = frozen_app / "screenpop"
    seed, persons = 5, 80
    profile = tmp_path / "profile"
    env = clean_env(tmp_path / "home", SCREENPOP_PROFILE=str(profile))
    server = Child([str(app), "demo-server", "--port", "0", "--persons", str(persons),
                    "--seed", str(seed)], env, tmp_path)  # fmt: skip
    try:
        found = re.search(r"listening on (http://127\.0\.0\.1:\d+/\S+)", server.next_line(60))
        assert found, "demo-server did not say where it listens"
        configure = run(app, "configure", "--tenant", found.group(1), "--user", "demo",
                        "--region", "NO", env=env)  # fmt: skip
        assert configure.returncode == 0, configure.stderr
        assert (profile / "settings.ini").is_file()

        sync = run(app, "sync", env={**env, "SCREENPOP_SECRET": "demo"}, timeout=120)
        assert sync.returncode == 0, sync.stderr
        assert re.search(r"\d", sync.stdout), sync.stdout

        for label, number in DemoData(seed, persons, date.today()).sample_numbers(4):
            lookup = run(app, "lookup", number, "--json", env=env)
            assert lookup.returncode == 0, lookup.stderr
            candidates = json.loads(lookup.stdout)
            assert candidates, f"no match for the demo's {label} {number}"
            assert {"PersonId", "ContactId", "PersonName", "ContactName"} <= set(candidates[0])
        stranger = run(app, "lookup", "+4721000000", "--json", env=env)
        assert stranger.returncode == 0 and json.loads(stranger.stdout) == []

        junk = run(app, "lookup", "not a number", env=env)
        assert junk.returncode == 2
        assert len(junk.stderr.strip().splitlines()) == 1 and "Traceback" not in junk.stderr
    finally:
        code, stderr = server.stop()
    assert code == 0, stderr
    assert "Traceback" not in stderr


def test_demo_runs_the_tray_app_and_pops_a_call(frozen_app: Path, tmp_path: Path) -> None:
    """`screenpop demo` (the GUI, offscreen) with its demo-server child, both frozen; a
    `screenpop call` from a second frozen process reaches it."""
    app = frozen_app / "screenpop"
    profile = tmp_path / "profile"
    env = clean_env(tmp_path / "home", SCREENPOP_PROFILE=str(profile), QT_QPA_PLATFORM="offscreen")
    log = profile / "logs" / "screenpop.log"
    demo = Child([str(app), "demo"], env, tmp_path)
    try:
        wait_for_file_text(log, "caller IDs synced", 120)
        _label, number = DemoData(DEMO_SEED, DEMO_PERSONS, date.today()).sample_numbers(1)[0]
        call = run(app, "call", number, env=env)
        assert call.returncode == 0, call.stderr
        text = wait_for_file_text(log, "candidate", 30)
    finally:
        code, stderr = demo.stop()
    assert code == 0, stderr
    assert f"resources in {frozen_app / '_internal' / 'resources'}" in text
    assert re.search(r"call ringing from .*: [1-9]\d* candidate", text), text
    assert "Traceback" not in text and " ERROR " not in text
    deadline = time.monotonic() + 15
    while processes_running(app) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not processes_running(app), "the demo left a frozen process behind"
