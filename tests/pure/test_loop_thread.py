"""The HTTP client whose network I/O runs on a loop thread of its own: requests built and
answers read on the caller's loop, sent on the worker's, through httpx transports (and the
demo tenant in-process, through the SuperOffice client)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest

from screenpop.demo.server import DemoConfig, create_app
from screenpop.superoffice.auth import make_auth
from screenpop.superoffice.auth_kind import AuthKind
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.loop_thread import READ_AHEAD_BYTES, LoopThreadTransport
from screenpop.superoffice.tenant import Tenant


def _client(
    transport: httpx.AsyncBaseTransport,
    response_hook: Callable[[httpx.Response], Awaitable[None]] | None = None,
) -> httpx.AsyncClient:
    """As make_http_client builds it, with ``transport`` where the network would be (and
    ``response_hook`` seeing the answers on the worker's side)."""
    hooks = {"response": [response_hook]} if response_hook else {}

    def worker_client() -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=transport, event_hooks=hooks)

    return httpx.AsyncClient(
        timeout=5.0,
        headers={"User-Agent": "test"},
        transport=LoopThreadTransport(worker_client, "test"),
    )


async def test_a_small_answer_comes_whole_from_the_worker_thread() -> None:
    seen: list[tuple[str, str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((threading.current_thread().name, request.headers["user-agent"],
                     request.content.decode()))  # fmt: skip
        return httpx.Response(201, json={"ok": True}, headers={"X-Tenant": "Cust1"})

    async with _client(httpx.MockTransport(handler)) as http:
        response = await http.post("https://so.example/api/v1/x", json={"a": 1})
    assert seen == [("test", "test", '{"a":1}')]
    assert (response.status_code, response.reason_phrase) == (201, "Created")
    assert response.headers["x-tenant"] == "Cust1"
    assert response.json() == {"ok": True}


async def test_a_large_answer_is_relayed_in_pieces() -> None:
    pieces = [bytes([n]) * 65536 for n in range(48)]  # 3 MiB, more than read ahead at once
    produced: list[int] = []

    async def body() -> AsyncIterator[bytes]:
        for index, piece in enumerate(pieces):
            produced.append(index)
            yield piece

    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body())

    async with (
        _client(httpx.MockTransport(handler)) as http,
        http.stream("GET", "https://so.example/big") as response,
    ):
        # Handed over with a piece read ahead, and the next on its way, no more.
        assert len(produced) * 65536 <= 2 * READ_AHEAD_BYTES + 65536
        received = [chunk async for chunk in response.aiter_raw()]
    assert b"".join(received) == b"".join(pieces)


async def test_cancelling_the_request_cancels_it_in_the_worker() -> None:
    started, cancelled = threading.Event(), threading.Event()

    async def slow(_request: httpx.Request) -> httpx.Response:
        started.set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return httpx.Response(200)

    async with _client(httpx.MockTransport(slow)) as http:
        request = asyncio.ensure_future(http.get("https://so.example/slow"))
        await asyncio.get_running_loop().run_in_executor(None, started.wait, 5)
        request.cancel()
        with pytest.raises(asyncio.CancelledError):
            await request
        assert await asyncio.get_running_loop().run_in_executor(None, cancelled.wait, 5)


async def test_leaving_a_relayed_answer_early_closes_it_there() -> None:
    sent: list[int] = []
    answers: list[httpx.Response] = []

    async def endless() -> AsyncIterator[bytes]:
        while True:
            sent.append(1)
            yield b"x" * 65536

    async def keep(response: httpx.Response) -> None:
        answers.append(response)

    endless_answer = httpx.MockTransport(lambda _r: httpx.Response(200, content=endless()))
    async with _client(endless_answer, response_hook=keep) as http:
        async with http.stream("GET", "https://so.example/endless") as response:
            async for _chunk in response.aiter_raw():
                break
        # The worker's side of it is closed, and no more was read than one piece ahead.
        [worker_side] = answers
        assert worker_side.is_closed
        assert len(sent) * 65536 <= 2 * READ_AHEAD_BYTES + 2 * 65536


async def test_transport_errors_keep_their_kind() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("All connection attempts failed", request=request)

    async with _client(httpx.MockTransport(refuse)) as http:
        with pytest.raises(httpx.ConnectError):
            await http.get("https://so.example/")


async def test_closing_the_client_ends_the_thread() -> None:
    before = {thread.name for thread in threading.enumerate()}
    http = _client(httpx.MockTransport(lambda _r: httpx.Response(204)))
    assert "test" in {thread.name for thread in threading.enumerate()} - before
    await http.get("https://so.example/")
    await http.aclose()
    assert "test" not in {thread.name for thread in threading.enumerate()} - before


async def test_the_superoffice_client_over_it() -> None:
    demo = httpx.ASGITransport(app=create_app(DemoConfig(seed=2, persons=40)))
    async with _client(demo) as http:
        client = SuperOfficeClient(
            http,
            Tenant.parse("http://demo.test/Cust12345"),
            make_auth(AuthKind.BASIC, "demo", "demo"),
        )
        summary = await client.get_contact_summary(1, 5)
        statuses = await client.get_ticket_statuses()
    assert summary.contact is not None and summary.contact.contact_id == 1
    assert statuses.items
