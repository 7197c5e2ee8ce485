"""The listening end of the single-instance socket, on Qt's event loop.

On Linux and macOS a Unix-domain socket served with Python's own ``socket`` and QtCore's
QSocketNotifier: QtNetwork (QLocalServer) would cost an app idle in the tray about 3 MB for
itself and the Kerberos and resolver libraries it links. On Windows the address is a named
pipe, which only QLocalServer serves here; QtNetwork is imported there alone.

A peer is one sender's connection: its bytes arrive through ``ready_read`` and
:meth:`Peer.read_all`, the answer goes back with :meth:`Peer.send`.
"""

from __future__ import annotations

import contextlib
import errno
import socket
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from screenpop.triggers.instance_client import qt_temp_path

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

_CHUNK = 64 * 1024


class Listening(Enum):
    YES = "yes"
    IN_USE = "in use"  # another server, or a socket file left behind by a crash
    FAILED = "failed"


class Peer(QObject):
    ready_read = Signal(object)
    """This peer: bytes arrived."""
    gone = Signal(object)
    """This peer: the sender hung up."""

    def read_all(self) -> bytes:
        raise NotImplementedError

    def send(self, data: bytes) -> None:
        raise NotImplementedError

    def hang_up(self) -> None:
        raise NotImplementedError


class Listener(QObject):
    accepted = Signal(object)
    """A :class:`Peer` connected."""

    error = ""

    def listen(self, address: str) -> Listening:
        raise NotImplementedError

    def path(self) -> str:
        """The socket file (Linux, macOS)."""
        raise NotImplementedError

    def is_listening(self) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


def make_listener(parent: QObject | None = None) -> Listener:
    if sys.platform == "win32":
        return _PipeListener(parent)
    return _UnixListener(parent)


def remove_stale(address: str) -> None:
    """Remove a socket file nobody accepts on any more (a pipe vanishes with its server)."""
    if sys.platform != "win32":
        Path(_unix_path(address)).unlink(missing_ok=True)


def _unix_path(address: str) -> str:
    # A bare name lives where QLocalServer would put it, as the client expects.
    return address if address.startswith("/") else qt_temp_path(address)


class _UnixPeer(Peer):
    def __init__(self, sock: socket.socket, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sock = sock
        self._received = bytearray()
        self._notifier: QSocketNotifier | None = QSocketNotifier(
            sock.fileno(), QSocketNotifier.Type.Read, self
        )
        self._notifier.activated.connect(self._readable)

    def read_all(self) -> bytes:
        data = bytes(self._received)
        self._received.clear()
        return data

    def send(self, data: bytes) -> None:
        if self._notifier is None:
            return
        try:
            # A reply is one short line: it fits the socket's buffer; a sender that went away
            # meanwhile has nobody left to tell.
            self._sock.sendall(data)
        except OSError:
            self.hang_up()

    def hang_up(self) -> None:
        if self._notifier is None:
            return
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self._notifier = None
        self._sock.close()
        self.gone.emit(self)

    def _readable(self) -> None:
        try:
            data = self._sock.recv(_CHUNK)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self.hang_up()
            return
        self._received += data
        self.ready_read.emit(self)


class _UnixListener(Listener):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sock: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._path = ""

    def listen(self, address: str) -> Listening:
        self.close()
        self._path = _unix_path(address)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(self._path)
            sock.listen(16)
        except OSError as err:
            sock.close()
            self.error = err.strerror or str(err)
            return Listening.IN_USE if err.errno == errno.EADDRINUSE else Listening.FAILED
        sock.setblocking(False)
        self._sock = sock
        self._notifier = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return Listening.YES

    def path(self) -> str:
        return self._path

    def is_listening(self) -> bool:
        return self._sock is not None

    def close(self) -> None:
        if self._sock is None:
            return
        assert self._notifier is not None
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self._notifier = None
        self._sock.close()
        self._sock = None
        with contextlib.suppress(OSError):
            Path(self._path).unlink()  # as QLocalServer.close does

    def _accept(self) -> None:
        assert self._sock is not None
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:  # none left (or a sender gone before it was accepted)
                return
            conn.setblocking(False)
            self.accepted.emit(_UnixPeer(conn, self))


class _PipePeer(Peer):
    def __init__(self, socket: QLocalSocket) -> None:
        super().__init__(socket)
        self._socket = socket
        socket.readyRead.connect(lambda: self.ready_read.emit(self))
        socket.disconnected.connect(lambda: self.gone.emit(self))
        socket.disconnected.connect(socket.deleteLater)  # and this peer, its child, with it

    def read_all(self) -> bytes:
        return bytes(self._socket.readAll().data())

    def send(self, data: bytes) -> None:
        from PySide6.QtNetwork import QLocalSocket

        if self._socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            self._socket.write(data)
            self._socket.flush()

    def hang_up(self) -> None:
        self._socket.disconnectFromServer()


class _PipeListener(Listener):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        # Not UserAccessOption: with it Qt binds a temporary file and renames it over the
        # name, silently stealing a live instance's socket.
        self._server: QLocalServer = QLocalServer(self)
        self._server.newConnection.connect(self._accept)

    def listen(self, address: str) -> Listening:
        from PySide6.QtNetwork import QAbstractSocket

        if self._server.listen(address):
            return Listening.YES
        self.error = self._server.errorString()
        in_use = self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError
        return Listening.IN_USE if in_use else Listening.FAILED

    def path(self) -> str:
        return self._server.fullServerName()

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self.accepted.emit(_PipePeer(socket))
