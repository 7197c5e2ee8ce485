"""One running app per user and profile, over QLocalServer; later starts hand it their work."""

from __future__ import annotations

import getpass
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from screenpop.triggers.messages import (
    MAX_MESSAGE_BYTES,
    Message,
    MessageError,
    decode,
    encode,
)

log = logging.getLogger(__name__)

_REPLY_OK = b'{"v": 1, "ok": true}\n'
_REPLY_BAD = b'{"v": 1, "ok": false}\n'


def server_name(instance_key: str) -> str:
    user = "".join(c for c in getpass.getuser() if c.isalnum()) or "user"
    return f"screenpop-{user}-{instance_key}"


def send(name: str, message: Message, timeout_ms: int = 3000) -> bool:
    """Hand a message to the running app; False when none is running (or it did not answer)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(encode(message))
    # The result is not checked: it is False when the bytes already went out.
    socket.waitForBytesWritten(timeout_ms)
    answered = socket.waitForReadyRead(timeout_ms)
    reply = bytes(socket.readAll().data()) if answered else b""
    socket.disconnectFromServer()
    return reply == _REPLY_OK


def is_running(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    running = socket.waitForConnected(500)
    socket.abort()
    return running


class InstanceServer(QObject):
    """Listens for messages from later `screenpop` processes of the same user and profile."""

    message_received = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        # Not UserAccessOption: with it Qt binds a temporary file and renames it over the name,
        # silently stealing a live instance's socket. Access is restricted after listening.
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        """Become the single instance. False when another live instance already is."""
        if is_running(self.name):
            return False
        if not self._server.listen(self.name):
            if self._server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                log.warning("cannot listen on %s: %s", self.name, self._server.errorString())
                return False
            # Two starts at once: the other won. Or a socket file left behind by a crash.
            if is_running(self.name):
                return False
            log.info("removing a stale single-instance socket %s", self.name)
            QLocalServer.removeServer(self.name)
            if not self._server.listen(self.name):
                return False
        if sys.platform != "win32":
            # Only this user may hand the app calls.
            Path(self._server.fullServerName()).chmod(0o600)
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE_BYTES:
            log.warning("dropping an oversized single-instance message")
            socket.write(_REPLY_BAD)
            socket.disconnectFromServer()
            return
        while b"\n" in buffer:
            line, _, rest = bytes(buffer).partition(b"\n")
            buffer[:] = rest
            try:
                message = decode(line)
            except MessageError as err:
                log.warning("ignoring a message from another process: %s", err.message)
                socket.write(_REPLY_BAD)
                continue
            # Handled before it is acknowledged: a hang-up the sender heard "ok" for is in the
            # call log outbox on disk, even if the app is killed the next moment.
            self.message_received.emit(message)
            socket.write(_REPLY_OK)
            socket.flush()
