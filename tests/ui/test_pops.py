"""The pop controller with a real cache: one toast per call, pop modes, Do not disturb."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from screenpop.app.call_flow import CallFlow
from screenpop.app.pops import DISMISS_AFTER_END_MS, MAX_TOASTS, PopController, pop_rules
from screenpop.config.settings import PopMode, Settings
from screenpop.core.calls import CallEvent, CallState
from screenpop.core.pop_rules import PopRateGuard
from screenpop.core.tasks import BackgroundTasks
from screenpop.store.cache import CallerIdCache, Row, make_row
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.errors import TenantUnreachableError
from screenpop.ui.contact_windows import ContactWindows
from screenpop.ui.toast import CallToast
from tests.ui.conftest import demo_client, wait_until

SWITCHBOARD = "+4722334455"
DIRECT = "+4791234567"


def _entry(e164: str, person_id: int, name: str, contact_id: int = 1) -> Row:
    return make_row(e164, 47, int(e164[1:]), 0, person_id, name, "", contact_id, "Acme AS")


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[CallerIdCache]:
    with CallerIdCache(tmp_path / "cache.sqlite3") as cache:
        cache.replace_all(
            [
                _entry(SWITCHBOARD, 0, ""),
                _entry(SWITCHBOARD, 2, "Ola"),
                _entry(SWITCHBOARD, 4, "Per"),
                _entry(DIRECT, 3, "Kari"),
            ],
            {},
        )
        yield cache


def _unreachable() -> SuperOfficeClient:
    raise TenantUnreachableError("Cannot reach SuperOffice at crm.example (nothing answered).")


class Searches(list[str]):
    def __call__(self, number: str) -> None:
        self.append(number)


@pytest.fixture
def searches() -> Searches:
    return Searches()


@pytest.fixture
def make_pops(qtbot: QtBot, cache: CallerIdCache, searches: Searches) -> Iterator[object]:
    """The call flow the app has (the tracker decides, the pop controller renders), without
    a history."""
    made: list[CallFlow] = []

    def make(client: SuperOfficeClient | None = None, **settings: object) -> CallFlow:
        chosen = replace(Settings(region="NO"), **settings)  # type: ignore[arg-type]
        factory = _unreachable if client is None else lambda: client
        windows = ContactWindows(factory, BackgroundTasks(), limit=5)
        pops = PopController(chosen, cache, windows, searches)
        calls = CallFlow(pops, None, BackgroundTasks(), lambda _: None, pop_rules(chosen))
        made.append(calls)
        return calls

    yield make
    for calls in made:
        calls.pops.close_all()
        calls.pops.windows.close_all()
        calls.close()


def toasts(calls: CallFlow) -> list[CallToast]:
    return calls.pops.toasts.toasts()


def hover(widget: CallToast, inside: bool) -> None:
    if inside:
        QApplication.sendEvent(widget, QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    else:
        QApplication.sendEvent(widget, QEvent(QEvent.Type.Leave))


def test_one_call_is_one_toast_that_follows_the_call(qtbot: QtBot, make_pops) -> None:
    calls = make_pops()
    calls.handle(CallEvent(DIRECT, CallState.RINGING, "call-1"))
    calls.handle(CallEvent(DIRECT, CallState.RINGING, "call-1"))
    calls.handle(CallEvent(DIRECT, CallState.ANSWERED, "call-1"))

    [toast] = toasts(calls)
    assert toast.state is CallState.ANSWERED
    assert toast.state_label.text() == "Answered"
    assert toast.windowTitle() == "Call from Kari — Screenpop"
    calls.handle(CallEvent(DIRECT, CallState.ENDED, "call-1"))
    assert toast.state_label.text() == "Ended"
    assert toast.is_dismiss_scheduled()


def test_a_dismissed_call_does_not_pop_again(qtbot: QtBot, make_pops) -> None:
    calls = make_pops()
    calls.handle(CallEvent(DIRECT, CallState.RINGING, "call-1"))
    toasts(calls)[0].close_button.click()
    qtbot.waitUntil(lambda: len(calls.pops.toasts) == 0, timeout=2000)

    calls.handle(CallEvent(DIRECT, CallState.ANSWERED, "call-1"))
    assert toasts(calls) == []
    # A new call from the same number is a new pop.
    calls.handle(CallEvent(DIRECT, CallState.RINGING, "call-2"))
    assert len(toasts(calls)) == 1


def test_a_shared_number_offers_every_candidate(qtbot: QtBot, make_pops) -> None:
    calls = make_pops()
    calls.handle(CallEvent("22 33 44 55", call_id="c"))
    [toast] = toasts(calls)
    assert toast.variant() == "multiple"
    assert [row.candidate.person_id for row in toast.choice_rows] == [2, 4, 0]


@pytest.mark.parametrize(
    ("mode", "states", "expected"),
    [
        (PopMode.NEVER, [CallState.RINGING, CallState.ANSWERED], []),
        (PopMode.ANSWER, [CallState.RINGING], []),
        (PopMode.ANSWER, [CallState.RINGING, CallState.ANSWERED], [CallState.ANSWERED]),
        (PopMode.ANSWER, [CallState.RINGING, CallState.ENDED, CallState.ANSWERED], []),
        (PopMode.RING, [CallState.RINGING], [CallState.RINGING]),
        (PopMode.RING, [CallState.ENDED], []),
    ],
)
def test_pop_mode(
    qtbot: QtBot, make_pops, mode: PopMode, states: list[CallState], expected: list[CallState]
) -> None:
    calls = make_pops(pop_mode=mode)
    for state in states:
        calls.handle(CallEvent(DIRECT, state, "c"))
    assert [toast.state for toast in toasts(calls)] == expected


@pytest.mark.parametrize("auto_open", [True, False])
def test_auto_open_shows_the_company_without_taking_focus(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    demo_http: httpx.AsyncClient,
    make_pops,
    auto_open: bool,
) -> None:
    calls = make_pops(auto_open=auto_open, client=demo_client(demo_http))

    async def scenario() -> None:
        calls.handle(CallEvent(DIRECT, CallState.RINGING, "c"))
        # The toast comes first; the window follows once it has painted. The company's
        # summary is on its way either way, for when the agent opens it.
        assert calls.pops.windows.windows() == []
        assert len(toasts(calls)) == 1
        assert list(calls.pops.windows._fetches) == [1]
        await asyncio.sleep(0.05)
        windows = calls.pops.windows.windows()
        assert len(windows) == (1 if auto_open else 0)
        if not auto_open:
            await wait_until(lambda: calls.pops.windows.cache.get(1) is not None)
        if auto_open:
            window = windows[0]
            assert window.caller_person() == "Kari"
            assert window.isVisible()
            assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            await wait_until(lambda: window.summary() is not None)
        await demo_http.aclose()

    loop.run_until_complete(scenario())


def test_one_companys_switchboard_opens_that_company_and_asks_who_called(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, demo_http: httpx.AsyncClient, make_pops
) -> None:
    calls = make_pops(auto_open=True, client=demo_client(demo_http))

    async def scenario() -> None:
        calls.handle(CallEvent(SWITCHBOARD, CallState.RINGING, "c"))
        # Everyone at this switchboard works for one company: it opens, without the keyboard,
        # and its header offers the people (no one picked yet: it may be anyone of them).
        await wait_until(lambda: len(calls.pops.windows.windows()) == 1)
        [window] = calls.pops.windows.windows()
        assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        assert window.caller() is None
        picker = window.header.caller_picker
        assert picker.isVisibleTo(window)
        assert [c.person_name for c in picker.persons()] == ["Ola", "Per"]
        assert picker.currentText() == "Who called?"
        picker.setCurrentIndex(2)
        assert window.caller_person() == "Per"
        # The company as the cache or (once fetched, sent as the phone rang) the summary names it.
        assert window.windowTitle().startswith(f"{window.company_name()} — Per")
        # The toast still offers them too; choosing there picks in the window.
        row = toasts(calls)[0].choice_rows[0]
        qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
        assert calls.pops.windows.windows() == [window]
        assert window.caller_person() == "Ola"
        assert picker.currentText() == "Ola"
        # Chosen again, it refreshes: its answer comes before the client closes.
        await wait_until(lambda: window.summary() is not None and not window.is_loading())
        await demo_http.aclose()

    loop.run_until_complete(scenario())


def test_a_switchboard_of_several_companies_waits_for_a_choice(
    qtbot: QtBot, cache: CallerIdCache, make_pops
) -> None:
    cache.replace_all([_entry(SWITCHBOARD, 2, "Ola", 1), _entry(SWITCHBOARD, 5, "Siv", 2)], {})
    calls = make_pops(auto_open=True)
    calls.handle(CallEvent(SWITCHBOARD, CallState.RINGING, "c"))
    qtbot.wait(50)  # an auto-open would follow the toast within a frame
    assert calls.pops.windows.windows() == []
    assert toasts(calls)[0].variant() == "multiple"


def test_do_not_disturb_keeps_calls_quiet(qtbot: QtBot, make_pops) -> None:
    calls = make_pops(do_not_disturb=True, auto_open=True)
    assert calls.tracker.rules.quiet
    calls.handle(CallEvent(DIRECT, CallState.RINGING, "c1"))
    calls.handle(CallEvent(DIRECT, CallState.ANSWERED, "c1"))
    qtbot.wait(20)  # the window of an auto-open would follow the toast by a frame
    assert toasts(calls) == []
    assert calls.pops.windows.windows() == []

    calls.pops.set_settings(Settings(region="NO"))
    calls.set_rules(pop_rules(Settings(region="NO")))
    assert not calls.tracker.rules.quiet
    # The call that rang during Do not disturb stays quiet; the next one pops.
    calls.handle(CallEvent(DIRECT, CallState.ANSWERED, "c1"))
    assert toasts(calls) == []
    calls.handle(CallEvent(DIRECT, CallState.RINGING, "c2"))
    assert len(toasts(calls)) == 1


def test_toasts_stay_few_and_never_overlap(qtbot: QtBot, make_pops) -> None:
    calls = make_pops()
    calls.tracker.guard = PopRateGuard(burst=100)  # the stack's own bound, not the flood's
    for i in range(MAX_TOASTS + 3):
        calls.handle(CallEvent(f"+47912345{i:02d}", call_id=f"c{i}"))
    qtbot.waitUntil(lambda: len(calls.pops.toasts) == MAX_TOASTS, timeout=2000)
    frames = sorted((t.geometry() for t in toasts(calls)), key=lambda g: g.y())
    for upper, lower in itertools.pairwise(frames):
        assert upper.bottom() < lower.top()
    # The newest (furthest from the corner) offers Close all, which closes them all.
    newest = toasts(calls)[-1]
    assert [t.close_all_button.isVisibleTo(t) for t in toasts(calls)] == [False] * 3 + [True]
    newest.close_all_button.click()
    qtbot.waitUntil(lambda: len(calls.pops.toasts) == 0, timeout=2000)


def test_a_single_toast_has_no_close_all(qtbot: QtBot, make_pops) -> None:
    calls = make_pops()
    calls.handle(CallEvent(DIRECT, call_id="a"))
    assert not toasts(calls)[0].close_all_button.isVisibleTo(toasts(calls)[0])


def test_an_ended_call_leaves_unless_the_pointer_is_on_it(qtbot: QtBot, make_pops) -> None:
    calls = make_pops()
    calls.handle(CallEvent(DIRECT, CallState.RINGING, "a"))
    calls.handle(CallEvent("+4791234500", CallState.RINGING, "b"))
    first, second = toasts(calls)
    assert DISMISS_AFTER_END_MS <= 10_000
    hover(second, True)

    calls.handle(CallEvent(DIRECT, CallState.ENDED, "a"))
    calls.handle(CallEvent("+4791234500", CallState.ENDED, "b"))
    for toast in (first, second):
        toast._dismiss_timer.start(50)  # the real delay is seconds
    qtbot.waitUntil(lambda: toasts(calls) == [second], timeout=2000)
    qtbot.waitUntil(lambda: not second._dismiss_timer.isActive(), timeout=2000)
    assert second.isVisible() and second.is_dismiss_scheduled()

    hover(second, False)
    second._dismiss_timer.start(50)  # the grace after leaving, shortened
    qtbot.waitUntil(lambda: toasts(calls) == [], timeout=2000)


def test_a_call_without_an_id_leaves_by_itself(qtbot: QtBot, make_pops) -> None:
    calls = make_pops()
    calls.handle(CallEvent(DIRECT, CallState.ANSWERED))
    [toast] = toasts(calls)
    assert toast.is_dismiss_scheduled()
    assert toast._dismiss_timer.interval() == Settings().ringing_timeout_s * 1000 == 45_000
    # Without an id a later call from the number is a new call once the toast is gone.
    calls.handle(CallEvent(DIRECT))
    assert len(toasts(calls)) == 1


def test_unknown_caller_search_goes_to_find(qtbot: QtBot, make_pops, searches) -> None:
    calls = make_pops()
    calls.handle(CallEvent("+4721000000", call_id="u"))
    [toast] = toasts(calls)
    assert toast.variant() == "unknown"
    assert toast.search_button is not None
    toast.search_button.click()
    assert searches == ["4721000000"]


@pytest.mark.log_warnings
def test_junk_and_withheld_numbers(
    qtbot: QtBot, make_pops, caplog: pytest.LogCaptureFixture
) -> None:
    calls = make_pops()
    calls.handle(CallEvent("not a number", call_id="j"))
    assert toasts(calls) == []
    assert "ignoring a call event: 'not a number' is not a phone number." in caplog.messages
    calls.handle(CallEvent("anonymous", call_id="w"))
    assert toasts(calls)[0].variant() == "withheld"


def test_match_call_serves_the_history(make_pops) -> None:
    calls = make_pops()
    matched = calls.pops.match_call(CallEvent("91 23 45 67"))
    assert matched is not None
    incoming, candidates = matched
    assert incoming.e164 == DIRECT
    assert [c.person_name for c in candidates] == ["Kari"]


def test_a_ringing_toast_that_hears_nothing_more_leaves_after_the_setting(
    qtbot: QtBot, make_pops
) -> None:
    calls = make_pops(ringing_timeout_s=10)
    calls.handle(CallEvent(DIRECT, CallState.RINGING, "only-rings"))
    [toast] = toasts(calls)
    # Not after the tracker's 15 minutes: after the setting.
    assert toast.is_dismiss_scheduled()
    assert toast._dismiss_timer.interval() == 10_000
    toast._dismiss_timer.start(30)  # the real delay is seconds
    qtbot.waitUntil(lambda: toasts(calls) == [], timeout=2000)
    # The tracker still follows the call: an answer later does not pop it again.
    calls.handle(CallEvent(DIRECT, CallState.ANSWERED, "only-rings"))
    assert toasts(calls) == []


def test_an_answered_call_keeps_its_toast_until_it_ends(qtbot: QtBot, make_pops) -> None:
    calls = make_pops(ringing_timeout_s=10)
    calls.handle(CallEvent(DIRECT, CallState.RINGING, "talk"))
    calls.handle(CallEvent(DIRECT, CallState.ANSWERED, "talk"))
    [toast] = toasts(calls)
    assert not toast.is_dismiss_scheduled()
    calls.handle(CallEvent(DIRECT, CallState.ENDED, "talk"))
    assert toast._dismiss_timer.interval() == DISMISS_AFTER_END_MS
