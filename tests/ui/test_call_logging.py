"""Calls logged in SuperOffice, as the tray app wires it: the tracker's calls, the outbox in the
profile, the sender, the note in the toast and the contact window, against the demo tenant
in-process (its diary is where the appointments land)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QMimeData
from pytestqt.qtbot import QtBot

from screenpop.app.call_flow import CallFlow
from screenpop.app.call_services import CallServices
from screenpop.app.pops import PopController
from screenpop.app.softphone import Softphone
from screenpop.config.profile import Profile
from screenpop.config.settings import Settings
from screenpop.core.call_life import STALE_CALL_S
from screenpop.core.call_log import MAX_DESCRIPTION_CHARS, NOTE_MAX_CHARS, LogCalls, log_id
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.tasks import BackgroundTasks
from screenpop.demo.server import DemoApp, DemoConfig, create_app
from screenpop.store.cache import CallerIdCache
from screenpop.store.outbox import LogRow, LogState
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.sync.caller_ids import sync_caller_ids
from screenpop.ui.call_note import CallNoteEditor, NoteStatus
from screenpop.ui.contact_windows import ContactWindows
from screenpop.ui.toast import CallToast
from screenpop.ui.tray import TrayIcon
from tests.ui.conftest import demo_client, wait_until

# The demo tenant of seed 2: Ragnhild Sørensen (person 1) of Isfjord Data AS (contact 1).
RAGNHILD = "+4724469391"
SWITCHBOARD = "+4722334455"  # Isfjord Data AS, shared by Jonas Halvorsen
UNKNOWN = "+4799999999"


@dataclass
class App:
    """The parts of the tray app call logging touches, built as tray_app builds them."""

    demo: DemoApp
    settings: list[Settings]
    pops: PopController
    calls: CallFlow
    services: CallServices
    tray: TrayIcon
    tasks: BackgroundTasks

    def call(self, number: str, *states: CallState, call_id: str = "c1", **kw: object) -> None:
        for state in states:
            self.calls.handle(CallEvent(number, state, call_id, **kw))  # type: ignore[arg-type]

    def toast(self) -> CallToast:
        (toast,) = self.pops.toasts.toasts()
        return toast

    def panel(self) -> CallNoteEditor:
        """The note under the call's toast."""
        panel = self.toast().note_panel
        assert panel is not None
        return panel

    def type_note(self, text: str) -> CallNoteEditor:
        panel = self.panel()
        panel.open_note()
        panel.edit.setPlainText(text)
        return panel

    def made(self) -> list[dict[str, object]]:
        return self.demo.diary.all()


@pytest.fixture
def make_app(
    qtbot: QtBot, tmp_path: Path, loop: asyncio.AbstractEventLoop
) -> Iterator[Callable[..., App]]:
    built: list[tuple[App, CallerIdCache, httpx.AsyncClient]] = []
    demo = create_app(DemoConfig(seed=2, persons=40))

    def make(log_calls: LogCalls = LogCalls.ANSWERED, profile_dir: str = "profile") -> App:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=demo))  # type: ignore[arg-type]
        client: SuperOfficeClient = demo_client(http)
        cache = CallerIdCache(tmp_path / f"{profile_dir}-cache.sqlite3")
        loop.run_until_complete(sync_caller_ids(client, cache.path, "NO"))
        settings = [Settings(region="NO", log_calls=log_calls)]
        tasks = BackgroundTasks()
        windows = ContactWindows(lambda: client, tasks, limit=10)
        pops = PopController(settings[0], cache, windows, lambda _number: None)
        calls = CallFlow(pops, None, tasks, lambda _recent: None)
        tray = TrayIcon()
        softphone = Softphone(calls.handle, tray.set_softphone, lambda _reason: None)
        profile = Profile(tmp_path / profile_dir).ensure()
        services = CallServices(profile, lambda: settings[0], lambda: client, pops, calls, tray,
                                softphone, tasks, lambda _url: True)  # fmt: skip
        app = App(demo, settings, pops, calls, services, tray, tasks)
        built.append((app, cache, http))
        return app

    yield make
    for app, cache, http in built:
        app.pops.close_all()
        app.pops.windows.close_all()
        loop.run_until_complete(app.services.stop())
        loop.run_until_complete(app.tasks.cancel_all())
        loop.run_until_complete(http.aclose())
        cache.close()


