"""A GetMyCallerIDs answer split into batches of entries still as sent, a few at a time.

A million caller IDs are ~150 MB of JSON. Decoding that in one call holds the GIL for
seconds, which freezes the UI thread; so the ``CallerIDs`` array is cut into pieces of
about :data:`PIECE_BYTES` at ``},`` and each piece is checked by msgspec on its own, keeping
every entry as its raw bytes (:class:`msgspec.Raw`, no objects built). The sync then keys
each entry by those bytes and decodes only the entries it does not have yet.

A cut is only a guess: ``},`` may sit inside a name. Such a piece is not valid JSON (it ends
inside a string), so it fails its check and the whole answer is read in one call instead; a
tenant's envelope is checked the same way with the array emptied. So a split answer is
exactly what a whole decode would give.

While a large answer still arrives, :class:`PiecesAsSent` makes the same cuts in what has
come so far, so that a sync can start on its first batches before the last byte. Those are
a guess too, until the whole answer is read: they count only where they are the answer's
own first batches, byte for byte.
"""

from __future__ import annotations

import gc
import queue
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import msgspec

from screenpop.core.errors import DecodeError
from screenpop.core.wire import as_str

PIECE_BYTES = 256 * 1024
"""About 1,700 entries: msgspec checks a piece in a millisecond or two."""

_KEY = b'"CallerIDs"'


_lock = threading.Lock()
_users = 0
_before: tuple[bool, float] = (True, 0.005)
_SWITCH_S = 0.001


@contextmanager
def yielding_to_the_ui() -> Iterator[None]:
    """Bulk work in a worker thread that leaves the UI thread its frames (nesting, from any
    thread): no cyclic garbage collection, and Python's lock handed over every millisecond.

    A sync makes hundreds of thousands of objects that live until it ends, and a collection
    walks them all holding Python's lock; they are freed by reference counting, so nothing
    is lost by not collecting meanwhile. Python hands its lock to a waiting thread only
    every 5 ms by default, several times per frame for a UI thread's callbacks."""
    global _users, _before
    with _lock:
        if _users == 0:
            _before = (gc.isenabled(), sys.getswitchinterval())
            gc.disable()
            sys.setswitchinterval(_SWITCH_S)
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                was_enabled, interval = _before
                sys.setswitchinterval(interval)
                if was_enabled:
                    gc.enable()


class _Envelope(msgspec.Struct):
    # Any JSON for the hash: a tenant's odd type is kept as its text (``as_str``).
    CallerIDHash: object = None
    CallerIDs: list[msgspec.Raw] | None = None


_RAW_LIST = msgspec.json.Decoder(list[msgspec.Raw])
_ENVELOPE = msgspec.json.Decoder(_Envelope)


@dataclass(frozen=True, slots=True)
class Batch:
    """Entries as sent, in order; ``text`` is the JSON array they were cut from, if any."""

    raws: list[msgspec.Raw]
    text: bytes | None = None

    def array(self) -> bytes:
        """The batch as one JSON array, to decode in one call."""
        if self.text is not None:
            return self.text
        return b"[" + b",".join(self.raws) + b"]"


@dataclass(frozen=True, slots=True)
class CallerIdAnswer:
    """A changed caller-ID set, its entries undecoded."""

    hash: str
    batches: list[Batch]

    def __len__(self) -> int:
        return sum(len(batch.raws) for batch in self.batches)

    def raws(self) -> Iterator[msgspec.Raw]:
        for batch in self.batches:
            yield from batch.raws


class NotJsonError(DecodeError):
    """The answer is not JSON at all (or nested deeper than any decoder goes)."""


class _NotSplittable(Exception):
    """The quick cuts did not fit this answer: read it whole."""


def parse_caller_id_answer(
    body: bytes | bytearray, piece_bytes: int = PIECE_BYTES
) -> CallerIdAnswer | None:
    """The answer's entries in batches; None for "unchanged" (``null``, empty, or
    ``CallerIDs: null``). Raises :class:`DecodeError` for what is not JSON or not a
    CallerIDCollection. Large answers are checked piece by piece (see the module)."""
    if not body or body.isspace():
        return None
    with yielding_to_the_ui():
        if len(body) > 2 * piece_bytes:
            try:
                return _split(body, piece_bytes)
            except _NotSplittable:
                pass
        return _whole(body)


def _whole(body: bytes | bytearray) -> CallerIdAnswer | None:
    try:
        envelope = _ENVELOPE.decode(body)
    except msgspec.ValidationError as err:
        # Shape is checked as it is read: make sure the rest is JSON at all.
        try:
            value = msgspec.json.decode(body)
        except (msgspec.DecodeError, RecursionError):
            raise NotJsonError("not JSON") from None
        if value is None:
            return None
        raise DecodeError(f"not a CallerIDCollection: {err}") from None
    except (msgspec.DecodeError, RecursionError):
        raise NotJsonError("not JSON") from None
    raws = envelope.CallerIDs
    return _answer(envelope, [Batch(raws)] if raws else [])


def _answer(envelope: _Envelope, batches: list[Batch]) -> CallerIdAnswer | None:
    if envelope.CallerIDs is None:
        return None
    return CallerIdAnswer(as_str(envelope.CallerIDHash), batches)


