"""What an agent sees after a call, on a real X server with a tray: with ``--log-calls ask``
the ended call's toast offers the note and Log call, and the company's window has the same
note above its tabs. Screenshots are saved in test-artifacts/."""

from __future__ import annotations

import signal
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.conftest import painted, screenshot, start_app, wait_for, windows_named
from tests.helpers import configure_demo, demo_tenant, run_cli

pytestmark = pytest.mark.e2e

NUMBER = "+4722334455"  # the demo tenant's contact 1 (seed 3)


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Path]:
    profile = tmp_path / "profile"
    with demo_tenant("--persons", "200", "--seed", "3") as url:
        configure_demo(profile, url, "--log-calls", "ask")
        synced = run_cli(profile, "sync", env={"SCREENPOP_SECRET": "demo"})
        assert synced.returncode == 0, synced.stderr
        yield profile


def _offered(profile: Path) -> bool:
    with closing(sqlite3.connect(profile / "outbox.sqlite3")) as db:
        return bool(db.execute("SELECT 1 FROM logs WHERE state = 'offered'").fetchone())


def test_the_ended_call_offers_its_note_and_log_call(display: str, profile: Path) -> None:
    app = start_app(profile, display)
    try:
        for state in ("ringing", "answered", "ended"):
            done = run_cli(profile, "call", NUMBER, "--state", state, "--call-id", "e2e-1",
                           env={"SCREENPOP_SECRET": "demo"})  # fmt: skip
            assert done.returncode == 0, done.stderr
        (toast,) = wait_for(lambda: windows_named(display, "^Call from "), 20, "the toast")
        wait_for(lambda: painted(display, toast), 10, "the toast painted")
        wait_for(lambda: _offered(profile), 10, "the call offered for logging")
        screenshot(display, "call-log-offered")
        opened = run_cli(profile, "open", "1", env={"SCREENPOP_SECRET": "demo"})
        assert opened.returncode == 0, opened.stderr
        (window,) = wait_for(lambda: windows_named(display, "· Screenpop$"), 20, "the window")
        wait_for(lambda: painted(display, window), 10, "the window painted")
        screenshot(display, "call-log-window")
        # The toast stays while the call waits to be logged (not the usual five seconds).
        assert windows_named(display, "^Call from ")
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(20)
