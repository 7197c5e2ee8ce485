"""Click-to-dial from end to end: `screenpop dial` tells the running app (a real X server with
a tray) to dial; the app hands the number to a real baresip over its control socket; baresip's
INVITE reaches a real sipp on 127.0.0.1 (its outbound proxy, as a PBX would be) for that
number; the far end answers, talks a second and hangs up. The app follows the outgoing call
like an incoming one: Recent calls has it, and it is logged in the demo tenant by the same
rules (``--log-calls answered``)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from screenpop.store.history import CallHistory
from tests.e2e.conftest import screenshot, start_app, wait_for
from tests.e2e.softphone import Baresip, far_end, far_end_port
from tests.helpers import demo_tenant, run_cli

pytestmark = pytest.mark.e2e

NUMBER = "+4722334455"  # the demo tenant's contact 1, its switchboard


@pytest.fixture
def phone(softphone_tools: None, tmp_path: Path) -> Iterator[tuple[Baresip, int]]:
    port = far_end_port()
    baresip = Baresip(tmp_path / "baresip", outbound=port)
    baresip.start()
    yield baresip, port
    baresip.stop()


@pytest.fixture
def tenant() -> Iterator[str]:
    with demo_tenant("--persons", "200", "--seed", "3") as url:
        yield url


def test_the_app_dials_through_baresip_and_logs_the_call(
    display: str, phone: tuple[Baresip, int], tenant: str, tmp_path: Path
) -> None:
    baresip, port = phone
    profile = tmp_path / "profile"
    configured = run_cli(profile, "configure", "--tenant", tenant, "--user", "demo", "--region",
                         "NO", "--baresip", f"127.0.0.1:{baresip.ctrl_port}", "--log-calls",
                         "answered")  # fmt: skip
    assert configured.returncode == 0, configured.stderr
    synced = run_cli(profile, "sync", env={"SCREENPOP_SECRET": "demo"})
    assert synced.returncode == 0, synced.stderr
    app = start_app(profile, display)
    log = profile / "logs" / "screenpop.log"
    try:
        wait_for(lambda: log.exists() and "baresip connected" in log.read_text(), 20,
                 "the app to follow baresip")  # fmt: skip

        async def call() -> int:
            sipp = await far_end(port, NUMBER, tmp_path)
            dialled = await asyncio.to_thread(run_cli, profile, "dial", "+47 22 33 44 55")
            assert dialled.returncode == 0, dialled.stderr
            return await asyncio.wait_for(sipp.wait(), 30)

        # sipp's exit code 0: the INVITE was for the number, and the call was made and ended.
        assert asyncio.run(call()) == 0

        def outgoing_call() -> bool:
            with CallHistory(profile / "history.sqlite3") as history:
                calls = history.recent()
            return bool(calls) and calls[0].state.value == "ended"

        wait_for(outgoing_call, 20, "the dialled call in Recent calls")
        with CallHistory(profile / "history.sqlite3") as history:
            (entry,) = history.recent()
        assert (entry.direction.value, entry.source, entry.answered) == (
            "outgoing",
            "baresip",
            True,
        )
        assert entry.e164 == NUMBER and entry.contact_id == 1

        def logged() -> list[dict[str, object]]:
            answer = httpx.get(
                f"{tenant}/api/v1/Appointment",
                params={"$select": "appointmentId,text,contactId",
                        "$filter": "text contains 'Outgoing call to'"},
                auth=("demo", "demo"), timeout=5,
            )  # fmt: skip
            rows: list[dict[str, object]] = answer.json()["value"]
            return rows

        rows = wait_for(logged, 20, "the call logged in SuperOffice")
        assert isinstance(rows, list) and len(rows) == 1
        assert str(rows[0]["text"]).startswith("Outgoing call to +47 22 33 44 55 (")
        assert rows[0]["contactId"] == 1
        screenshot(display, "dialled-call")
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(20)
