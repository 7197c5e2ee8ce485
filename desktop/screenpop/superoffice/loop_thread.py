"""The HTTP client's network I/O on an asyncio loop of its own, in a thread of its own.

In the tray app the asyncio loop is Qt's (qasync), and every turn of it goes through Qt's
event dispatch: httpx's many small steps per request (connect, TLS, write, read headers,
read each chunk) made a summary wait tens of milliseconds for turns among paints and input.
Here a request costs the UI thread one turn: :class:`LoopThreadTransport` hands it to an
``httpx.AsyncClient`` running on a loop in a worker thread (with its own connection pool,
TLS context and the environment's proxies) and hands back its answer, read ahead whole when
it is small (a summary), relayed piece by piece when it is large (a caller-ID set), so a big
answer never sits in memory twice. Cancelling the request on the UI side cancels it there.

The client the app uses stays one shared ``httpx.AsyncClient`` on the UI's loop (headers,
auth, timeouts per request); only its transport is this.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any, TypeVar

import httpx

T = TypeVar("T")
# Read ahead in the worker before the answer is handed over: a whole summary, and at most this
# much of a larger answer at a time after that.
READ_AHEAD_BYTES = 512 * 1024


class LoopThread:
    """An asyncio loop running in a daemon thread; coroutines are run on it with :meth:`run`."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self._thread.start()

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """``coro``'s result, awaited from another thread's loop (cancelling it cancels it)."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    def stop(self) -> None:
        if self.loop.is_closed():
            return
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join()
        self.loop.close()


class LoopThreadTransport(httpx.AsyncBaseTransport):
    """Sends each request through ``make_client()``'s client, on a loop thread of its own."""

    def __init__(self, make_client: Callable[[], httpx.AsyncClient], name: str = "http") -> None:
        self._thread = LoopThread(name)
        self._client = make_client()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._thread.run(self._send(request))

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """On the worker's loop: send, read ahead, and hand back a response for the UI's."""
        response = await self._client.send(request, stream=True)
        try:
            if response.is_stream_consumed:  # read already: a transport that answers in bytes
                raw, chunks, ended = None, [response.content], True
            else:
                raw = response.aiter_raw()
                chunks, ended = await _read_ahead(raw)
        except BaseException:
            await response.aclose()
            raise
        if ended or raw is None:
            await response.aclose()
            stream: httpx.AsyncByteStream = _ReadAhead(chunks)
        else:
            stream = _Relayed(chunks, raw, response, self._thread)
        extensions = {k: v for k, v in response.extensions.items() if k != "network_stream"}
        return httpx.Response(
            response.status_code, headers=response.headers.raw, stream=stream,
            extensions=extensions,
        )  # fmt: skip

    async def aclose(self) -> None:
        try:
            await self._thread.run(self._client.aclose())
        finally:
            self._thread.stop()


async def _read_ahead(raw: AsyncIterator[bytes]) -> tuple[list[bytes], bool]:
    """Up to READ_AHEAD_BYTES of the answer's chunks; True when that was all of it."""
    chunks: list[bytes] = []
    size = 0
    while size < READ_AHEAD_BYTES:
        try:
            chunk = await anext(raw)
        except StopAsyncIteration:
            return chunks, True
        chunks.append(chunk)
        size += len(chunk)
    return chunks, False


class _ReadAhead(httpx.AsyncByteStream):
    """An answer read whole in the worker."""

    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk


class _Relayed(httpx.AsyncByteStream):
    """A large answer, read on in the worker a piece at a time, one piece ahead of its reader.
    Made on the worker's loop; its reader is on another."""

    def __init__(
        self,
        first: list[bytes],
        raw: AsyncIterator[bytes],
        response: httpx.Response,
        thread: LoopThread,
    ) -> None:
        self._first = first
        self._raw = raw
        self._response = response
        self._thread = thread
        self._ahead: asyncio.Task[tuple[list[bytes], bool]] | None = asyncio.ensure_future(
            _read_ahead(raw)
        )

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunks, ended = self._first, False
        self._first = []
        while True:
            for chunk in chunks:
                yield chunk
            if ended:
                return
            chunks, ended = await self._thread.run(self._next())

    async def _next(self) -> tuple[list[bytes], bool]:
        """On the worker's loop: the piece read ahead, and the next one set going."""
        assert self._ahead is not None
        chunks, ended = await self._ahead
        self._ahead = None if ended else asyncio.ensure_future(_read_ahead(self._raw))
        return chunks, ended

    async def aclose(self) -> None:
        await self._thread.run(self._close())

    async def _close(self) -> None:
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            ahead.cancel()
            await asyncio.gather(ahead, return_exceptions=True)
        await self._response.aclose()
