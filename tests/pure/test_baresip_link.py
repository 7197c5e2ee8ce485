"""The baresip link against a real TCP server on 127.0.0.1 that speaks ctrl_tcp's netstrings."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.errors import ConfigError
from screenpop.triggers.baresip import (
    BaresipAddress,
    BaresipError,
    BaresipLink,
    LinkState,
    check_allowed,
    event_from_message,
    parse_address,
)
from screenpop.triggers.netstring import NetstringDecoder, encode

TIMEOUT = 5.0


def incoming(call_id: str = "1-9923@127.0.0.1", kind: str = "CALL_INCOMING") -> dict[str, Any]:
    return {
        "event": True,
        "type": kind,
        "class": "call",
        "accountaor": "sip:agent@127.0.0.1",
        "direction": "incoming",
        "peeruri": "sip:+4722334455@127.0.0.1:5090",
        "peerdisplayname": "Kari Nordmann",
        "id": call_id,
        "param": "",
    }


def frame(body: dict[str, Any]) -> bytes:
    return encode(json.dumps(body).encode())


class Peer:
    """One client connection as the fake baresip sees it."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self._decoder = NetstringDecoder()
        self._inbox: list[bytes] = []

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def command(self) -> dict[str, Any]:
        while not self._inbox:
            data = await asyncio.wait_for(self.reader.read(4096), TIMEOUT)
            assert data, "the link closed the connection"
            self._inbox += self._decoder.feed(data)
        body: dict[str, Any] = json.loads(self._inbox.pop(0))
        return body

    async def closed_by_link(self) -> bool:
        return await asyncio.wait_for(self.reader.read(1), TIMEOUT) == b""

    async def close(self) -> None:
        self.writer.close()
        await self.writer.wait_closed()


class FakeBaresip:
    """A ctrl_tcp stand-in: each accepted connection is queued for the test to talk over."""

    def __init__(self) -> None:
        self.peers: asyncio.Queue[Peer] = asyncio.Queue()
        self._server: asyncio.Server | None = None
        self._open: list[Peer] = []
        self.port = 0

    async def start(self, port: int = 0) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = Peer(reader, writer)
        self._open.append(peer)
        await self.peers.put(peer)

    async def next_peer(self) -> Peer:
        return await asyncio.wait_for(self.peers.get(), TIMEOUT)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for peer in self._open:
                peer.writer.close()
            await self._server.wait_closed()
            self._server = None


class Recorder:
    """The link's callbacks, as queues a test can await."""

    def __init__(self) -> None:
        self.events: asyncio.Queue[CallEvent] = asyncio.Queue()
        self.states: asyncio.Queue[tuple[LinkState, str]] = asyncio.Queue()

    def on_event(self, event: CallEvent) -> None:
        self.events.put_nowait(event)

    def on_state(self, state: LinkState, detail: str) -> None:
        self.states.put_nowait((state, detail))

    async def event(self) -> CallEvent:
        return await asyncio.wait_for(self.events.get(), TIMEOUT)

    async def state(self, wanted: LinkState) -> str:
        """The detail of the next report of ``wanted``, skipping others."""
        while True:
            state, detail = await asyncio.wait_for(self.states.get(), TIMEOUT)
            if state is wanted:
                return detail


@pytest.fixture
async def baresip() -> AsyncIterator[FakeBaresip]:
    server = FakeBaresip()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def make_link(port: int, recorder: Recorder) -> BaresipLink:
    return BaresipLink(
        "127.0.0.1",
        port,
        recorder.on_event,
        recorder.on_state,
        backoff_s=0.02,
        max_backoff_s=0.1,
        jitter=lambda: 0.0,
    )


@pytest.fixture
async def link(baresip: FakeBaresip, recorder: Recorder) -> AsyncIterator[BaresipLink]:
    link = make_link(baresip.port, recorder)
    link.start()
    yield link
    await link.stop()


async def test_a_call_from_ring_to_hang_up(
    baresip: FakeBaresip, link: BaresipLink, recorder: Recorder
) -> None:
    peer = await baresip.next_peer()
    assert "connected to 127.0.0.1" in await recorder.state(LinkState.CONNECTED)
    assert link.state is LinkState.CONNECTED
    for kind in ("CALL_INCOMING", "CALL_RINGING", "CALL_ESTABLISHED", "CALL_CLOSED"):
        await peer.send(frame(incoming(kind=kind)))
    events = [await recorder.event() for _ in range(3)]
    assert [e.state for e in events] == [CallState.RINGING, CallState.ANSWERED, CallState.ENDED]
    for event in events:
        assert event.call_id == "1-9923@127.0.0.1"
        assert event.number == "sip:+4722334455@127.0.0.1:5090"
        assert event.display_name == "Kari Nordmann"
        assert (event.source, event.direction) == ("baresip", Direction.INCOMING)
    assert recorder.events.empty()  # CALL_RINGING (the far end ringing) is not followed


