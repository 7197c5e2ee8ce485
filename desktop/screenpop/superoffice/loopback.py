"""The redirect target of the browser sign-in: a one-shot HTTP listener on 127.0.0.1.

RFC 8252 §7.3: a native app receives the authorization response on a loopback port of its
own choosing. This listener answers the browser with a small plain-text page, hands back the
query of the first request that carries the expected ``state`` (or an ``error``), ignores
anything else (a favicon request, a forged answer with another state), and closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from types import TracebackType
from urllib.parse import parse_qsl, urlsplit

log = logging.getLogger(__name__)

_MAX_HEAD = 16 * 1024
_READ_TIMEOUT_S = 10.0
DONE_PAGE = "Signed in to SuperOffice. You can close this tab and go back to Screenpop."
FAILED_PAGE = "SuperOffice did not sign you in. You can close this tab; Screenpop says why."
_IGNORED_PAGE = "Not a sign-in answer for Screenpop."


class LoopbackReceiver:
    """``async with LoopbackReceiver(state) as rx:`` open the browser at a URL whose
    ``redirect_uri`` is ``rx.redirect_uri``, then ``params = await rx.wait(timeout)``."""

    def __init__(self, state: str, host: str = "127.0.0.1") -> None:
        self._state = state
        self._host = host
        self._server: asyncio.Server | None = None
        self._result: asyncio.Future[dict[str, str]] | None = None
        self.redirect_uri = ""

    async def __aenter__(self) -> LoopbackReceiver:
        self._result = asyncio.get_running_loop().create_future()
        self._server = await asyncio.start_server(self._handle, self._host, 0)
        port = self._server.sockets[0].getsockname()[1]
        self.redirect_uri = f"http://{self._host}:{port}"
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()

    async def wait(self, within_s: float) -> dict[str, str] | None:
        """The answer's query parameters (``code``/``state``, or ``error``…); None when
        nothing came in ``within_s`` seconds (the person closed the browser tab)."""
        assert self._result is not None, "use as `async with`"
        try:
            return await asyncio.wait_for(asyncio.shield(self._result), within_s)
        except TimeoutError:
            return None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), _READ_TIMEOUT_S)
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, OSError):
            writer.close()
            return
        if len(head) > _MAX_HEAD:
            await _answer(writer, 431, "Request header too large.")
            return
        request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
        method, _, rest = request_line.partition(" ")
        target = rest.rsplit(" ", 1)[0]
        params = dict(parse_qsl(urlsplit(target).query, keep_blank_values=True))
        waiting = self._result is not None and not self._result.done()
        if method != "GET" or not waiting or params.get("state") != self._state:
            if params.get("state") not in (None, self._state):
                log.info("ignored a sign-in answer with another state")
            await _answer(writer, 404, _IGNORED_PAGE)
            return
        if "error" in params:
            await _answer(writer, 200, FAILED_PAGE)
        elif params.get("code"):
            await _answer(writer, 200, DONE_PAGE)
        else:
            await _answer(writer, 400, _IGNORED_PAGE)
            return
        assert self._result is not None
        self._result.set_result(params)


async def _answer(writer: asyncio.StreamWriter, status: int, text: str) -> None:
    body = (text + "\n").encode()
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 431: "Too Large"}[status]
    writer.write(
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\n"
        "Connection: close\r\n\r\n".encode()
        + body
    )
    with contextlib.suppress(OSError):
        await writer.drain()
    writer.close()