def _split(body: bytes | bytearray, piece_bytes: int) -> CallerIdAnswer | None:
    key = body.find(_KEY)
    if key < 0:
        raise _NotSplittable
    start = _array_start(body, key + len(_KEY))
    end = _array_end(body)
    try:
        envelope = _ENVELOPE.decode(bytes(body[:start]) + b"[]" + bytes(body[end + 1 :]))
    except msgspec.DecodeError:
        raise _NotSplittable from None
    if envelope.CallerIDs != []:
        raise _NotSplittable
    batches: list[Batch] = []
    begin = start + 1
    while begin < end:
        cut = body.find(b"},", begin + piece_bytes, end)
        cut = end if cut < 0 else cut + 1
        text = b"[" + body[begin:cut] + b"]"
        try:
            raws = _RAW_LIST.decode(text)
        except msgspec.DecodeError:
            raise _NotSplittable from None
        batches.append(Batch(raws, text))
        begin = cut + 1
    return _answer(envelope, batches)


def _array_start(body: bytes | bytearray, after_key: int) -> int:
    """Where ``[`` opens the array after ``"CallerIDs"`` and its colon."""
    at = _skip_space(body, after_key)
    if body[at : at + 1] != b":":
        raise _NotSplittable
    at = _skip_space(body, at + 1)
    if body[at : at + 1] != b"[":
        raise _NotSplittable
    return at


def _array_end(body: bytes | bytearray) -> int:
    """The array's closing ``]``: the answer's last one (the hash is checked to come first
    or to hold none, by decoding the envelope around it)."""
    end = body.rfind(b"]")
    if end < 0:
        raise _NotSplittable
    return end


def _skip_space(body: bytes | bytearray, at: int) -> int:
    while body[at : at + 1] in (b" ", b"\t", b"\r", b"\n"):
        at += 1
    return at


class WireCallerId(msgspec.Struct, gc=False):
    """A CallerID as a regular tenant sends it; defaults as :meth:`CallerId.from_wire` has
    them. Anything else (numbers as text, nulls, junk) takes the tolerant decoder."""

    PhoneNumber: int
    DialInPrefix: int = 0
    PersonId: int = 0
    PersonName: str = ""
    Mrmrs: str = ""
    ContactId: int = 0
    ContactName: str = ""


_REGULAR = msgspec.json.Decoder(list[WireCallerId])


def decode_entries(array: bytes) -> tuple[list[WireCallerId], None] | tuple[None, list[Any]]:
    """The entries of a JSON array from :class:`Batch`: typed when every one is regular,
    else as plain JSON values for the tolerant decoder."""
    try:
        return _REGULAR.decode(array), None
    except msgspec.ValidationError:
        return None, msgspec.json.decode(array)


_STREAM_AHEAD = 64
"""Pieces cut and not yet taken at most (16 MB): past that, the rest of the answer waits
until it is read whole, so a slow reader never holds a second copy of a large answer."""
_KEY_WITHIN = 64 * 1024
"""Where the array must have begun for its pieces to be cut as they come."""


class Again:
    """Marks a new attempt at the answer (a retry): forget the pieces taken so far."""


AGAIN = Again()


@dataclass(frozen=True, slots=True)
class Ended:
    """The end of the pieces: the answer read whole (None: "unchanged"), or that none came."""

    answer: CallerIdAnswer | None
    failed: bool = False


class PiecesAsSent:
    """The pieces of a large caller-ID answer cut as it arrives, the way
    :func:`parse_caller_id_answer` cuts the whole of it (see the module).

    The thread receiving the answer calls :meth:`feed` with the body so far and then
    :meth:`end`; another thread calls :meth:`take` for piece texts (each a JSON array, not
    yet checked: :meth:`batch`), :data:`AGAIN` or the :class:`Ended` last of all."""

    def __init__(self, piece_bytes: int = PIECE_BYTES) -> None:
        self._piece_bytes = piece_bytes
        self._queue: queue.Queue[bytes | Again | Ended] = queue.Queue()
        self._body: bytearray | None = None
        self._begin = -1  # where the next piece starts, once the array's start is known
        self._cutting = False
        self._whole: CallerIdAnswer | None = None

    def feed(self, body: bytearray) -> None:
        """The answer's body so far (it only grows); a new one is a new attempt."""
        if body is not self._body:
            if self._body is not None:
                self._queue.put(AGAIN)
            self._body, self._begin, self._cutting = body, -1, True
        # A body this small is read whole at the end, not cut: so not cut here either.
        if not self._cutting or len(body) <= 2 * self._piece_bytes:
            return
        if self._begin < 0:
            self._begin = self._first(body)
        while self._cutting and self._queue.qsize() < _STREAM_AHEAD:
            cut = body.find(b"},", self._begin + self._piece_bytes)
            if cut < 0:
                return
            self._queue.put(b"[" + body[self._begin : cut + 1] + b"]")
            self._begin = cut + 2
        self._cutting = False  # too far ahead of the reader: the rest comes whole

    def _first(self, body: bytearray) -> int:
        key = body.find(_KEY, 0, _KEY_WITHIN)
        try:
            if key < 0:
                raise _NotSplittable
            return _array_start(body, key + len(_KEY)) + 1
        except _NotSplittable:
            self._cutting = False
            return 0

    def end(self, answer: CallerIdAnswer | None = None, *, failed: bool = False) -> None:
        """No more pieces: the answer as read whole, or ``failed``."""
        self._cutting = False
        self._whole = answer
        self._queue.put(Ended(answer, failed))

    def take(self) -> bytes | Again | Ended:
        item = self._queue.get()
        if isinstance(item, Ended):
            self._whole = None  # the taker's only, to free on its own thread
        return item

    def batch(self, text: bytes, index: int) -> Batch | None:
        """A piece taken as the ``index``-th batch, if it is a JSON array: read already
        where the whole answer has come meanwhile with that batch, else checked here."""
        whole = self._whole
        if whole is not None and index < len(whole.batches):
            batch = whole.batches[index]
            if batch.text == text:
                return batch
        try:
            return Batch(_RAW_LIST.decode(text), text)
        except msgspec.DecodeError:
            return None
