"""A real baresip rung by a real sipp on 127.0.0.1, followed by the baresip link.

The link's events go through the call tracker into the call history, as the app wires them,
so each scenario ends with what Recent calls will show. No display is needed. Every port is
chosen free at run time, so these run beside anything else.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from screenpop.core.call_life import CallTracker, Change
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.phone import parse_incoming
from screenpop.store.history import CallHistory
from screenpop.triggers.baresip import BaresipLink, LinkState
from tests.e2e.softphone import NAME, NUMBER, Baresip, ring

pytestmark = pytest.mark.e2e

TIMEOUT = 8.0


class Agent:
    """The app's side, wired as app.py wires it: link → tracker → history."""

    def __init__(self, baresip: Baresip, history_file: Path) -> None:
        self.events: asyncio.Queue[CallEvent] = asyncio.Queue()
        self.states: asyncio.Queue[tuple[LinkState, str]] = asyncio.Queue()
        self.tracker = CallTracker()
        self.history = CallHistory(history_file)
        self.link = BaresipLink(
            "127.0.0.1",
            baresip.ctrl_port,
            self._on_event,
            lambda state, detail: self.states.put_nowait((state, detail)),
            backoff_s=0.2,
            max_backoff_s=1.0,
        )

    def _on_event(self, event: CallEvent) -> None:
        update = self.tracker.handle(event)
        if update.call is not None and update.change is not Change.IGNORED:
            self.history.record(update.call, e164=parse_incoming(event.number, "NO").e164)
        self.events.put_nowait(event)

    async def event(self) -> CallEvent:
        return await asyncio.wait_for(self.events.get(), TIMEOUT)

    async def state(self, wanted: LinkState) -> str:
        while True:
            state, detail = await asyncio.wait_for(self.states.get(), TIMEOUT)
            if state is wanted:
                return detail


@pytest.fixture
async def agent(baresip: Baresip, tmp_path: Path) -> AsyncIterator[Agent]:
    agent = Agent(baresip, tmp_path / "history.sqlite3")
    agent.link.start()
    await agent.state(LinkState.CONNECTED)
    yield agent
    await agent.link.stop()
    agent.history.close()


def _is_the_caller(event: CallEvent) -> None:
    assert event.source == "baresip" and event.direction is Direction.INCOMING
    assert event.display_name == NAME
    assert event.number.startswith(f"sip:{NUMBER}@127.0.0.1")
    assert parse_incoming(event.number, "NO").e164 == NUMBER


async def test_ring_and_hang_up_is_a_missed_call(
    baresip: Baresip, agent: Agent, tmp_path: Path
) -> None:
    sipp = asyncio.ensure_future(ring(baresip, "incoming-call.xml", tmp_path))
    rung = await agent.event()
    assert rung.state is CallState.RINGING and rung.call_id
    _is_the_caller(rung)
    ended = await agent.event()
    assert (ended.state, ended.call_id) == (CallState.ENDED, rung.call_id)
    _is_the_caller(ended)
    assert await sipp == 0

    (entry,) = agent.history.recent()
    assert entry.missed and entry.call_id == rung.call_id
    assert (entry.e164, entry.display_name) == (NUMBER, NAME)


async def test_ring_and_answer(baresip: Baresip, agent: Agent, tmp_path: Path) -> None:
    sipp = asyncio.ensure_future(ring(baresip, "answered-call.xml", tmp_path))
    rung = await agent.event()
    assert rung.state is CallState.RINGING
    _is_the_caller(rung)
    # The agent answers: baresip's "accept" command over the same control socket.
    assert "Answering" in await agent.link.command("accept")
    answered = await agent.event()
    assert (answered.state, answered.call_id) == (CallState.ANSWERED, rung.call_id)
    ended = await agent.event()  # sipp hangs up (BYE) after a second of talk
    assert (ended.state, ended.call_id) == (CallState.ENDED, rung.call_id)
    assert await sipp == 0

    (entry,) = agent.history.recent()
    assert entry.answered and not entry.missed
    assert 0.5 <= entry.duration_s < 5.0


async def test_a_call_while_baresip_restarts(
    baresip: Baresip, agent: Agent, tmp_path: Path
) -> None:
    baresip.kill()
    # A killed process's socket ends with a FIN or a reset, depending on what was in flight.
    lost = await agent.state(LinkState.DISCONNECTED)
    assert "closed the connection" in lost or "connection reset" in lost
    baresip.start()
    await agent.state(LinkState.CONNECTED)  # by itself, with backoff
    sipp = asyncio.ensure_future(ring(baresip, "incoming-call.xml", tmp_path))
    rung = await agent.event()
    assert rung.state is CallState.RINGING
    _is_the_caller(rung)
    assert (await agent.event()).state is CallState.ENDED
    assert await sipp == 0
    assert agent.link.state is LinkState.CONNECTED
