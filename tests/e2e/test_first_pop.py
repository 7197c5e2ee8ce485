"""The walking skeleton end to end: tray on a real X server, `screenpop call`, the pop."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop.store.cache import CallerIdCache
from tests.e2e.conftest import (
    painted,
    screenshot,
    wait_for,
    window_title,
    windows_named,
    x_env,
)
from tests.helpers import demo_tenant, run_cli

pytestmark = pytest.mark.e2e


@pytest.fixture
def synced_profile(tmp_path: Path) -> Iterator[Path]:
    profile = tmp_path / "profile"
    with demo_tenant("--persons", "200", "--seed", "3") as url:
        assert (
            run_cli(
                profile,
                "configure",
                "--tenant",
                url,
                "--user",
                "demo",
                "--region",
                "NO",
                "--auto-open",
            ).returncode
            == 0
        )
        synced = run_cli(profile, "sync", env={"SCREENPOP_SECRET": "demo"})
        assert synced.returncode == 0, synced.stderr
        yield profile


def _app_pids(profile: Path) -> list[int]:
    found = subprocess.run(
        ["pgrep", "-f", f"screenpop --profile {profile}$"],
        capture_output=True,
        text=True,
        check=False,
    )
    return [int(pid) for pid in found.stdout.split()]


def _docked_in_tray(display: str) -> bool:
    """Whether a Screenpop window is embedded (XEmbed) in one of trayer's windows."""
    found = subprocess.run(
        ["xdotool", "search", "--class", "trayer"],
        env=x_env(display),
        capture_output=True,
        text=True,
        check=False,
    )
    for window in found.stdout.split():
        tree = subprocess.run(
            ["xwininfo", "-tree", "-id", window],
            env=x_env(display),
            capture_output=True,
            text=True,
            check=False,
        )
        if '"Screenpop")' in tree.stdout:
            return True
    return False


def test_call_pops_the_callers_company(display: str, synced_profile: Path) -> None:
    with CallerIdCache(synced_profile / "cache.sqlite3") as cache:
        entries = cache.sample(200)
    numbers = [e.e164 for e in entries]
    caller = next(e for e in entries if not e.caller.is_company and numbers.count(e.e164) == 1)
    env = x_env(display) | {"SCREENPOP_SECRET": "demo"}
    assert not _docked_in_tray(display)
    try:
        # No app runs yet: `call` starts it and hands it the event.
        called = run_cli(synced_profile, "call", caller.e164, "--call-id", "e2e-1", env=env)
        assert called.returncode == 0, called.stderr

        wait_for(lambda: _docked_in_tray(display), 20, "the tray icon to dock")
        title = f"{caller.caller.contact_name} — {caller.caller.person_name} · Screenpop"
        wait_for(lambda: windows_named(display, "^Call from "), 20, "the toast")
        window = wait_for(lambda: windows_named(display, " · Screenpop$"), 20, "the contact window")
        assert window_title(display, window[0]) == title  # type: ignore[index]
        log = synced_profile / "logs" / "screenpop.log"
        shown = f"summary of contact {caller.caller.contact_id} shown"
        wait_for(lambda: shown in log.read_text(), 20, "the summary from the demo tenant")
        wait_for(lambda: painted(display, window[0]), 10, "the contact window to paint")  # type: ignore[index]
        screenshot(display, "first-pop")

        # A second call for the same company raises the same window rather than adding one.
        again = run_cli(synced_profile, "call", caller.e164, "--call-id", "e2e-2", env=env)
        assert again.returncode == 0
        assert len(windows_named(display, " · Screenpop$")) == 1
        assert len(_app_pids(synced_profile)) == 1
    finally:
        for pid in _app_pids(synced_profile):
            os.kill(pid, signal.SIGTERM)
