"""A real X server with a real XEmbed tray for end-to-end tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.softphone import Baresip

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
_TOOLS = ("Xvfb", "trayer", "xdotool", "xwininfo", "import")


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    """Poll with a deadline: the value of the first truthy call, or fail saying what was awaited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    missing = [tool for tool in _TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"end-to-end tools missing in CI: {', '.join(missing)}")
        pytest.skip(f"end-to-end tools missing: {', '.join(missing)}")
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        pytest.fail("Xvfb did not start")
    name = f":{number}"
    env = {**os.environ, "DISPLAY": name}
    tray = subprocess.Popen(
        [
            "trayer",
            "--edge",
            "bottom",
            "--align",
            "right",
            "--widthtype",
            "request",
            "--height",
            "28",
            "--transparent",
            "false",
            "--tint",
            "0x333333",
            "--SetDockType",
            "true",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(lambda: tray_window(name), 15, "the trayer panel")
    try:
        yield name
    finally:
        tray.terminate()
        xvfb.terminate()
        tray.wait(10)
        xvfb.wait(10)


def x_env(display: str) -> dict[str, str]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    return env


def start_app(profile: Path, display: str) -> subprocess.Popen[bytes]:
    """`screenpop` for ``profile`` on the X server, its secret from the environment."""
    env = os.environ | x_env(display) | {"SCREENPOP_SECRET": "demo"}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.Popen(
        [sys.executable, "-m", "screenpop", "--profile", str(profile)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def tray_window(display: str) -> str:
    found = subprocess.run(
        ["xdotool", "search", "--class", "trayer"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.split()[0] if found.stdout.split() else ""


def windows_named(display: str, pattern: str) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", pattern],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.split()


def window_title(display: str, window: str) -> str:
    found = subprocess.run(
        ["xdotool", "getwindowname", window],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip()


def painted(display: str, window: str) -> bool:
    """Whether the window shows something: a blank (unpainted) window has no contrast."""
    shot = subprocess.run(
        ["import", "-window", window, "-format", "%[fx:standard_deviation]", "info:"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return float(shot.stdout.strip() or 0) > 0.02
    except ValueError:
        return False


def screenshot(display: str, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    subprocess.run(
        ["import", "-window", "root", str(path)],
        env={**os.environ, "DISPLAY": display},
        check=True,
        timeout=30,
    )
    return path


# -- a real softphone (baresip) -----------------------------------------------------------


@pytest.fixture(scope="module")
def softphone_tools() -> None:
    missing = [tool for tool in ("baresip", "sipp") if shutil.which(tool) is None]
    modules = Path("/usr/lib/baresip/modules")
    if not missing and not (modules / "ctrl_tcp.so").exists():
        missing.append(f"{modules}/ctrl_tcp.so")
    if missing:
        why = f"softphone tests need {', '.join(missing)} (packaging/linux/bootstrap.sh --tests)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


@pytest.fixture
def baresip(softphone_tools: None, tmp_path: Path) -> Iterator[Baresip]:
    phone = Baresip(tmp_path / "baresip")
    phone.start()
    yield phone
    phone.stop()
