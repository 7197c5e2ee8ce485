"""The pops and the contact window on a real X server with a real tray, photographed.

One app run goes through what an agent sees: a known caller, an unknown caller, a switchboard
chooser, the contact window on each tab, then (the tenant stopped) the error and offline
states. Screenshots land in test-artifacts/ (pop-*.png, contact-*.png).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from screenpop.app.demo_launcher import start_demo_server
from screenpop.core.matching import CacheEntry
from screenpop.core.models import ContactSummary
from screenpop.core.phone import format_e164
from screenpop.demo.data import DemoData
from screenpop.store.cache import CallerIdCache
from tests.e2e.conftest import (
    painted,
    screenshot,
    wait_for,
    window_title,
    windows_named,
    x_env,
)
from tests.helpers import run_cli

pytestmark = pytest.mark.e2e

TABS = ("tickets", "followups", "documents", "sales", "chats")
SEED = 5
PERSONS = 300


@dataclass
class Tenant:
    profile: Path
    child: subprocess.Popen[str]

    def stop(self) -> None:
        self.child.terminate()
        self.child.wait(10)


@pytest.fixture
def tenant(tmp_path: Path) -> Iterator[Tenant]:
    profile = tmp_path / "profile"
    child, url = start_demo_server(["--persons", str(PERSONS), "--seed", str(SEED)])
    try:
        configured = run_cli(
            profile, "configure", "--tenant", url, "--user", "demo", "--region", "NO"
        )
        assert configured.returncode == 0, configured.stderr
        synced = run_cli(profile, "sync", env={"SCREENPOP_SECRET": "demo"})
        assert synced.returncode == 0, synced.stderr
        yield Tenant(profile, child)
    finally:
        if child.poll() is None:
            child.terminate()
            child.wait(10)


def _app_pids(profile: Path) -> list[int]:
    found = subprocess.run(
        ["pgrep", "-f", f"screenpop --profile {profile}$"],
        capture_output=True,
        text=True,
        check=False,
    )
    return [int(pid) for pid in found.stdout.split()]


def _xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=x_env(display), capture_output=True, text=True, check=False
    )
    return done.stdout.strip()


def _geometry(display: str, window: str) -> tuple[int, int, int, int]:
    """x, y, width, height of a window on the screen."""
    values = dict(
        line.split("=", 1)
        for line in _xdotool(display, "getwindowgeometry", "--shell", window).splitlines()
        if "=" in line
    )
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def _full(summary: ContactSummary | None) -> bool:
    if summary is None:
        return False
    return all(
        (summary.tickets, summary.followups, summary.documents, summary.sales, summary.chats)
    )


def _callers(profile: Path) -> tuple[CacheEntry, CacheEntry, str]:
    """A person with a number of their own at a company with something in every tab, a
    switchboard shared by 3+ people, a stranger."""
    with CallerIdCache(profile / "cache.sqlite3") as cache:
        entries = cache.sample(2000)
    # The tenant's own data, to know which companies fill every tab (same seed, same day).
    tenant = DemoData(SEED, PERSONS, datetime.now(UTC).date())
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.e164] = counts.get(entry.e164, 0) + 1
    person = next(
        e
        for e in entries
        if not e.caller.is_company
        and counts[e.e164] == 1
        and _full(tenant.summary(e.caller.contact_id))
    )
    shared = next(e for e in entries if counts[e.e164] >= 3)
    return person, shared, "+4721000000"


def test_what_the_agent_sees(display: str, tenant: Tenant) -> None:
    profile = tenant.profile
    person, switchboard, stranger = _callers(profile)
    env = x_env(display) | {"SCREENPOP_SECRET": "demo"}

    def call(number: str, call_id: str, state: str = "ringing") -> None:
        done = run_cli(profile, "call", number, "--call-id", call_id, "--state", state, env=env)
        assert done.returncode == 0, done.stderr

    def toast_for(title: str) -> str:
        found = wait_for(lambda: windows_named(display, f"^Call from {title}"), 20, title)
        window = found[0]  # type: ignore[index]
        wait_for(lambda: painted(display, window), 10, f"the toast for {title} to paint")
        return str(window)

    try:
        # A known caller: the app starts with the call and pops it by the tray, without focus.
        call(person.e164, "known")
        known = toast_for(person.caller.person_name)
        x, y, width, height = _geometry(display, known)
        assert x + width > 1280 - 40 and y + height > 800 - 60, "not in the tray's corner"
        assert _xdotool(display, "getwindowfocus") != known
        screenshot(display, "pop-known-caller")

        call(stranger, "stranger")
        toast_for(re.escape(format_e164(stranger)))
        screenshot(display, "pop-unknown-caller")

        call(switchboard.e164, "switchboard")
        chooser = toast_for(re.escape(format_e164(switchboard.e164)))
        assert chooser != known
        screenshot(display, "pop-switchboard-chooser")
        # Three stacked toasts, none overlapping.
        frames = sorted(_geometry(display, w)[1] for w in windows_named(display, "^Call from "))
        assert len(frames) == 3

        # A click on the (never focused) toast opens the company, naming the caller.
        _xdotool(display, "mousemove", str(x + width // 2), str(y + 20), "click", "1")
        found = wait_for(lambda: windows_named(display, " · Screenpop$"), 20, "the contact window")
        window = str(found[0])  # type: ignore[index]
        title = f"{person.caller.contact_name} — {person.caller.person_name} · Screenpop"
        assert window_title(display, window) == title
        log = profile / "logs" / "screenpop.log"
        shown = f"summary of contact {person.caller.contact_id} shown"
        wait_for(lambda: shown in log.read_text(), 20, "the summary from the demo tenant")
        # The calls end; "Close all" on the newest toast (bottom right of its card) clears
        # the pile at once rather than a few seconds later.
        for call_id, number in (
            ("known", person.e164),
            ("stranger", stranger),
            ("switchboard", switchboard.e164),
        ):
            call(number, call_id, "ended")
        cx, cy, cwidth, cheight = _geometry(display, chooser)
        close_all = (cx + cwidth - 8 - 40, cy + cheight - 12 - 11)
        _xdotool(display, "mousemove", *map(str, close_all), "click", "1")
        wait_for(lambda: not windows_named(display, "^Call from "), 10, "Close all")
        wait_for(lambda: painted(display, window), 10, "the contact window to paint")
        _xdotool(display, "windowfocus", "--sync", window)
        for index, tab in enumerate(TABS):
            if index:
                _xdotool(display, "key", "--clearmodifiers", "ctrl+Tab")
            screenshot(display, f"contact-{tab}")
        assert window_title(display, window).endswith(" · Screenpop")

        # SuperOffice goes away: the window shown keeps its summary (offline) ...
        tenant.stop()
        _xdotool(display, "key", "--clearmodifiers", "F5")
        wait_for(
            lambda: "summary of contact" in log.read_text().split(shown)[-1],
            20,
            "the failed refresh",
        )
        screenshot(display, "contact-offline")
        # ... and a company never loaded says why, with Retry.
        # (One no call has brought up: those rang minutes ago and were fetched while ringing.)
        seen = {person.caller.contact_id, switchboard.caller.contact_id}
        other = next(cid for cid in range(1, 1000) if cid not in seen)
        opened = run_cli(profile, "open", str(other), env=env)
        assert opened.returncode == 0, opened.stderr
        failed = f"summary of contact {other} failed"
        wait_for(lambda: failed in log.read_text(), 20, "the error state")
        windows = windows_named(display, " · Screenpop$")
        assert len(windows) == 2
        newest = next(w for w in windows if w != window)
        wait_for(lambda: painted(display, newest), 10, "the error window to paint")
        screenshot(display, "contact-error")
    finally:
        for pid in _app_pids(profile):
            os.kill(pid, signal.SIGTERM)
