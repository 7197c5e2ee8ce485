"""`screenpop call`, links and `open` from real processes reach the running app's single-instance
server, come back with its answer, and load nothing heavy on the way (issue 16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from screenpop.config.profile import Profile
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.triggers.instance_client import Reply
from screenpop.triggers.messages import Message, OpenContact
from screenpop.triggers.single_instance import InstanceServer, server_name

# What a hook handing over a call must not load: each costs it milliseconds (argparse, typing,
# re, enum, dataclasses, json, socket, pathlib, logging) or far more (Qt, HTTP, phonenumbers).
HEAVY = (
    "argparse", "typing", "re", "enum", "dataclasses", "json", "socket", "pathlib", "logging",
    "PySide6", "shiboken6", "httpx", "authlib", "phonenumbers", "sqlite3", "asyncio",
)  # fmt: skip
_CHILD = (
    "import sys, os\n"
    "from screenpop.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "heavy = [m for m in os.environ['HEAVY'].split() if m in sys.modules]\n"
    "sys.stdout.write(' '.join(heavy) + '\\n')\n"
    "sys.exit(code)\n"
)


@pytest.fixture
def server(tmp_path: Path) -> InstanceServer:
    profile = Profile(tmp_path.resolve() / "profile")
    server = InstanceServer(server_name(profile.instance_key))
    assert server.listen()
    server.setObjectName(str(profile.root))
    return server


def _run(qtbot: QtBot, server: InstanceServer, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command line in a process of its own; the server answers from qtbot's loop."""
    env = {**os.environ, "HEAVY": " ".join(HEAVY)}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, "--profile", server.objectName(), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=20000)
    out, err = child.communicate()
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


@pytest.mark.parametrize(
    ("args", "event"),
    [
        (
            ["call", "+4722334455", "--direction", "outgoing", "--call-id", "o1"],
            CallEvent("+4722334455", CallState.RINGING, "o1", "", "cli", Direction.OUTGOING),
        ),
        (
            # The text as given: the app reads the caller's name from it with the number.
            ["call", '"Kari Nordmann" <sip:+4722334455@pbx>;tag=1', "--state=answered"],
            CallEvent('"Kari Nordmann" <sip:+4722334455@pbx>;tag=1', CallState.ANSWERED),
        ),
        (["sips:%2B4722334455@pbx.example"], CallEvent("sips:%2B4722334455@pbx.example")),
        (
            ["callto://+4722334455/", "--call-id", "c9"],
            CallEvent("callto://+4722334455/", call_id="c9"),
        ),
        (["open", "42"], OpenContact(42)),
    ],
)  # fmt: skip
def test_events_reach_the_running_app_without_loading_anything_heavy(
    qtbot: QtBot, server: InstanceServer, args: list[str], event: Message
) -> None:
    try:
        with qtbot.waitSignal(server.message_received, timeout=20000) as got:
            result = _run(qtbot, server, *args)
        assert result.returncode == 0, result.stderr
        assert got.args == [event]
        assert result.stdout.strip() == ""  # none of HEAVY was imported
    finally:
        server.close()


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        (Reply.refused("'hello' is not a phone number.", bad_input=True), 2),
        (Reply.refused("SuperOffice has no contact 42"), 1),
    ],
)
def test_the_apps_refusal_is_the_commands_one_line_error(
    qtbot: QtBot, server: InstanceServer, reply: Reply, code: int
) -> None:
    asked: list[Message] = []

    def answer(message: Message) -> Reply:
        asked.append(message)
        return reply

    server.answer_with(answer)
    try:
        result = _run(qtbot, server, "call", "hello")
    finally:
        server.close()
    assert asked == [CallEvent("hello")]
    assert result.returncode == code
    assert result.stderr.splitlines() == [f"screenpop: {reply.error}"]


def test_the_slower_path_hands_over_too(qtbot: QtBot, server: InstanceServer) -> None:
    """What the quick path leaves to argparse (--verbose, an abbreviation) still reaches the
    app, after argparse read it."""
    try:
        with qtbot.waitSignal(server.message_received, timeout=20000) as got:
            result = _run(qtbot, server, "--verbose", "call", "+4722334455", "--sta", "ended")
    finally:
        server.close()
    assert result.returncode == 0, result.stderr
    assert got.args == [CallEvent("+4722334455", CallState.ENDED)]
    loaded = result.stdout.split()
    assert "argparse" in loaded
    assert not {"PySide6", "shiboken6", "httpx", "phonenumbers"} & set(loaded)


def test_an_answer_it_cannot_read_is_a_failure(qtbot: QtBot, server: InstanceServer) -> None:
    # An app of another version answering in words this one does not know.
    server.answer_with(lambda _message: _Odd())
    try:
        result = _run(qtbot, server, "open", "7")
    finally:
        server.close()
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "screenpop: the running Screenpop sent an answer it should not have"
    ]


class _Odd(Reply):
    def encode(self) -> bytes:
        return json.dumps({"v": 9, "ok": "maybe"}).encode() + b"\n"
