"""One running app per user and profile, over a local socket; later starts hand it their work.

The address is :func:`screenpop.triggers.instance_address.instance_address` (a socket in the
user's runtime folder); messages are one line of versioned JSON each
(:mod:`screenpop.triggers.messages`), answered by one line
(:class:`screenpop.triggers.instance_client.Reply`): done, or refused with the reason, which
the sending command prints as its one-line error. Senders use the Qt-free client of
:mod:`screenpop.triggers.instance_client`; the socket is served by
:mod:`screenpop.triggers.local_listener`.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from screenpop.triggers.instance_address import instance_address
from screenpop.triggers.instance_client import Reply, exchange, is_listening
from screenpop.triggers.local_listener import Listening, Peer, make_listener, remove_stale
from screenpop.triggers.messages import MAX_MESSAGE_BYTES, Message, MessageError, decode, encode

log = logging.getLogger(__name__)

# A socket file removed under the app (a cleaner of temporary folders) is made anew this often.
REFRESH_MS = 30_000

Answer = Callable[[Message], Reply | Awaitable[Reply]]


def server_name(instance_key: str) -> str:
    return instance_address(instance_key)


def send(name: str, message: Message, timeout_ms: int = 3000) -> bool:
    """Hand a message to the running app; False when none is running, it did not answer, or
    it refused the message."""
    reply = exchange(name, encode(message), timeout_ms / 1000)
    return reply is not None and reply.ok


def is_running(name: str) -> bool:
    return is_listening(name)


class InstanceServer(QObject):
    """Listens for messages from later `screenpop` processes of the same user and profile.

    Until :meth:`answer_with` names who handles them, every message it can read is answered
    "done" and emitted as ``message_received``.
    """

    message_received = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._answer: Answer | None = None
        self._pending: set[asyncio.Future[Reply]] = set()
        self._server = make_listener(self)
        self._server.accepted.connect(self._accept)
        self._buffers: dict[Peer, bytearray] = {}
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)

    def answer_with(self, answer: Answer) -> None:
        """``answer`` handles each message and says what to answer the sender: at once, or
        when an awaitable is done (`screenpop open` waits to hear whether the contact exists)."""
        self._answer = answer

    def listen(self) -> bool:
        """Become the single instance. False when another live instance already is."""
        if is_running(self.name):
            return False
        listening = self._server.listen(self.name)
        if listening is Listening.FAILED:
            log.warning("cannot listen on %s: %s", self.name, self._server.error)
            return False
        if listening is Listening.IN_USE:
            # Two starts at once: the other won. Or a socket file left behind by a crash.
            if is_running(self.name):
                return False
            log.info("removing a stale single-instance socket %s", self.name)
            remove_stale(self.name)
            if self._server.listen(self.name) is not Listening.YES:
                return False
        if sys.platform != "win32":
            # Only this user may hand the app calls.
            Path(self._server.path()).chmod(0o600)
            self._refresh.start()
        return True

    def refresh(self) -> bool:
        """Listen anew if the socket file was removed; True when it was."""
        if not self._server.is_listening() or Path(self._server.path()).exists():
            return False
        log.info("the single-instance socket %s was removed; listening anew", self.name)
        self._server.close()
        return self.listen()

    def close(self) -> None:
        self._refresh.stop()
        for pending in list(self._pending):
            pending.cancel()
        self._server.close()

    def _accept(self, socket: Peer) -> None:
        self._buffers[socket] = bytearray()
        socket.ready_read.connect(self._read)
        socket.gone.connect(self._forget)

    def _forget(self, socket: Peer) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: Peer) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += socket.read_all()
        if len(buffer) > MAX_MESSAGE_BYTES:
            log.warning("dropping an oversized single-instance message")
            socket.send(Reply.refused("the message is too large").encode())
            socket.hang_up()
            return
        while b"\n" in buffer:
            line, _, rest = bytes(buffer).partition(b"\n")
            buffer[:] = rest
            try:
                message = decode(line)
            except MessageError as err:
                log.warning("ignoring a message from another process: %s", err.message)
                reason = f"the running Screenpop cannot read the request ({err.message})"
                self._reply(socket, Reply.refused(reason))
                continue
            if self._answer is None:
                # Handled before it is acknowledged: a hang-up the sender heard "ok" for is in
                # the call log outbox on disk, even if the app is killed the next moment.
                self.message_received.emit(message)
                self._reply(socket, Reply())
                continue
            answer = self._answer(message)
            if isinstance(answer, Reply):
                self._reply(socket, answer)
            else:
                self._reply_later(socket, answer)

    @staticmethod
    def _reply(socket: Peer, reply: Reply) -> None:
        socket.send(reply.encode())

    def _reply_later(self, socket: Peer, answer: Awaitable[Reply]) -> None:
        future = asyncio.ensure_future(answer)
        self._pending.add(future)

        def done(finished: asyncio.Future[Reply]) -> None:
            self._pending.discard(finished)
            if finished.cancelled():
                return
            error = finished.exception()
            if error is not None:
                log.error("answering another process failed", exc_info=error)
                self._reply(socket, Reply.refused("the running Screenpop failed to do that"))
                return
            # The sender may have given up and gone: its socket is then already deleted.
            if socket in self._buffers:
                self._reply(socket, finished.result())

        future.add_done_callback(done)
