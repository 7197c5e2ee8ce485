"""Click-to-dial: every number of the contact window and the Find dialog dials; the dial goes to
baresip's control socket (a real TCP server speaking ctrl_tcp's netstrings), else to the OS's
tel: handler, never to Screenpop itself."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from screenpop.app.dialing import Dialer, dial_target
from screenpop.app.softphone import Softphone
from screenpop.config.settings import Settings
from screenpop.core.calls import CallEvent, CallState, Direction
from screenpop.core.errors import InvalidNumberError
from screenpop.core.matching import Candidate
from screenpop.core.models import ContactSummary
from screenpop.integration.tel_handler import TelHandler
from screenpop.triggers.baresip import event_from_message
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.find_dialog import FindDialog
from tests.pure.test_baresip_link import FakeBaresip, frame

SETTINGS = Settings(region="NO")


class Calls(list[CallEvent]):
    def __call__(self, event: CallEvent) -> None:
        self.append(event)


class Opened(list[str]):
    def __init__(self, takes: bool = True) -> None:
        super().__init__()
        self.takes = takes

    def __call__(self, url: str) -> bool:
        self.append(url)
        return self.takes


def _dialer(settings: Settings, softphone: Softphone, opened: Opened, handler: TelHandler,
            calls: Calls | None = None) -> Dialer:  # fmt: skip
    on_call = calls if calls is not None else Calls()
    return Dialer(softphone, lambda: settings, on_call, opened, handler=lambda: handler)


def _softphone() -> Softphone:
    return Softphone(lambda _event: None, lambda _on, _text: None, lambda _why: None)


@pytest.mark.parametrize(
    ("number", "target"),
    [("22 33 44 55", "+4722334455"), ("+46 8 123 456 78", "+46812345678"), ("1234", "1234"),
     ("tel:+47-22-33-44-55", "+4722334455")],
)  # fmt: skip
def test_what_is_dialled(number: str, target: str) -> None:
    assert dial_target(number, SETTINGS) == target


@pytest.mark.parametrize("number", ["anonymous", "Kari Nordmann", ""])
def test_what_cannot_be_dialled(number: str) -> None:
    with pytest.raises(InvalidNumberError):
        dial_target(number, SETTINGS)


def test_the_tel_handler_gets_the_link_and_recent_calls_the_call(
    loop: asyncio.AbstractEventLoop,
) -> None:
    opened, calls = Opened(), Calls()
    dialer = _dialer(SETTINGS, _softphone(), opened, TelHandler("Example Phone"), calls)
    dialled = loop.run_until_complete(dialer.dial("22 33 44 55"))
    assert dialled.ok and dialled.how == "tel" and opened == ["tel:+4722334455"]
    assert [(c.state, c.direction, c.source) for c in calls] == [
        (CallState.RINGING, Direction.OUTGOING, "dial"),
        (CallState.ENDED, Direction.OUTGOING, "dial"),
    ]
    assert calls[0].call_id == calls[1].call_id != ""


@pytest.mark.parametrize(
    ("handler", "says"),
    [
        (TelHandler("no.screenpop.Screenpop.Links.desktop", ours=True), "Screenpop itself"),
        (TelHandler(), "No app on this computer opens tel: links"),
    ],
)
def test_never_screenpop_itself_nor_nothing(
    loop: asyncio.AbstractEventLoop, handler: TelHandler, says: str
) -> None:
    opened = Opened()
    dialled = loop.run_until_complete(_dialer(SETTINGS, _softphone(), opened, handler).dial("1234"))
    assert not dialled.ok and says in dialled.error and opened == []


def test_a_handler_that_does_not_take_the_link_says_so(loop: asyncio.AbstractEventLoop) -> None:
    dialer = _dialer(SETTINGS, _softphone(), Opened(takes=False), TelHandler("Example Phone"))
    dialled = loop.run_until_complete(dialer.dial("1234"))
    assert dialled.error == "Example Phone did not take the tel: link."


@pytest.fixture
async def fake_baresip() -> AsyncIterator[FakeBaresip]:
    server = FakeBaresip()
    await server.start()
    yield server
    await server.stop()


async def test_baresip_dials_when_screenpop_follows_one(fake_baresip: FakeBaresip) -> None:
    settings = replace(SETTINGS, baresip=f"127.0.0.1:{fake_baresip.port}")
    softphone, opened = _softphone(), Opened()
    softphone.start(settings)
    try:
        peer = await fake_baresip.next_peer()
        dialer = _dialer(settings, softphone, opened, TelHandler("Example Phone"))
        for _ in range(100):
            if softphone.link is not None and softphone.link.state.value == "connected":
                break
            await asyncio.sleep(0.02)
        pending = asyncio.ensure_future(dialer.dial("22 33 44 55"))
        sent = await peer.command()
        assert (sent["command"], sent["params"]) == ("dial", "+4722334455")
        await peer.send(frame({"response": True, "ok": True, "data": "", "token": sent["token"]}))
        dialled = await pending
        assert dialled.ok and dialled.how == "baresip" and opened == []  # not the tel: handler
        refused = asyncio.ensure_future(dialer.dial("1234"))
        sent = await peer.command()
        await peer.send(frame({"response": True, "ok": False, "data": "no account",
                               "token": sent["token"]}))  # fmt: skip
        assert (await refused).error == "baresip refused 'dial': no account"
    finally:
        await softphone.stop()


async def test_baresip_that_is_not_running_is_said_not_bypassed() -> None:
    settings = replace(SETTINGS, baresip="127.0.0.1:9")  # nothing listens there
    opened = Opened()
    dialled = await _dialer(settings, _softphone(), opened, TelHandler("Example Phone")).dial("1")
    assert dialled.error == "baresip is not connected, so it cannot dial." and opened == []


# -- the numbers of the windows ----------------------------------------------------------------


def test_the_companys_phone_in_the_contact_window_dials(
    window: ContactWindow, summary: ContactSummary, qtbot: QtBot
) -> None:
    window.show_summary(summary)
    phone = window.details["phone"]
    assert phone.text() == "+47 22 33 44 55" and phone.is_active()  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.dial_requested) as dialled:
        phone.clicked.emit()  # type: ignore[attr-defined]
    assert dialled.args == ["+47 22 33 44 55"]


def test_a_phone_without_digits_is_not_a_link(
    window: ContactWindow, summary: ContactSummary, make_contact: object
) -> None:
    window.show_summary(replace(summary, contact=make_contact(phone="ask reception")))  # type: ignore[operator]
    assert not window.details["phone"].is_active()  # type: ignore[attr-defined]


def test_find_dials_the_chosen_number(qtbot: QtBot, make_candidate: object) -> None:
    people: list[Candidate] = [
        make_candidate(),  # type: ignore[operator]
        make_candidate(person_id=13, person_name="Kari", number="+4791234567"),  # type: ignore[operator]
    ]
    dialog = FindDialog(lambda _text: people)
    qtbot.addWidget(dialog)
    assert not dialog.dial_button.isEnabled()  # nothing found yet
    dialog.search_edit.setText("Acme")
    dialog.run_search()
    assert dialog.dial_button.isEnabled() and dialog.dial_button.text() == "Call +47 22 33 44 55"
    dialog.results.setCurrentRow(1)
    assert dialog.dial_button.text() == "Call +47 91 23 45 67"
    with qtbot.waitSignal(dialog.dial_requested) as dialled:
        dialog.dial_button.click()
    assert dialled.args == ["+4791234567"]
    opened: list[Candidate] = []
    dialog.open_requested.connect(opened.append)
    with qtbot.waitSignal(dialog.dial_requested) as by_key:  # Ctrl+Enter calls, Enter opens
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert by_key.args == ["+4791234567"] and opened == []


def test_a_dialled_call_is_followed_from_the_far_ends_ring() -> None:
    """baresip 1.0 says CALL_RINGING (no CALL_OUTGOING) when the number it dialled rings."""
    body = {"event": True, "type": "CALL_RINGING", "direction": "outgoing", "id": "c9",
            "peeruri": "sip:+4722334455@127.0.0.1", "peerdisplayname": ""}  # fmt: skip
    event = event_from_message(body)
    assert event is not None
    assert (event.state, event.direction, event.call_id) == (
        CallState.RINGING, Direction.OUTGOING, "c9"
    )  # fmt: skip
    assert event_from_message({**body, "direction": "incoming"}) is None
