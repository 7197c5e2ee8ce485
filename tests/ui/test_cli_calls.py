"""`screenpop call` and links from real processes reach the running app's single-instance server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from screenpop.config.profile import Profile
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.triggers.single_instance import InstanceServer, server_name


@pytest.mark.parametrize(
    ("args", "event"),
    [
        (
            ["call", "+4722334455", "--direction", "outgoing", "--call-id", "o1"],
            CallEvent("+4722334455", CallState.RINGING, "o1", "", "cli", Direction.OUTGOING),
        ),
        (
            ["call", '"Kari Nordmann" <sip:+4722334455@pbx>;tag=1', "--state", "answered"],
            CallEvent(
                '"Kari Nordmann" <sip:+4722334455@pbx>;tag=1',
                CallState.ANSWERED,
                "",
                "Kari Nordmann",
                "cli",
                Direction.INCOMING,
            ),
        ),
        (["sips:%2B4722334455@pbx.example"], CallEvent("sips:%2B4722334455@pbx.example")),
        (["callto://+4722334455/"], CallEvent("callto://+4722334455/")),
    ],
)
def test_call_events_reach_the_running_app(
    qtbot: QtBot, tmp_path: Path, args: list[str], event: CallEvent
) -> None:
    profile = Profile(tmp_path.resolve() / "profile")
    server = InstanceServer(server_name(profile.instance_key))
    assert server.listen()
    try:
        with qtbot.waitSignal(server.message_received, timeout=20000) as got:
            sender = subprocess.Popen(
                [sys.executable, "-m", "screenpop", "--profile", str(profile.root), *args],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        qtbot.waitUntil(lambda: sender.poll() is not None, timeout=20000)
        _, stderr = sender.communicate()
        assert sender.returncode == 0, stderr
        assert got.args == [event]
    finally:
        server.close()
