"""The whole way from a real phone: sipp rings a real baresip, the running app (on a real X
server with a tray) follows baresip's control socket, pops the caller, and keeps the missed
call in its history for Recent calls."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop.store.cache import CallerIdCache
from screenpop.store.history import CallHistory
from tests.e2e.conftest import screenshot, start_app, wait_for, windows_named
from tests.e2e.softphone import Baresip, ring
from tests.helpers import demo_tenant, run_cli

pytestmark = pytest.mark.e2e


@pytest.fixture
def profile(tmp_path: Path, baresip: Baresip) -> Iterator[Path]:
    profile = tmp_path / "profile"
    with demo_tenant("--persons", "200", "--seed", "3") as url:
        softphone = f"127.0.0.1:{baresip.ctrl_port}"
        configured = run_cli(profile, "configure", "--tenant", url, "--user", "demo",
                             "--region", "NO", "--baresip", softphone)  # fmt: skip
        assert configured.returncode == 0, configured.stderr
        synced = run_cli(profile, "sync", env={"SCREENPOP_SECRET": "demo"})
        assert synced.returncode == 0, synced.stderr
        yield profile


def test_a_real_phone_rings_the_app_pops_and_keeps_the_missed_call(
    display: str, profile: Path, baresip: Baresip, tmp_path: Path
) -> None:
    with CallerIdCache(profile / "cache.sqlite3") as cache:
        # The scenario's caller, +47 22 33 44 55, is the demo tenant's contact 1.
        (entry,) = [e for e in cache.find_e164("+4722334455") if not e.caller.is_company][:1]
    app = start_app(profile, display)
    log = profile / "logs" / "screenpop.log"
    try:
        wait_for(lambda: log.exists() and "baresip connected" in log.read_text(), 20,
                 "the app to follow baresip")  # fmt: skip
        assert asyncio.run(ring(baresip, "incoming-call.xml", tmp_path)) == 0
        wait_for(lambda: windows_named(display, "^Call from "), 20, "the toast")
        screenshot(display, "softphone-pop")

        def missed() -> bool:
            with CallHistory(profile / "history.sqlite3") as history:
                calls = history.recent()
            return bool(calls) and calls[0].missed

        wait_for(missed, 20, "the missed call in the history")
        with CallHistory(profile / "history.sqlite3") as history:
            (call,) = history.recent()
        assert call.e164 == "+4722334455" and call.display_name == "Kari Nordmann"
        assert (call.person_id, call.contact_id) == (entry.caller.person_id, 1)
        assert call.source == "baresip"
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(20)