def test_an_answered_call_is_logged_with_its_note_and_shows_in_the_window(
    make_app: Callable[..., App], loop: asyncio.AbstractEventLoop
) -> None:
    app = make_app(LogCalls.ANSWERED)

    async def scenario() -> None:
        app.services.start()
        app.call(RAGNHILD, CallState.RINGING, CallState.ANSWERED)
        toast = app.toast()
        assert toast.note_panel is not None and not toast.note_panel.is_open()
        window = app.pops.open_contact(1, toast.candidates[0])
        assert window.call_panel is not None  # the same note, in the window
        await wait_until(lambda: window.summary() is not None)
        toast.note_panel.open_note()
        toast.note_panel.edit.setPlainText("Wants the <b>new</b> price list")
        assert window.call_panel.edit.toPlainText() == "Wants the <b>new</b> price list"
        app.call(RAGNHILD, CallState.ENDED)
        await wait_until(lambda: app.made(), within_s=5)
        await wait_until(lambda: window.call_panel.note.status is NoteStatus.LOGGED)
        made = app.made()[0]
        await wait_until(lambda: any(a.appointment_id == made["AppointmentId"]
                                     for a in window.summary().followups))  # fmt: skip

    loop.run_until_complete(scenario())
    made = app.made()[0]
    assert made["Person"]["PersonId"] == 1 and made["Contact"]["ContactId"] == 1  # type: ignore[index]
    assert str(made["Description"]).startswith("Incoming call from +47 24 46 93 91 (")
    assert "Wants the <b>new</b> price list" in str(made["Description"])
    assert made["Task"]["Value"] == "Phone call (incoming)"  # type: ignore[index]
    assert app.tray.call_logs == ""  # nothing waits


def test_ask_offers_log_call_on_the_ended_toast(
    make_app: Callable[..., App], loop: asyncio.AbstractEventLoop
) -> None:
    app = make_app(LogCalls.ASK)

    async def scenario() -> None:
        app.services.start()
        app.call(RAGNHILD, CallState.RINGING, CallState.ANSWERED, CallState.ENDED)
        panel = app.panel()
        await wait_until(lambda: panel.log_button.isVisible() or not panel.isVisible())
        assert panel.note.status is NoteStatus.OFFERED and not panel.log_button.isHidden()
        assert app.toast()._held  # it waits for the agent, not five seconds
        await asyncio.sleep(0.3)
        assert not app.made()  # nothing is logged unasked
        assert "not logged yet: 1" in app.tray.call_logs
        app.type_note("Callback on Monday").log_button.click()
        await wait_until(lambda: app.made())
        await wait_until(lambda: panel.note.status is NoteStatus.LOGGED)
        assert not app.toast()._held

    loop.run_until_complete(scenario())
    assert "Callback on Monday" in str(app.made()[0]["Description"])


def test_missed_calls_are_logged_only_with_all(
    make_app: Callable[..., App], loop: asyncio.AbstractEventLoop
) -> None:
    app = make_app(LogCalls.ANSWERED)

    async def scenario() -> None:
        app.services.start()
        app.call(RAGNHILD, CallState.RINGING, CallState.ENDED, call_id="missed")
        await asyncio.sleep(0.3)
        assert not app.made()
        app.settings[0] = replace(app.settings[0], log_calls=LogCalls.ALL)
        app.call(RAGNHILD, CallState.RINGING, CallState.ENDED, call_id="missed-2")
        await wait_until(lambda: app.made())

    loop.run_until_complete(scenario())
    (made,) = app.made()
    assert str(made["Description"]).startswith("Missed call from +47 24 46 93 91")


def test_a_note_on_a_call_that_would_not_be_logged_is_offered_not_lost(
    make_app: Callable[..., App], loop: asyncio.AbstractEventLoop
) -> None:
    app = make_app(LogCalls.ANSWERED)

    async def scenario() -> None:
        app.services.start()
        app.call(RAGNHILD, CallState.RINGING)
        panel = app.type_note("Tried to reach us about the invoice")
        app.call(RAGNHILD, CallState.ENDED)
        await wait_until(lambda: panel.note.status is NoteStatus.OFFERED)
        assert not app.made()

    loop.run_until_complete(scenario())


def test_unknown_callers_and_outgoing_calls(
    make_app: Callable[..., App], loop: asyncio.AbstractEventLoop
) -> None:
    app = make_app(LogCalls.ALL)

    async def scenario() -> None:
        app.services.start()
        app.call(UNKNOWN, CallState.RINGING, CallState.ANSWERED, CallState.ENDED, call_id="u")
        assert app.toast().note_panel is None  # nobody to log it against: no note field
        # Outgoing calls do not pop; they are logged by the same rules.
        app.call(RAGNHILD, CallState.RINGING, CallState.ANSWERED, CallState.ENDED,
                 call_id="out", direction=Direction.OUTGOING)  # fmt: skip
        await wait_until(lambda: app.made())

    loop.run_until_complete(scenario())
    (made,) = app.made()
    assert str(made["Description"]).startswith("Outgoing call to +47 24 46 93 91 (")
    assert made["Task"]["Value"] == "Phone call (outgoing)"  # type: ignore[index]


def test_a_100_kb_note_is_cut_where_superoffice_stops_and_says_so(
    make_app: Callable[..., App], loop: asyncio.AbstractEventLoop
) -> None:
    app = make_app(LogCalls.ANSWERED)

    async def scenario() -> None:
        app.services.start()
        app.call(RAGNHILD, CallState.RINGING, CallState.ANSWERED)
        panel = app.panel()
        panel.open_note()
        pasted = QMimeData()
        pasted.setText("<p>Lorem ipsum</p> " * 6000)  # 114 KB
        panel.edit.insertFromMimeData(pasted)
        assert len(panel.edit.toPlainText()) == NOTE_MAX_CHARS
        assert "the rest was left out" in panel.count_label.text()
        app.call(RAGNHILD, CallState.ENDED)
        await wait_until(lambda: app.made())

    loop.run_until_complete(scenario())
    text = str(app.made()[0]["Description"])
    assert len(text) <= MAX_DESCRIPTION_CHARS and "<p>Lorem ipsum</p>" in text