async def test_an_outgoing_call(
    baresip: FakeBaresip, link: BaresipLink, recorder: Recorder
) -> None:
    peer = await baresip.next_peer()
    body = {**incoming(kind="CALL_OUTGOING"), "direction": "outgoing", "peerdisplayname": ""}
    await peer.send(frame(body))
    event = await recorder.event()
    assert (event.state, event.direction, event.display_name) == (
        CallState.RINGING,
        Direction.OUTGOING,
        "",
    )


async def test_other_messages_are_ignored(
    baresip: FakeBaresip, link: BaresipLink, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, "screenpop.triggers.baresip")
    peer = await baresip.next_peer()
    await peer.send(
        frame({"event": True, "type": "REGISTER_OK", "class": "register"})
        + frame({"event": True, "type": "CALL_INCOMING", "peeruri": 5, "id": "x"})  # bad field
        + frame({"event": True, "type": "CALL_INCOMING", "id": "no-peer"})
        + frame({"response": True, "ok": True, "data": "", "token": "nobody-asked"})
        + frame({"type": "CALL_INCOMING", "peeruri": "sip:1@x", "id": "no event flag"})
        + frame(incoming("after"))
    )
    assert (await recorder.event()).call_id == "after"
    assert recorder.events.empty()
    assert link.state is LinkState.CONNECTED
    assert any("ignoring REGISTER_OK" in r.getMessage() for r in caplog.records)


@pytest.mark.log_warnings
@pytest.mark.parametrize(
    ("junk", "reason"),
    [
        (b"12:not a netstr", "not a netstring"),
        (b"hello", "not a netstring"),
        (encode(b"{not json"), "not JSON"),
        (encode(b"[1, 2]"), "not a JSON object"),
        (encode(b"[" * 5000 + b"]" * 5000), "not JSON"),
        (b"100000:" + b"x" * 10, "over the 65536 byte limit"),  # refused before it is all sent
    ],
)
async def test_malformed_data_drops_the_connection_once_and_reconnects(
    baresip: FakeBaresip,
    link: BaresipLink,
    recorder: Recorder,
    caplog: pytest.LogCaptureFixture,
    junk: bytes,
    reason: str,
) -> None:
    peer = await baresip.next_peer()
    await peer.send(frame(incoming("before")) + junk + frame(incoming("lost")))
    assert (await recorder.event()).call_id == "before"  # what came whole first still counts
    assert await peer.closed_by_link()
    assert reason in await recorder.state(LinkState.DISCONNECTED)
    again = await baresip.next_peer()
    await recorder.state(LinkState.CONNECTED)
    await again.send(frame(incoming("after")))
    assert (await recorder.event()).call_id == "after"
    assert recorder.events.empty()
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and reason in warnings[0].getMessage()


async def test_a_flood_of_200_events_arrives_in_order_and_quickly(
    baresip: FakeBaresip, link: BaresipLink, recorder: Recorder
) -> None:
    peer = await baresip.next_peer()
    await recorder.state(LinkState.CONNECTED)
    started = time.perf_counter()
    for i in range(200):
        # In small writes, as baresip sends them, and all within the second.
        await peer.send(frame(incoming(f"flood-{i}")))
    got = [await recorder.event() for _ in range(200)]
    elapsed = time.perf_counter() - started
    assert [e.call_id for e in got] == [f"flood-{i}" for i in range(200)]
    assert elapsed < 1.0, f"{elapsed:.3f} s for 200 events"
    assert link.state is LinkState.CONNECTED
    assert recorder.states.empty()  # no reconnect happened


async def test_when_baresip_goes_away_the_link_reconnects_by_itself(
    recorder: Recorder,
) -> None:
    first = FakeBaresip()
    await first.start()
    port = first.port
    link = make_link(port, recorder)
    link.start()
    try:
        await first.next_peer()
        await recorder.state(LinkState.CONNECTED)
        await first.stop()  # baresip quits
        assert "closed the connection" in await recorder.state(LinkState.DISCONNECTED)
        assert "connection refused" in await recorder.state(LinkState.DISCONNECTED)
        second = FakeBaresip()
        await second.start(port)  # ...and is started again
        try:
            peer = await second.next_peer()
            await recorder.state(LinkState.CONNECTED)
            await peer.send(frame(incoming("next call")))
            assert (await recorder.event()).call_id == "next call"
        finally:
            await second.stop()
    finally:
        await link.stop()


