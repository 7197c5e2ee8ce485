"""The single-instance server over a real QLocalServer, with the client in another thread."""

from __future__ import annotations

import subprocess
import sys
import uuid

from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from screenpop.core.calls import CallEvent, CallState
from screenpop.triggers.messages import Message, OpenContact, encode
from screenpop.triggers.single_instance import InstanceServer, send, server_name


def _name() -> str:
    return server_name(uuid.uuid4().hex[:16])


def _send_from_another_process(name: str, message: Message) -> subprocess.Popen[str]:
    # As in real use, a second process sends; the server answers from qtbot's event loop.
    code = (
        "import sys; from screenpop.triggers import messages, single_instance as si; "
        "ok = si.send(sys.argv[1], messages.decode(sys.argv[2].encode())); "
        "print('sent' if ok else 'failed')"
    )
    line = encode(message).decode().strip()
    return subprocess.Popen(
        [sys.executable, "-c", code, name, line], stdout=subprocess.PIPE, text=True
    )


def _outcome(qtbot: QtBot, sender: subprocess.Popen[str]) -> str:
    qtbot.waitUntil(lambda: sender.poll() is not None, timeout=10000)
    out, _ = sender.communicate()
    return out.strip()


def test_messages_reach_the_running_instance(qtbot: QtBot) -> None:
    server = InstanceServer(_name())
    assert server.listen()
    event = CallEvent("+4722334455", CallState.RINGING, "c1")
    with qtbot.waitSignal(server.message_received, timeout=10000) as got:
        sender = _send_from_another_process(server.name, event)
    assert got.args == [event]
    assert _outcome(qtbot, sender) == "sent"
    server.close()


def test_a_second_instance_is_refused_while_the_first_lives(qtbot: QtBot) -> None:
    first = InstanceServer(_name())
    assert first.listen()
    second = InstanceServer(first.name)
    assert second.listen() is False
    # The first still owns the name: messages keep reaching it.
    with qtbot.waitSignal(first.message_received, timeout=10000) as got:
        sender = _send_from_another_process(first.name, OpenContact(7))
    assert got.args == [OpenContact(7)]
    assert _outcome(qtbot, sender) == "sent"
    first.close()


def test_no_instance_means_send_fails_fast() -> None:
    assert send(_name(), OpenContact(1), timeout_ms=300) is False


def test_a_stale_socket_is_taken_over(qtbot: QtBot) -> None:
    name = _name()
    stale = QLocalServer()
    assert stale.listen(name)
    # Simulate a crash: the socket file stays, nobody accepts on it any more.
    stale.close()
    server = InstanceServer(name)
    assert server.listen()
    server.close()
