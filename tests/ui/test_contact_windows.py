"""The contact windows against the demo tenant in-process: one per company, a short memory of
summaries, honest offline and error states, Show more, remembered geometry."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator

import httpx
import pytest
from PySide6.QtCore import QByteArray, QRect
from pytestqt.qtbot import QtBot

from screenpop.core.matching import Candidate
from screenpop.core.summary_cache import SummaryCache
from screenpop.core.tasks import BackgroundTasks
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.errors import TenantUnreachableError
from screenpop.ui.contact_window import ViewState
from screenpop.ui.contact_windows import FRESH_S, HOLD_MS, ContactWindows
from tests.ui.conftest import demo_client, wait_until

UNREACHABLE = "Cannot reach SuperOffice at demo.test (nothing answered)."


class Switch:
    """The client the windows get: the demo tenant, until the network "goes down"."""

    def __init__(self, client: SuperOfficeClient) -> None:
        self.client = client
        self.online = True
        self.calls = 0

    def __call__(self) -> SuperOfficeClient:
        self.calls += 1
        if not self.online:
            raise TenantUnreachableError(UNREACHABLE)
        return self.client


@pytest.fixture
def switch(demo_http: httpx.AsyncClient) -> Switch:
    return Switch(demo_client(demo_http))


class Geometry:
    def __init__(self) -> None:
        self.saved: QByteArray | None = None

    def load(self) -> QByteArray | None:
        return self.saved

    def save(self, state: QByteArray) -> None:
        self.saved = state


@pytest.fixture
def make_windows(switch: Switch) -> Iterator[Callable[..., ContactWindows]]:
    made: list[ContactWindows] = []

    def make(limit: int = 5, **kwargs: object) -> ContactWindows:
        windows = ContactWindows(switch, BackgroundTasks(), limit=limit, **kwargs)  # type: ignore[arg-type]
        made.append(windows)
        return windows

    yield make
    for windows in made:
        windows.close_all()


def run(loop: asyncio.AbstractEventLoop, http: httpx.AsyncClient, scenario: object) -> None:
    async def wrapped() -> None:
        try:
            await scenario  # type: ignore[misc]
        finally:
            await http.aclose()

    loop.run_until_complete(wrapped())


def test_one_window_per_company_raised_and_refreshed(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    make_windows: Callable[..., ContactWindows],
    make_candidate: Callable[..., Candidate],
) -> None:
    windows = make_windows()

    async def scenario() -> None:
        first = windows.open(1)
        await wait_until(lambda: first.view_state() is ViewState.READY)
        summary = first.summary()
        assert summary is not None and summary.contact is not None
        assert first.windowTitle() == f"{summary.contact.name} · Screenpop"

        caller = make_candidate(contact_id=1, person_name="Ola Nordmann", mrmrs="")
        again = windows.open(1, caller, activate=False)
        assert again is first
        assert windows.windows() == [first]
        # Refreshed behind what is shown, and now naming the person who called.
        assert first.view_state() is ViewState.REFRESHING
        assert first.caller_person() == "Ola Nordmann"
        await wait_until(lambda: first.view_state() is ViewState.READY)

    run(loop, demo_http, scenario())


def test_a_summary_seen_minutes_ago_shows_at_once(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    switch: Switch,
    make_windows: Callable[..., ContactWindows],
) -> None:
    clock = [1000.0]
    cache = SummaryCache(ttl_s=300, monotonic=lambda: clock[0])
    windows = make_windows(cache=cache)

    async def scenario() -> None:
        first = windows.open(1)
        await wait_until(lambda: first.view_state() is ViewState.READY)
        shown = first.summary()
        first.close()
        await wait_until(lambda: windows.windows() == [])

        clock[0] += FRESH_S + 60  # minutes later, still remembered
        second = windows.open(1)
        # No skeleton: the remembered summary is there before any answer, being refreshed.
        assert second.summary() == shown
        assert second.view_state() is ViewState.REFRESHING
        assert second.updated_label.text().endswith("· refreshing…")
        await wait_until(lambda: second.view_state() is ViewState.READY)

    run(loop, demo_http, scenario())


@pytest.mark.log_warnings
def test_offline_keeps_the_last_summary_with_its_age(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    switch: Switch,
    make_windows: Callable[..., ContactWindows],
    caplog: pytest.LogCaptureFixture,
) -> None:
    windows = make_windows()

    async def scenario() -> None:
        window = windows.open(1)
        await wait_until(lambda: window.view_state() is ViewState.READY)
        switch.online = False
        window.refresh_requested.emit()  # F5 or Retry
        await wait_until(lambda: window.view_state() is ViewState.OFFLINE)
        assert window.summary() is not None
        assert window.banner.message.text().startswith(UNREACHABLE)
        assert window.updated_label.text().startswith("Last updated just now")
        assert any("summary of contact 1 failed" in m for m in caplog.messages)

        switch.online = True
        window.banner.button.click()
        await wait_until(lambda: window.view_state() is ViewState.READY)
        assert window.banner.isHidden()

    run(loop, demo_http, scenario())


@pytest.mark.log_warnings
@pytest.mark.parametrize(
    ("contact_id", "online", "reason"),
    [
        (1, False, UNREACHABLE),
        (999_999, True, "SuperOffice has no contact 999999: it may have been deleted or merged."),
    ],
)
def test_errors_say_why_and_offer_retry(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    switch: Switch,
    make_windows: Callable[..., ContactWindows],
    contact_id: int,
    online: bool,
    reason: str,
) -> None:
    switch.online = online
    windows = make_windows()

    async def scenario() -> None:
        window = windows.open(contact_id)
        await wait_until(lambda: window.view_state() is ViewState.ERROR)
        assert window.banner.message.text() == reason
        assert not window.banner.button.isHidden()
        assert window.pages["tickets"].message_text() == "Could not load the tickets"
        assert window.windowTitle() == f"Contact {contact_id} · Screenpop"

    run(loop, demo_http, scenario())


def test_show_more_fetches_a_longer_list(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    make_windows: Callable[..., ContactWindows],
) -> None:
    windows = make_windows(limit=2)

    async def scenario() -> None:
        window = windows.open(1)
        await wait_until(lambda: window.view_state() is ViewState.READY)
        page = next(p for p in window.pages.values() if p.has_more())
        assert page.total() == 2

        page.more_button.click()
        assert page.more_button.text() == "Loading more…"
        await wait_until(lambda: page.more_button.text() != "Loading more…")
        assert page.total() > 2
        # F5 later keeps the longer list.
        window.refresh_requested.emit()
        await wait_until(lambda: window.view_state() is ViewState.READY)
        assert page.total() > 2

    run(loop, demo_http, scenario())


def test_a_new_fetch_replaces_one_still_running(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    make_windows: Callable[..., ContactWindows],
) -> None:
    windows = make_windows()

    async def scenario() -> None:
        window = windows.open(1)
        first = windows._fetches[1]
        windows.refresh(1)
        second = windows._fetches[1]
        assert first is not second
        await wait_until(lambda: window.view_state() is ViewState.READY)
        assert first.cancelled()
        await wait_until(lambda: windows._fetches == {})  # forgotten once done

    run(loop, demo_http, scenario())


def test_geometry_is_remembered_and_windows_cascade(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    make_windows: Callable[..., ContactWindows],
) -> None:
    geometry = Geometry()
    windows = make_windows(load_geometry=geometry.load, save_geometry=geometry.save)

    async def scenario() -> None:
        window = windows.open(1)
        window.setGeometry(QRect(120, 90, 700, 500))
        window.close()
        assert geometry.saved is not None
        await wait_until(lambda: windows.windows() == [])

        again = windows.open(1)
        assert again.geometry().size() == QRect(120, 90, 700, 500).size()
        other = windows.open(2)
        # A second company opens beside the first, not exactly on top of it.
        assert other.pos() != again.pos()
        await wait_until(lambda: other.view_state() is ViewState.READY)

    run(loop, demo_http, scenario())


def test_a_window_built_ahead_takes_the_next_company(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    make_windows: Callable[..., ContactWindows],
    make_candidate: Callable[..., Candidate],
) -> None:
    windows = make_windows(keep_spare=True)
    windows._spare_timer.setInterval(10)  # seconds in the app
    windows._spare_timer.start()

    async def scenario() -> None:
        await wait_until(lambda: windows._spare is not None)
        spare = windows._spare
        assert spare is not None and not spare.isVisible()
        caller = make_candidate(contact_id=3, person_name="Eva Gran", mrmrs="")
        window = windows.open(3, caller)
        assert window is spare
        assert window.contact_id == 3
        assert window.caller_person() == "Eva Gran"
        assert window.windowTitle().endswith("— Eva Gran · Screenpop")
        await wait_until(lambda: window.view_state() is ViewState.READY)
        summary = window.summary()
        assert summary is not None and summary.contact is not None
        assert summary.contact.contact_id == 3
        # The next one is being built already.
        await wait_until(lambda: windows._spare is not None and windows._spare is not window)

    run(loop, demo_http, scenario())


def test_a_ringing_call_builds_the_first_window_ahead(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    make_windows: Callable[..., ContactWindows],
) -> None:
    # Nothing is built at idle: the app need not hold a window (or its code) until a call.
    without = make_windows()
    without.warm_up()
    assert not without._spare_timer.isActive()
    windows = make_windows(keep_spare=True)
    windows._spare_timer.setInterval(10)  # seconds in the app
    assert windows._spare is None and not windows._spare_timer.isActive()

    async def scenario() -> None:
        windows.warm_up()
        await wait_until(lambda: windows._spare is not None)
        spare = windows._spare
        windows.warm_up()  # a second call while it waits builds no other
        assert not windows._spare_timer.isActive() and windows._spare is spare
        window = windows.open(3)
        assert window is spare
        await wait_until(lambda: window.view_state() is ViewState.READY)

    run(loop, demo_http, scenario())


def test_a_summary_fetched_while_it_rang_is_shown_at_once(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    switch: Switch,
    make_windows: Callable[..., ContactWindows],
) -> None:
    windows = make_windows()

    async def scenario() -> None:
        windows.prefetch(2)
        windows.prefetch(2)  # once is enough
        assert list(windows._fetches) == [2]
        await wait_until(lambda: windows.cache.get(2) is not None)
        await wait_until(lambda: windows._fetches == {})

        window = windows.open(2)
        # Fetched seconds ago: shown as it is, no second request.
        assert window.view_state() is ViewState.READY
        assert window.summary() == windows.cache.get(2).summary  # type: ignore[union-attr]
        assert windows._fetches == {}
        # Opened again (a second call): then it is refreshed.
        windows.open(2)
        assert window.view_state() is ViewState.REFRESHING
        await wait_until(lambda: window.view_state() is ViewState.READY)

    run(loop, demo_http, scenario())


def test_while_the_client_is_being_made_the_fetch_ahead_awaits_it(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    switch: Switch,
    make_windows: Callable[..., ContactWindows],
) -> None:
    """The app's first call: its HTTP stack is still being loaded. The fetch ahead does not
    ask for the client until it is there (asking would hold the toast); the window waits."""
    made: list[asyncio.Future[None]] = []
    windows = make_windows(until_ready=lambda: made[0] if made and not made[0].done() else None)

    async def scenario() -> None:
        made.append(asyncio.get_running_loop().create_future())
        windows.prefetch(2)
        window = windows.open(2)
        await asyncio.sleep(0.05)
        assert switch.calls == 0 and window.view_state() is ViewState.LOADING
        assert window._links is None  # not known yet: no link opens anything wrong
        made[0].set_result(None)
        await wait_until(lambda: window.view_state() is ViewState.READY)
        assert window._links == switch.client.links

    run(loop, demo_http, scenario())


def test_a_window_opened_while_its_summary_is_on_the_way_waits_for_it(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    switch: Switch,
    make_windows: Callable[..., ContactWindows],
) -> None:
    windows = make_windows()

    async def scenario() -> None:
        windows.prefetch(2)
        task = windows._fetches[2]
        window = windows.open(2)
        assert windows._fetches[2] is task  # not asked twice
        assert window.view_state() is ViewState.LOADING
        # Shown once it is filled: not drawn loading, then drawn again a moment later.
        assert not window.isVisible()
        await wait_until(lambda: window.isVisible())
        assert window.view_state() is ViewState.READY

    run(loop, demo_http, scenario())


def test_a_window_whose_summary_is_slow_is_shown_loading_after_a_few_frames(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    make_windows: Callable[..., ContactWindows],
) -> None:
    answer: list[asyncio.Future[None]] = []
    windows = make_windows(until_ready=lambda: answer[0] if not answer[0].done() else None)

    async def scenario() -> None:
        answer.append(asyncio.get_running_loop().create_future())  # a tenant far away
        windows.prefetch(2)
        window = windows.open(2)
        started = asyncio.get_running_loop().time()
        await wait_until(lambda: window.isVisible())
        assert asyncio.get_running_loop().time() - started >= HOLD_MS / 1000 - 0.01
        assert window.view_state() is ViewState.LOADING
        answer[0].set_result(None)
        await wait_until(lambda: window.view_state() is ViewState.READY)

    run(loop, demo_http, scenario())


def test_a_failed_fetch_ahead_is_quiet(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    switch: Switch,
    make_windows: Callable[..., ContactWindows],
    caplog: pytest.LogCaptureFixture,
) -> None:
    switch.online = False
    caplog.set_level(logging.INFO, logger="screenpop")
    windows = make_windows()

    async def scenario() -> None:
        windows.prefetch(2)
        await wait_until(lambda: windows._fetches == {})
        assert windows.cache.get(2) is None
        assert "summary of contact 2 not fetched ahead: " + UNREACHABLE in caplog.messages

    run(loop, demo_http, scenario())