async def test_baresip_not_running_is_a_calm_state_not_an_error(
    recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, "screenpop.triggers.baresip")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    link = make_link(port, recorder)
    link.start()
    try:
        for _ in range(3):  # it keeps trying
            detail = await recorder.state(LinkState.DISCONNECTED)
            assert detail == f"baresip is not reachable at 127.0.0.1:{port}: connection refused"
    finally:
        await link.stop()
    assert link.state is LinkState.DISCONNECTED
    retries = [r for r in caplog.records if "not reachable" in r.getMessage()]
    assert len([r for r in retries if r.levelno == logging.INFO]) == 1  # one line, not many


async def test_stop_closes_the_connection(
    baresip: FakeBaresip, link: BaresipLink, recorder: Recorder
) -> None:
    peer = await baresip.next_peer()
    await recorder.state(LinkState.CONNECTED)
    await link.stop()
    assert await recorder.state(LinkState.DISCONNECTED) == "stopped"
    assert await peer.closed_by_link()
    assert baresip.peers.empty()  # and it does not come back


async def test_commands_are_answered_by_token(
    baresip: FakeBaresip, link: BaresipLink, recorder: Recorder
) -> None:
    peer = await baresip.next_peer()
    await recorder.state(LinkState.CONNECTED)
    pending = asyncio.ensure_future(link.command("accept"))
    sent = await peer.command()
    assert (sent["command"], sent["params"]) == ("accept", "")
    # An event in between is delivered as usual; the answer finds its command by token.
    await peer.send(frame(incoming("meanwhile")))
    answer = {"response": True, "ok": True, "data": "Answering incoming call\n"}
    await peer.send(frame({**answer, "token": sent["token"]}))
    assert await asyncio.wait_for(pending, TIMEOUT) == "Answering incoming call"
    assert (await recorder.event()).call_id == "meanwhile"

    refused = asyncio.ensure_future(link.command("nonsense"))
    sent = await peer.command()
    await peer.send(frame({"response": True, "ok": False, "data": "", "token": sent["token"]}))
    with pytest.raises(BaresipError, match="baresip refused 'nonsense'"):
        await asyncio.wait_for(refused, TIMEOUT)


async def test_a_command_without_a_connection_fails_clearly(recorder: Recorder) -> None:
    link = make_link(9, recorder)
    with pytest.raises(BaresipError, match=re.escape("Not connected to baresip at 127.0.0.1:9")):
        await link.command("accept")


def test_another_computer_needs_permission() -> None:
    with pytest.raises(ConfigError, match=re.escape("10.1.2.3 is not this computer")):
        BaresipLink("10.1.2.3", 4444, lambda e: None, lambda s, d: None)
    link = BaresipLink("10.1.2.3", 4444, lambda e: None, lambda s, d: None, allow_remote=True)
    assert str(link.address) == "10.1.2.3:4444"
    for host in ("127.0.0.1", "127.9.9.9", "::1", "localhost", "LOCALHOST."):
        check_allowed(BaresipAddress(host, 4444), allow_remote=False)
    with pytest.raises(ConfigError):
        check_allowed(BaresipAddress("pbx.example", 4444), allow_remote=False)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("127.0.0.1:4444", BaresipAddress("127.0.0.1", 4444)),
        (" localhost:5000 ", BaresipAddress("localhost", 5000)),
        ("[::1]:4444", BaresipAddress("::1", 4444)),
        ("4444", BaresipAddress("127.0.0.1", 4444)),
        ("softphone.example.com:1", BaresipAddress("softphone.example.com", 1)),
    ],
)
def test_parse_address(text: str, address: BaresipAddress) -> None:
    assert parse_address(text) == address
    assert parse_address(str(address)) == address


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "is not a baresip address"),
        ("127.0.0.1", "is not a baresip address"),
        ("::1:4444", "is not a baresip address"),
        ("[nonsense]:4444", "is not a baresip address"),
        ("host name:4444", "is not a baresip address"),
        ("127.0.0.1:0", "is not a port number"),
        ("127.0.0.1:65536", "is not a port number"),
        ("127.0.0.1:http", "is not a port number"),
        ("127.0.0.1:", "is not a port number"),
    ],
)
def test_parse_address_refuses_junk_in_one_line(text: str, reason: str) -> None:
    with pytest.raises(ConfigError, match=reason) as refused:
        parse_address(text)
    assert "\n" not in refused.value.message


def test_event_from_message_keeps_fields_short() -> None:
    assert event_from_message({**incoming(), "peeruri": "sip:" + "1" * 600 + "@x"}) is None
    assert event_from_message({**incoming(), "direction": "sideways"}) == CallEvent(
        "sip:+4722334455@127.0.0.1:5090",
        CallState.RINGING,
        "1-9923@127.0.0.1",
        "Kari Nordmann",
        "baresip",
        Direction.INCOMING,
    )
