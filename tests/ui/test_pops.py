"""The pop controller with a real cache and the demo tenant in-process: what an agent sees."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from screenpop.core.calls import CallEvent, CallState
from screenpop.core.tasks import BackgroundTasks
from screenpop.demo.server import DemoConfig, create_app
from screenpop.pops import MAX_TOASTS, PopController
from screenpop.settings import PopMode, Settings
from screenpop.store.cache import CallerIdCache, Row, make_row
from screenpop.superoffice.auth import AuthKind, make_auth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.errors import TenantUnreachableError
from screenpop.superoffice.tenant import Tenant

SWITCHBOARD = "+4722334455"
DIRECT = "+4791234567"


def _entry(e164: str, person_id: int, name: str, contact_id: int = 1) -> Row:
    return make_row(e164, 47, int(e164[1:]), 0, person_id, name, "", contact_id, "Acme AS")


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[CallerIdCache]:
    with CallerIdCache(tmp_path / "cache.sqlite3") as cache:
        cache.replace_all(
            [_entry(SWITCHBOARD, 0, ""), _entry(SWITCHBOARD, 2, "Ola"), _entry(DIRECT, 3, "Kari")],
            {},
        )
        yield cache


def _unreachable() -> SuperOfficeClient:
    raise TenantUnreachableError("Cannot reach SuperOffice at crm.example (nothing answered).")


def _controller(cache: CallerIdCache, **settings: object) -> PopController:
    chosen = replace(Settings(region="NO"), **settings)  # type: ignore[arg-type]
    return PopController(chosen, cache, _unreachable, BackgroundTasks(), lambda number: None)


def _toasts(controller: PopController) -> list[object]:
    return list(controller._toasts.values())


def test_one_call_is_one_toast_that_follows_the_call(qtbot: QtBot, cache: CallerIdCache) -> None:
    pops = _controller(cache)
    pops.handle_call(CallEvent(DIRECT, CallState.RINGING, "call-1"))
    pops.handle_call(CallEvent(DIRECT, CallState.ANSWERED, "call-1"))
    toasts = _toasts(pops)
    assert len(toasts) == 1
    assert toasts[0].state is CallState.ANSWERED  # type: ignore[attr-defined]
    assert toasts[0].windowTitle() == "Call from Kari — Screenpop"  # type: ignore[attr-defined]
    pops.close_all()
    qtbot.waitUntil(lambda: not pops._toasts, timeout=2000)


def test_a_shared_number_offers_every_candidate(qtbot: QtBot, cache: CallerIdCache) -> None:
    pops = _controller(cache)
    pops.handle_call(CallEvent("22 33 44 55", call_id="c"))
    toast = _toasts(pops)[0]
    assert toast.variant() == "multiple"  # type: ignore[attr-defined]
    pops.close_all()


@pytest.mark.parametrize(
    ("mode", "states", "expected"),
    [
        (PopMode.NEVER, [CallState.RINGING, CallState.ANSWERED], 0),
        (PopMode.ANSWER, [CallState.RINGING], 0),
        (PopMode.ANSWER, [CallState.RINGING, CallState.ANSWERED], 1),
        (PopMode.RING, [CallState.ENDED], 0),
    ],
)
def test_pop_mode(
    qtbot: QtBot, cache: CallerIdCache, mode: PopMode, states: list[CallState], expected: int
) -> None:
    pops = _controller(cache, pop_mode=mode)
    for state in states:
        pops.handle_call(CallEvent(DIRECT, state, "c"))
    assert len(_toasts(pops)) == expected
    pops.close_all()


def test_toasts_stay_few_and_never_overlap(qtbot: QtBot, cache: CallerIdCache) -> None:
    pops = _controller(cache)
    for i in range(MAX_TOASTS + 3):
        pops.handle_call(CallEvent(f"+47912345{i:02d}", call_id=f"c{i}"))
    qtbot.waitUntil(lambda: len(pops._toasts) == MAX_TOASTS, timeout=2000)
    frames = sorted((t.geometry() for t in _toasts(pops)), key=lambda g: g.y())  # type: ignore[attr-defined]
    for upper, lower in itertools.pairwise(frames):
        assert upper.bottom() < lower.top()
    pops.close_all()


@pytest.mark.log_warnings
def test_junk_and_withheld_numbers(
    qtbot: QtBot, cache: CallerIdCache, caplog: pytest.LogCaptureFixture
) -> None:
    pops = _controller(cache)
    pops.handle_call(CallEvent("not a number", call_id="j"))
    assert _toasts(pops) == []
    assert "ignoring a call event: 'not a number' is not a phone number." in caplog.messages
    pops.handle_call(CallEvent("anonymous", call_id="w"))
    assert _toasts(pops)[0].variant() == "withheld"  # type: ignore[attr-defined]
    pops.close_all()


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    event_loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    # Stops the loop's worker threads; Qt aborts on a QThread destroyed while running.
    event_loop.close()
    asyncio.set_event_loop(None)


def test_one_window_per_company_filled_from_the_tenant(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, cache: CallerIdCache
) -> None:
    app = create_app(DemoConfig(seed=2, persons=40))
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    client = SuperOfficeClient(
        http, Tenant.parse("http://demo.test/Cust12345"), make_auth(AuthKind.BASIC, "demo", "demo")
    )
    pops = PopController(
        Settings(region="NO", summary_limit=5),
        cache,
        lambda: client,
        BackgroundTasks(),
        lambda number: None,
    )

    async def scenario() -> None:
        pops.open_contact(1)
        pops.open_contact(1)
        assert len(pops._windows) == 1
        window = pops._windows[1]
        for _ in range(200):
            if window.summary() is not None:
                break
            await asyncio.sleep(0.01)
        summary = window.summary()
        assert summary is not None and summary.contact is not None
        assert window.windowTitle() == f"{summary.contact.name} · Screenpop"
        window.close()
        await http.aclose()

    loop.run_until_complete(scenario())


@pytest.mark.log_warnings
def test_an_unreachable_tenant_shows_a_calm_error(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    cache: CallerIdCache,
    caplog: pytest.LogCaptureFixture,
) -> None:
    pops = _controller(cache)

    async def scenario() -> None:
        pops.open_contact(1)
        window = pops._windows[1]
        for _ in range(200):
            if not window.banner.isHidden():
                break
            await asyncio.sleep(0.01)
        assert "Cannot reach SuperOffice" in window.banner.message.text()
        assert any("summary of contact 1 failed" in m for m in caplog.messages)
        window.close()

    loop.run_until_complete(scenario())
