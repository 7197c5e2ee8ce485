"""The single-instance server over a real local socket, with the client in another process."""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
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


def test_the_socket_lives_in_the_users_runtime_folder(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Short, as /run/user/1000 is: a socket path holds about 100 bytes.
    runtime = Path(tempfile.mkdtemp(prefix="run-", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    key = uuid.uuid4().hex[:16]
    name = server_name(key)
    assert name == str(runtime / "screenpop" / f"{key}.sock")
    server = InstanceServer(name)
    try:
        assert server.listen()
        socket_file = Path(name)
        assert stat.S_ISSOCK(socket_file.stat().st_mode)
        assert stat.S_IMODE(socket_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(socket_file.parent.stat().st_mode) == 0o700
        # A cleaner removes it: the next refresh listens anew, and later starts find the app.
        socket_file.unlink()
        assert server.refresh()
        assert socket_file.exists() and not server.refresh()
        received: list[Message] = []
        server.message_received.connect(received.append)
        assert _outcome(qtbot, _send_from_another_process(name, OpenContact(7))) == "sent"
        qtbot.waitUntil(lambda: received == [OpenContact(7)], timeout=5000)
    finally:
        server.close()
        shutil.rmtree(runtime)


def test_without_a_runtime_folder_a_private_one_in_tmp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    tempfile.tempdir = None
    try:
        name = Path(server_name("0123456789abcdef"))
        assert name.parent.parent == tmp_path and name.parent.name.startswith("screenpop-")
        assert stat.S_IMODE(name.parent.stat().st_mode) == 0o700
        # Someone else's folder by that name (or a link) is never used.
        name.parent.rmdir()
        (tmp_path / "elsewhere").mkdir()
        name.parent.symlink_to(tmp_path / "elsewhere")
        assert Path(server_name("0123456789abcdef")).parent != name.parent
    finally:
        tempfile.tempdir = None
