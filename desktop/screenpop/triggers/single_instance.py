"""One running app per user and profile, over QLocalServer; later starts hand it their work.

The address is :func:`screenpop.triggers.instance_address.instance_address` (a socket in the
user's runtime folder); messages are one line of versioned JSON each
(:mod:`screenpop.triggers.messages`), answered by one line.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from screenpop.triggers.instance_address import instance_address
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
# A socket file removed under the app (a cleaner of temporary folders) is made anew this often.
REFRESH_MS = 30_000


def server_name(instance_key: str) -> str:
    return instance_address(instance_key)


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
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)

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
            self._refresh.start()
        return True

    def refresh(self) -> bool:
        """Listen anew if the socket file was removed; True when it was."""
        if not self._server.isListening() or Path(self._server.fullServerName()).exists():
            return False
        log.info("the single-instance socket %s was removed; listening anew", self.name)
        self._server.close()
        return self.listen()

    def close(self) -> None:
        self._refresh.stop()
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
