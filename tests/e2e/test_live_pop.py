"""A live pop end to end: a caller the cache does not know, but SuperOffice does. On a real X
server with a real tray, against the demo tenant served on 127.0.0.1: the toast comes at once,
is filled in place (the same window) when the lookup answers, and the company opens."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from screenpop.core.phone import format_e164
from screenpop.demo.data import DemoData
from screenpop.demo.persons import outside_callers
from screenpop.store.cache import CallerIdCache
from tests.e2e.conftest import painted, screenshot, wait_for, window_title, windows_named, x_env
from tests.helpers import demo_tenant, run_cli

pytestmark = pytest.mark.e2e

SEED, PERSONS = 9, 200
UNKNOWN = "+4721000000"


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Path]:
    profile = tmp_path / "profile"
    # Some latency, as a real tenant has: the toast must not wait for it.
    with demo_tenant("--persons", str(PERSONS), "--seed", str(SEED), "--latency", "150") as url:
        configured = run_cli(profile, "configure", "--tenant", url, "--user", "demo",
                             "--region", "NO", "--auto-open")  # fmt: skip
        assert configured.returncode == 0, configured.stderr
        synced = run_cli(profile, "sync", env={"SCREENPOP_SECRET": "demo"})
        assert synced.returncode == 0, synced.stderr
        yield profile


def _app_pids(profile: Path) -> list[int]:
    found = subprocess.run(["pgrep", "-f", f"screenpop --profile {profile}$"],
                           capture_output=True, text=True, check=False)  # fmt: skip
    return [int(pid) for pid in found.stdout.split()]


def test_a_caller_only_superoffice_knows_pops_live(display: str, profile: Path) -> None:
    data = DemoData(SEED, PERSONS, date.today(), PERSONS)
    [(label, number)] = outside_callers(data, 1)
    person, company = re.fullmatch(r"(.*) \((.*)\)", label).groups()  # type: ignore[union-attr]
    with CallerIdCache(profile / "cache.sqlite3") as cache:
        assert cache.find_e164(number) == []  # not among the caller IDs
    env = x_env(display) | {"SCREENPOP_SECRET": "demo"}
    log = profile / "logs" / "screenpop.log"
    try:
        called = run_cli(profile, "call", number, "--call-id", "live-1", env=env)
        assert called.returncode == 0, called.stderr
        # At once: the toast of a miss, named by the number.
        first = wait_for(
            lambda: windows_named(display, f"^Call from {re.escape(format_e164(number))}"),
            30,
            "the toast of the miss",
        )
        toast = str(first[0])  # type: ignore[index]
        # Then, in place: the same window becomes the caller's.
        wait_for(lambda: person in window_title(display, toast), 20, "the live answer")
        assert windows_named(display, "^Call from ") == [toast]
        wait_for(lambda: painted(display, toast), 10, "the filled toast to paint")
        found_line = f"live lookup of {number}: 1 found"
        wait_for(lambda: found_line in log.read_text(), 20, "the person's company")
        # The company opens (auto-open), the caller named, its summary fetched ahead.
        found = wait_for(lambda: windows_named(display, " · Screenpop$"), 20, "the contact window")
        window = str(found[0])  # type: ignore[index]
        assert window_title(display, window).startswith(f"{company} — ")
        assert person in window_title(display, window)
        wait_for(lambda: "shown" in log.read_text().split("live lookup of")[-1], 20, "the summary")
        wait_for(lambda: painted(display, window), 10, "the contact window to paint")
        screenshot(display, "pop-live-caller")

        # A number nobody has: the toast says so, and offers to add the caller.
        called = run_cli(profile, "call", UNKNOWN, "--call-id", "live-2", env=env)
        assert called.returncode == 0, called.stderr
        wait_for(lambda: f"live lookup of {UNKNOWN}: 0 found" in log.read_text(), 20, "not found")
        stranger = wait_for(
            lambda: windows_named(display, f"^Call from {re.escape(format_e164(UNKNOWN))}"),
            20,
            "the stranger's toast",
        )
        wait_for(lambda: painted(display, str(stranger[0])), 10, "it to paint")  # type: ignore[index]
        screenshot(display, "pop-live-not-found")
    finally:
        for pid in _app_pids(profile):
            os.kill(pid, signal.SIGTERM)
