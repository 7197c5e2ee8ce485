"""Netstrings (``12:hello world!,``), decoded incrementally and strictly.

baresip's ``ctrl_tcp`` frames each JSON message this way. A stream that breaks the framing
cannot be resynchronised (a payload may contain anything), so every fault raises
:class:`NetstringError` and the caller drops the connection; after an error the decoder
refuses all further input.
"""

from __future__ import annotations

from screenpop.core.errors import ScreenpopError

MAX_PAYLOAD = 64 * 1024


class NetstringError(ScreenpopError):
    """The byte stream is not a sequence of netstrings (or one is larger than allowed).

    ``payloads`` are the whole netstrings the same :meth:`NetstringDecoder.feed` decoded
    before the fault: good messages that arrived with a bad one are not lost.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.payloads: list[bytes] = []


def encode(payload: bytes) -> bytes:
    return b"%d:%s," % (len(payload), payload)


class NetstringDecoder:
    """Bytes in, whole payloads out; holds at most one unfinished netstring."""

    def __init__(self, max_payload: int = MAX_PAYLOAD) -> None:
        self._max = max_payload
        # A length longer than the cap's digits is refused before it is complete.
        self._max_digits = len(str(max_payload))
        self._buffer = bytearray()
        self._length: int | None = None  # of the payload being read, once its ":" arrived
        self._failed: NetstringError | None = None

    @property
    def pending(self) -> int:
        """Bytes held of an unfinished netstring."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[bytes]:
        """The payloads ``data`` completes, in order. Raises NetstringError on bad framing."""
        if self._failed is not None:
            raise self._failed
        self._buffer += data
        payloads: list[bytes] = []
        try:
            while self._next(payloads):
                pass
        except NetstringError as err:
            err.payloads = payloads
            self._failed = NetstringError(err.message)
            self._buffer.clear()
            raise
        return payloads

    def _next(self, payloads: list[bytes]) -> bool:
        """Take one netstring off the buffer if it is all there; False when more is needed."""
        buffer = self._buffer
        if self._length is None:
            colon = buffer.find(b":", 0, self._max_digits + 1)
            if colon < 0:
                self._check_digits(bytes(buffer[: self._max_digits + 1]), complete=False)
                return False
            self._length = self._check_digits(bytes(buffer[:colon]), complete=True)
            del buffer[: colon + 1]
        length = self._length
        if len(buffer) < length + 1:
            return False
        if buffer[length] != ord(","):
            raise NetstringError(f"a netstring of {length} bytes does not end with ','")
        payloads.append(bytes(buffer[:length]))
        del buffer[: length + 1]
        self._length = None
        return True

    def _check_digits(self, digits: bytes, *, complete: bool) -> int:
        """The length the digits give (0 while incomplete); raises as soon as they cannot be
        a valid length, so junk is refused without waiting for a ":" that never comes."""
        if (digits or complete) and not digits.isdigit():
            raise NetstringError(f"a netstring starts with {digits[:12]!r}, not a length")
        if len(digits) > self._max_digits:
            raise NetstringError(f"a netstring is over the {self._max} byte limit")
        if len(digits) > 1 and digits.startswith(b"0"):
            raise NetstringError("a netstring length has a leading zero")
        if not complete:
            return 0
        length = int(digits)
        if length > self._max:
            raise NetstringError(
                f"a netstring of {length} bytes is over the {self._max} byte limit"
            )
        return length