@pytest.mark.log_warnings
def test_a_tenant_that_refuses_shows_its_words_and_can_be_retried(
    make_app: Callable[..., App], loop: asyncio.AbstractEventLoop
) -> None:
    app = make_app(LogCalls.ANSWERED)
    app.demo.diary.refusal = "You may not add follow-ups to this company."

    async def scenario() -> None:
        app.services.start()
        app.call(RAGNHILD, CallState.RINGING, CallState.ANSWERED, CallState.ENDED)
        panel = app.panel()
        await wait_until(lambda: panel.note.status is NoteStatus.REFUSED)
        assert "You may not add follow-ups to this company." in panel.status_text()
        assert "refused: 1" in app.tray.call_logs
        app.services.show_outbox()
        dialog = app.services._dialog
        assert dialog is not None and dialog.tree.topLevelItemCount() == 1
        assert "You may not add follow-ups" in dialog.tree.topLevelItem(0).text(3)
        app.demo.diary.refusal = ""
        dialog.log_button.click()  # Retry
        await wait_until(lambda: app.made())
        await wait_until(lambda: dialog.tree.topLevelItemCount() == 0)

    loop.run_until_complete(scenario())
    assert len(app.made()) == 1


def test_a_call_whose_end_comes_after_a_restart_is_logged_once(
    make_app: Callable[..., App], loop: asyncio.AbstractEventLoop
) -> None:
    first = make_app(LogCalls.ANSWERED)

    async def before() -> None:
        first.call(RAGNHILD, CallState.RINGING, CallState.ANSWERED, call_id="long-call")
        first.type_note("Typed before the crash")
        first.services.logging.save_notes()  # type: ignore[union-attr]

    loop.run_until_complete(before())
    # The app dies here (nothing is stopped); a new one starts with the same profile.
    second = make_app(LogCalls.ANSWERED)
    outbox = second.services.outbox
    assert outbox is not None

    async def after() -> None:
        second.services.start()
        second.call(RAGNHILD, CallState.ENDED, call_id="long-call")
        await wait_until(lambda: second.made())
        await asyncio.sleep(0.2)

    loop.run_until_complete(after())
    (made,) = second.made()
    assert "Typed before the crash" in str(made["Description"])
    assert outbox.counts().total == 0
    (row,) = [r for r in outbox._select("1 = 1")]
    assert row.state is LogState.SENT and row.answered


def test_an_offered_call_can_be_logged_after_its_toast_has_gone(
    make_app: Callable[..., App], loop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    app = make_app(LogCalls.ASK)

    async def scenario() -> None:
        app.services.start()
        app.call(RAGNHILD, CallState.RINGING, CallState.ANSWERED, CallState.ENDED)
        note = app.panel().note
        await wait_until(lambda: note.status is NoteStatus.OFFERED)
        app.toast().close()  # the agent dismissed it
        await wait_until(lambda: len(app.pops.toasts) == 0)
        await asyncio.sleep(0.05)  # the toast is deleted
        app.services.show_outbox()
        dialog = app.services._dialog
        assert dialog is not None and dialog.tree.topLevelItemCount() == 1
        dialog.log_button.click()
        await wait_until(lambda: app.made())
        await wait_until(lambda: note.status is NoteStatus.LOGGED)

    loop.run_until_complete(scenario())


def test_a_call_that_never_ended_is_logged_as_far_as_it_is_known(
    make_app: Callable[..., App], loop: asyncio.AbstractEventLoop
) -> None:
    """The app was killed mid-call and the softphone never said more: once the tracker's
    limit for a call in progress has passed, the log goes, saying its end was not reported."""
    app = make_app(LogCalls.ANSWERED)
    outbox = app.services.outbox
    assert outbox is not None
    started = time.time() - STALE_CALL_S - 60
    outbox.open_live(
        LogRow(
            log_id=log_id("gone", started), call_key="gone", call_id="gone",
            state=LogState.LIVE, direction=Direction.INCOMING, number="+47 24 46 93 91",
            person_id=1, contact_id=1, who="Ragnhild Sørensen (Isfjord Data AS)",
            started_at=started, answered_at=started + 4, ended_at=None, headline="",
            note="Half a note", task="",
        )
    )  # fmt: skip

    async def scenario() -> None:
        app.services.start()
        await wait_until(lambda: app.made())

    loop.run_until_complete(scenario())
    (made,) = app.made()
    text = str(made["Description"])
    assert text.startswith("Incoming call from +47 24 46 93 91 (0 s); its end was not reported")
    assert "Half a note" in text
