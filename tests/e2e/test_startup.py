"""The app's start and end as a person meets them, on an X server of the test's own: a second
start hands over before it touches the window system, the X server dying ends the app quietly,
and a crash Python cannot catch leaves its stack in the log folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import wait_for, x_env

pytestmark = pytest.mark.e2e


@pytest.fixture
def own_display(display: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """An Xvfb this test may kill (``display`` only makes sure the tools are there)."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}", xvfb
    if xvfb.poll() is None:
        xvfb.terminate()
        xvfb.wait(10)


def _app(profile: Path, env: dict[str, str], *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "screenpop", "--profile", str(profile), *extra],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def _log(profile: Path) -> str:
    path = profile / "logs" / "screenpop.log"
    return path.read_text() if path.exists() else ""


def test_a_second_start_hands_over_and_a_lost_display_ends_quietly(
    tmp_path: Path, own_display: tuple[str, subprocess.Popen[bytes]]
) -> None:
    name, xvfb = own_display
    profile = tmp_path / "profile"
    env = x_env(name)
    app = _app(profile, env)
    try:
        wait_for(lambda: "Screenpop 0.1.0 started" in _log(profile), 30, "the app to start")
        steps = [line.split("start-up: ")[1].split(" (")[0]
                 for line in _log(profile).splitlines() if "start-up: " in line]  # fmt: skip
        assert steps == ["paths", "logging", "settings", "single instance", "QApplication",
                         "services", "tray"]  # fmt: skip

        # The second start has no display at all: had it built a QApplication, Qt would abort.
        second = subprocess.run(
            [sys.executable, "-m", "screenpop", "--profile", str(profile), "--verbose"],
            env={**env, "DISPLAY": ":999"}, capture_output=True, text=True, timeout=30,
            check=False,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr
        assert "another instance is running; handed over to it" in second.stderr
        assert "start-up: QApplication" not in second.stderr

        xvfb.kill()
        _out, errors = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0
    assert errors == ""  # no "unexpected error: Event loop stopped before Future completed"
    assert "the display went away (the window system ended); Screenpop ends" in _log(profile)


def test_a_fatal_crash_is_in_the_log_at_the_next_start(
    tmp_path: Path, own_display: tuple[str, subprocess.Popen[bytes]]
) -> None:
    profile = tmp_path / "profile"
    env = x_env(own_display[0])
    app = _app(profile, env)
    wait_for(lambda: "started with profile" in _log(profile), 30, "the app to start")
    app.send_signal(signal.SIGSEGV)  # what a crash inside Qt's C++ would do
    app.communicate(timeout=30)
    assert app.returncode == -signal.SIGSEGV
    faults = (profile / "logs" / "faults.log").read_text()
    assert "Fatal Python error: Segmentation fault" in faults

    again = _app(profile, env)
    try:
        wait_for(lambda: _log(profile).count("started with profile") == 2, 30, "the restart")
        log = _log(profile)
        assert "the last run ended with a fatal error:" in log
        assert "Fatal Python error: Segmentation fault" in log
        assert (profile / "logs" / "faults.log").read_text() == ""
    finally:
        again.terminate()
        again.communicate(timeout=30)
    assert again.returncode == 0
