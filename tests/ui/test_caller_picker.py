"""Who called, picked in the contact window's header when a switchboard of one company rang."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate
from screenpop.ui.contact_window import ContactWindow
from tests.ui.conftest import TICKET_STATUSES


def _window(qtbot: QtBot, links: WebClientLinks) -> ContactWindow:
    window = ContactWindow(34, None, links, statuses=TICKET_STATUSES)
    qtbot.addWidget(window)
    return window


def test_the_header_offers_the_switchboards_people(
    qtbot: QtBot, links: WebClientLinks, make_candidate: Callable[..., Candidate]
) -> None:
    ola = make_candidate(person_id=2, person_name="Ola Nordmann")
    per = make_candidate(person_id=4, person_name="Per Hansen", mrmrs="")
    board = make_candidate(person_id=0, person_name="", mrmrs="")
    window = _window(qtbot, links)
    window.set_callers([ola, per, board])
    picker = window.header.caller_picker
    assert picker.isVisibleTo(window) and not window.caller_label.isVisibleTo(window)
    assert window.header.caller_caption.isVisibleTo(window)
    # The people, best first; the company's own number is no person to pick.
    assert [picker.itemText(i) for i in range(picker.count())] == [
        "Who called?",
        "Mr Ola Nordmann",
        "Per Hansen",
    ]
    with qtbot.waitSignal(window.header.caller_picked):
        picker.setCurrentIndex(2)
    assert window.caller() == per
    assert window.windowTitle() == "Acme Logistics AS — Per Hansen · Screenpop"
    picker.setCurrentIndex(0)
    assert window.caller() is None and window.windowTitle() == "Acme Logistics AS · Screenpop"
    # Another call, from someone not among them: the picker gives way to their name.
    kari = make_candidate(person_id=9, person_name="Kari Lie", mrmrs="")
    window.set_caller(kari)
    assert not picker.isVisibleTo(window)
    assert window.caller_label.isVisibleTo(window) and window.caller_label.text() == "Kari Lie"


def test_one_person_needs_no_picker(
    qtbot: QtBot, links: WebClientLinks, make_candidate: Callable[..., Candidate]
) -> None:
    window = _window(qtbot, links)
    window.set_callers([make_candidate(), make_candidate(person_id=0, person_name="")])
    assert not window.header.caller_picker.isVisibleTo(window)
