"""A call's whole way through the app: tracked, recorded in the history, popped once, and
fed to Recent calls; outgoing calls and floods recorded without pops."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from screenpop.app.call_flow import CallFlow
from screenpop.app.pops import PopController
from screenpop.config.settings import Settings
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.recent import RecentCall
from screenpop.core.tasks import BackgroundTasks
from screenpop.store.cache import CallerIdCache
from screenpop.store.history import CallHistory
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.errors import TenantUnreachableError
from screenpop.ui.contact_windows import ContactWindows
from tests.ui.conftest import wait_until
from tests.ui.test_pops import DIRECT, SWITCHBOARD, cache  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("cache")


def _offline() -> SuperOfficeClient:
    raise TenantUnreachableError("Cannot reach SuperOffice at crm.example.")


class Recent(list[Sequence[RecentCall]]):
    def __call__(self, calls: Sequence[RecentCall]) -> None:
        self.append(calls)


@pytest.fixture
def flow(
    qtbot: QtBot, cache: CallerIdCache, tmp_path: Path, loop: asyncio.AbstractEventLoop  # noqa: F811
) -> Iterator[tuple[CallFlow, PopController, Recent, BackgroundTasks]]:
    tasks = BackgroundTasks()
    windows = ContactWindows(_offline, tasks, limit=5)
    pops = PopController(Settings(region="NO"), cache, windows, lambda _: None)
    recent = Recent()
    calls = CallFlow(pops, CallHistory(tmp_path / "history.sqlite3"), tasks, recent)
    yield calls, pops, recent, tasks
    pops.close_all()
    loop.run_until_complete(tasks.cancel_all())
    calls.close()


def test_a_missed_call_pops_once_and_lands_in_recent_calls(
    flow: tuple[CallFlow, PopController, Recent, BackgroundTasks],
    loop: asyncio.AbstractEventLoop,
) -> None:
    calls, pops, recent, _ = flow

    async def scenario() -> None:
        calls.handle(CallEvent(DIRECT, call_id="c1", source="baresip"))
        calls.handle(CallEvent(DIRECT, call_id="c1", source="baresip"))  # a duplicate
        assert len(pops.toasts) == 1
        calls.handle(CallEvent(DIRECT, CallState.ENDED, call_id="c1"))
        await wait_until(lambda: recent and recent[-1] and not recent[-1][0].answered)

    loop.run_until_complete(scenario())
    (last,) = recent[-1]
    assert last.who == "Kari (Acme AS)" and last.contact_id == 1
    assert last.number == "+47 91 23 45 67"
    assert len(pops.toasts) == 1  # the same toast, now saying the call ended


def test_an_answered_call_is_recorded_answered(
    flow: tuple[CallFlow, PopController, Recent, BackgroundTasks],
    loop: asyncio.AbstractEventLoop,
) -> None:
    calls, _, recent, _ = flow

    async def scenario() -> None:
        for state in (CallState.RINGING, CallState.ANSWERED, CallState.ENDED):
            calls.handle(CallEvent(SWITCHBOARD, state, call_id="c2"))
        await wait_until(lambda: recent and recent[-1] and recent[-1][0].answered)

    loop.run_until_complete(scenario())
    assert recent[-1][0].number == "+47 22 33 44 55"


def test_outgoing_calls_are_recorded_but_do_not_pop(
    flow: tuple[CallFlow, PopController, Recent, BackgroundTasks],
    loop: asyncio.AbstractEventLoop,
) -> None:
    calls, pops, recent, _ = flow

    async def scenario() -> None:
        calls.handle(CallEvent(DIRECT, call_id="o1", direction=Direction.OUTGOING))
        await wait_until(lambda: recent)

    loop.run_until_complete(scenario())
    assert len(pops.toasts) == 0 and len(recent[-1]) == 1


def test_a_flood_of_calls_makes_a_few_toasts_and_records_them_all(
    flow: tuple[CallFlow, PopController, Recent, BackgroundTasks],
    loop: asyncio.AbstractEventLoop,
    tmp_path: Path,
) -> None:
    calls, pops, _, tasks = flow

    async def scenario() -> None:
        for n in range(200):
            calls.handle(CallEvent(f"+47 9{n:07d}", call_id=f"f{n}"))
            # Their answers must not bring the quiet ones back.
            calls.handle(CallEvent(f"+47 9{n:07d}", CallState.ANSWERED, call_id=f"f{n}"))
        await wait_until(lambda: len(tasks) == 0)

    loop.run_until_complete(scenario())
    assert 1 <= len(pops.toasts) <= 4
    with CallHistory(tmp_path / "history.sqlite3") as history:
        assert history.count() == 200
