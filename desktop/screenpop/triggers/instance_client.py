"""A later `screenpop` process's side of the single instance, without Qt: one line of JSON to
the running app (:mod:`screenpop.triggers.single_instance`), one line of answer back.

A softphone hook runs this on every call, and the time from its start to the toast is the
figure agents feel (issue 16: within 3× a bare Python start), so it imports nothing beyond
what the interpreter has loaded at start: ``_socket`` rather than ``socket`` (whose enums
import ``enum`` and ``re``), and JSON written here (the ``json`` module imports ``re``) and read
with ``json`` only for an answer that is not a plain "done".

On Linux and macOS the app listens on a Unix-domain socket; on Windows QLocalServer serves a
named pipe, opened here as a file.
"""

from __future__ import annotations

import os
import sys
import time
from io import FileIO

# typing itself costs a hook more than everything else here: its names are for mypy only.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 64 * 1024
_OK = b'{"v": 1, "ok": true}\n'
_PIPE_PREFIX = "\\\\.\\pipe\\"
_ERROR_PIPE_BUSY = 231


class Reply:
    """The running app's answer: done, or refused with a one-line reason (``bad_input``: the
    input can never be right, so the command line exits 2 rather than 1)."""

    __slots__ = ("bad_input", "error", "ok")

    def __init__(self, ok: bool = True, error: str = "", bad_input: bool = False) -> None:
        self.ok = ok
        self.error = error
        self.bad_input = bad_input

    @classmethod
    def refused(cls, error: str, *, bad_input: bool = False) -> Reply:
        return cls(False, error, bad_input)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Reply):
            return NotImplemented
        return (self.ok, self.error, self.bad_input) == (other.ok, other.error, other.bad_input)

    def __hash__(self) -> int:
        return hash((self.ok, self.error, self.bad_input))

    def __repr__(self) -> str:
        return f"Reply(ok={self.ok!r}, error={self.error!r}, bad_input={self.bad_input!r})"

    def encode(self) -> bytes:
        if self.ok:
            return _OK
        body = f'{{"v": 1, "ok": false, "error": {json_string(self.error)}'
        return (body + (', "input": true}\n' if self.bad_input else "}\n")).encode()

    @classmethod
    def decode(cls, line: bytes) -> Reply:
        """The answer in ``line``; an unreadable one is a refusal that says so."""
        if line == _OK:
            return cls()
        import json

        try:
            body = json.loads(line)
        except (ValueError, RecursionError):
            body = None
        if not isinstance(body, dict) or body.get("v") != PROTOCOL_VERSION:
            return cls.refused("the running Screenpop sent an answer it should not have")
        if body.get("ok") is True:
            return cls()
        error = body.get("error")
        if not isinstance(error, str) or not error.strip():
            # An app from before answers a message it cannot read with a bare "no".
            error = "the running Screenpop refused the request"
        return cls.refused(" ".join(error.split())[:300], bad_input=body.get("input") is True)


def json_string(text: str) -> str:
    """``json.dumps(text)``, without importing json: ASCII only, as json writes it."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 | code >> 10:04x}\\u{0xDC00 | code & 0x3FF:04x}")
        else:
            out.append(_SHORT_ESCAPES.get(char) or f"\\u{code:04x}")
    out.append('"')
    return "".join(out)


_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def message_line(kind: str, **fields: str | int) -> bytes:
    """One message of :mod:`screenpop.triggers.messages` (``type`` ``kind``) as sent."""
    parts = [f'"v": {PROTOCOL_VERSION}', f'"type": {json_string(kind)}']
    for key, value in fields.items():
        text = str(value) if isinstance(value, int) else json_string(value)
        parts.append(f"{json_string(key)}: {text}")
    return ("{" + ", ".join(parts) + "}\n").encode()


def exchange(address: str, line: bytes, timeout_s: float = 3.0) -> Reply | None:
    """Hand ``line`` to the app listening at ``address``; its answer, or None when no app is
    listening there or it did not answer within ``timeout_s``."""
    if sys.platform == "win32":
        return _exchange_pipe(address, line, timeout_s)
    import _socket

    path = address if address.startswith("/") else qt_temp_path(address)
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout_s)
        sock.connect(path)
        sock.sendall(line)
        answer = _read_line(sock.recv)
    except OSError:  # nobody listens (no file, refused), or no answer in time
        return None
    finally:
        sock.close()
    return Reply.decode(answer) if answer else None


def is_listening(address: str) -> bool:
    """Whether an app listens at ``address`` (a connection is accepted; nothing is sent)."""
    if sys.platform == "win32":
        pipe = _open_pipe(address, 0.5)
        if pipe is not None:
            pipe.close()
        return pipe is not None
    import _socket

    path = address if address.startswith("/") else qt_temp_path(address)
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(0.5)
        sock.connect(path)
    except OSError:
        return False
    finally:
        sock.close()
    return True


def qt_temp_path(name: str) -> str:
    """Where QLocalServer puts a bare name on Unix: in QDir::tempPath()."""
    from screenpop.triggers.instance_address import temp_folder

    return os.path.join(temp_folder(), name)


def _read_line(recv: Callable[[int], bytes | None]) -> bytes:
    """Up to the first newline (or the end, or the size limit); ``recv(n)`` reads."""
    answer = b""
    while b"\n" not in answer and len(answer) <= MAX_MESSAGE_BYTES:
        chunk = recv(4096)
        if not chunk:
            break
        answer += chunk
    return answer.partition(b"\n")[0] + b"\n" if b"\n" in answer else answer


# -- Windows: QLocalServer's named pipe -----------------------------------------------------


def _open_pipe(name: str, timeout_s: float) -> FileIO | None:
    path = name if name.startswith(_PIPE_PREFIX) else _PIPE_PREFIX + name
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return FileIO(path, "r+b")
        except FileNotFoundError:
            return None
        except OSError as err:
            # Every instance of the pipe is taken for a moment; QLocalServer opens another.
            if getattr(err, "winerror", 0) != _ERROR_PIPE_BUSY or time.monotonic() > deadline:
                return None
            time.sleep(0.005)


def _exchange_pipe(name: str, line: bytes, timeout_s: float) -> Reply | None:
    import threading

    pipe = _open_pipe(name, timeout_s)
    if pipe is None:
        return None
    answers: list[bytes] = []

    def talk() -> None:
        try:
            pipe.write(line)
            answers.append(_read_line(pipe.read))
        except OSError:
            answers.append(b"")

    # A pipe opened as a file cannot time out by itself: the exchange runs in a thread that
    # is left behind (blocked, its handle open) if the app never answers.
    talker = threading.Thread(target=talk, daemon=True)
    talker.start()
    talker.join(timeout_s)
    if not answers:
        return None
    pipe.close()
    return Reply.decode(answers[0]) if answers[0] else None
