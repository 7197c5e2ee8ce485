"""Faults the demo tenant can inject into its API answers (``demo-server --fault KIND[:RATE]``).

A raw ASGI wrapper in front of the app: for each request under ``/{customer}/api/`` it first
waits the configured latency, then draws once from a seeded random stream and, for a fraction
RATE of requests, answers as KIND instead of the real thing:

``500``, ``503`` and ``429`` (both with ``Retry-After: 1``), ``401``, ``421`` ("Wrong
subdomain used to access tenant"), ``malformed-json`` (200 with a body that is not JSON),
``truncated`` (the real answer's headers, ``Content-Length`` of the whole body, then half the
body and the connection closed: what a proxy that dies mid-answer does), ``reset`` (the
connection closed before the request is handled), ``lost-answer`` (the request handled in
full, then the connection closed before any answer: a POST that did its work, whose client
never hears of it) and ``timeout`` (no answer until the client gives up).

``truncated``, ``reset``, ``lost-answer`` and ``timeout`` need a real connection (uvicorn):
in-process over httpx's ASGI transport, the drops raise ConnectionResetError instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from screenpop.core.errors import ConfigError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

KINDS = (
    "500", "503", "429", "401", "421", "malformed-json", "truncated", "reset", "lost-answer",
    "timeout",
)  # fmt: skip
RETRY_AFTER_S = 1
_DROP_WAIT_S = 10.0


@dataclass(frozen=True, slots=True)
class Fault:
    kind: str
    rate: float = 1.0

    @classmethod
    def parse(cls, text: str) -> Fault:
        """``503``, ``503:0.5``, ``reset:0.1``; ConfigError in one line otherwise."""
        kind, sep, rate_text = text.strip().lower().partition(":")
        if kind not in KINDS:
            raise ConfigError(f"--fault {text!r}: the kind is one of {', '.join(KINDS)}.")
        try:
            rate = float(rate_text) if sep else 1.0
        except ValueError:
            rate = -1.0
        if not 0.0 < rate <= 1.0:
            raise ConfigError(f"--fault {text!r}: the rate is a fraction above 0, at most 1.")
        return cls(kind, rate)


class FaultPlan:
    """Which faults, how often; the demo's control request may change them while serving."""

    def __init__(self, faults: tuple[Fault, ...] = (), seed: int = 1) -> None:
        self._lock = threading.Lock()
        self._rng = random.Random(seed)
        self.faults: tuple[Fault, ...] = ()
        self.replace(faults, seed)

    def replace(self, faults: tuple[Fault, ...], seed: int | None = None) -> None:
        if sum(f.rate for f in faults) > 1.0 + 1e-9:
            raise ConfigError("The --fault rates add up to more than 1.")
        with self._lock:
            self.faults = faults
            if seed is not None:
                self._rng = random.Random(seed)

    def pick(self) -> Fault | None:
        """One draw per request: faults share the unit interval in the order given."""
        with self._lock:
            if not self.faults:
                return None
            draw = self._rng.random()
        edge = 0.0
        for fault in self.faults:
            edge += fault.rate
            if draw < edge:
                return fault
        return None


async def _json(send: Send, status: int, body: object, headers: dict[str, str]) -> None:
    content = json.dumps(body).encode()
    raw = [(b"content-type", b"application/json; charset=utf-8"),
           (b"content-length", str(len(content)).encode())]  # fmt: skip
    raw += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": content})


async def _drop(send: Send, receive: Receive, *, flush: bool) -> None:
    """Close the client's connection under uvicorn (its ``send`` is a bound method of the
    request cycle, which holds the asyncio transport); ``flush`` lets written bytes out first.
    """
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if not isinstance(transport, asyncio.Transport):
        raise ConnectionResetError("demo fault: connection dropped")
    if flush:
        transport.close()
    else:
        transport.abort()
    # Returning before uvicorn saw the connection go would make it log "returned without
    # starting response"; it reports the disconnect through receive().
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(_DROP_WAIT_S):
            while (await receive())["type"] != "http.disconnect":
                pass


async def _truncated(app: App, scope: Scope, receive: Receive, send: Send) -> None:
    start: Message | None = None
    body = bytearray()

    async def capture(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(scope, receive, capture)
    if start is None:
        await _drop(send, receive, flush=False)
        return
    headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": start["status"], "headers": headers})
    await send({"type": "http.response.body", "body": bytes(body[: len(body) // 2]),
                "more_body": True})  # fmt: skip
    await _drop(send, receive, flush=True)


async def _handled_then_dropped(app: App, scope: Scope, receive: Receive, send: Send) -> None:
    async def swallow(_message: Message) -> None:
        return None

    await app(scope, receive, swallow)
    await _drop(send, receive, flush=False)


async def _never_answer(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _answer_fault(kind: str, app: App, scope: Scope, receive: Receive, send: Send) -> None:
    busy = {"Retry-After": str(RETRY_AFTER_S)}
    if kind == "500":
        body = {"Error": "Demo fault: the server failed.", "ErrorType": "InternalServerError"}
        await _json(send, 500, body, {})
    elif kind == "503":
        body = {"Error": "Demo fault: service unavailable.", "ErrorType": "ServiceUnavailable"}
        await _json(send, 503, body, busy)
    elif kind == "429":
        await _json(send, 429, {"Error": "Demo fault: too many requests."}, busy)
    elif kind == "401":
        body = {"Error": "Demo fault: not signed in.", "ErrorType": "Unauthorized"}
        await _json(send, 401, body, {"WWW-Authenticate": 'Basic realm="SuperOffice demo"'})
    elif kind == "421":
        await _json(send, 421, {"Error": "Wrong subdomain used to access tenant"}, {})
    elif kind == "malformed-json":
        content = b'{"CallerIDHash": "demo-fault", "CallerIDs": [{"PhoneNumber": 47,, ]'
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                (b"content-length", str(len(content)).encode())]})  # fmt: skip
        await send({"type": "http.response.body", "body": content})
    elif kind == "truncated":
        await _truncated(app, scope, receive, send)
    elif kind == "reset":
        await _drop(send, receive, flush=False)
    elif kind == "lost-answer":
        await _handled_then_dropped(app, scope, receive, send)
    elif kind == "timeout":
        await _never_answer(receive)
    else:  # pragma: no cover - Fault.parse admits only KINDS
        raise AssertionError(kind)


class FaultInjector:
    """ASGI: latency, then maybe a fault, for the API routes of ``customer`` only."""

    def __init__(self, app: App, customer: str, plan: FaultPlan, latency_ms: int = 0) -> None:
        self._app = app
        self._prefix = f"/{customer}/api/"
        self.plan = plan
        self._delay = latency_ms / 1000

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith(self._prefix):
            await self._app(scope, receive, send)
            return
        if self._delay:
            await asyncio.sleep(self._delay)
        fault = self.plan.pick()
        if fault is None:
            await self._app(scope, receive, send)
        else:
            await _answer_fault(fault.kind, self._app, scope, receive, send)
