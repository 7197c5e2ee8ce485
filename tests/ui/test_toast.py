from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from screenpop.core.calls import CallState
from screenpop.core.matching import Candidate
from screenpop.core.phone import IncomingNumber, NumberKind
from screenpop.ui.toast import GAP, MARGIN, CallToast

WITHHELD = IncomingNumber("anonymous", NumberKind.WITHHELD, "")


@pytest.fixture
def make_toast(qtbot: QtBot) -> Callable[..., CallToast]:
    def make(
        incoming: IncomingNumber, candidates: list[Candidate], state: CallState = CallState.RINGING
    ) -> CallToast:
        toast = CallToast(incoming, candidates, state)
        qtbot.addWidget(toast)
        return toast

    return make


@pytest.fixture
def switchboard(make_candidate: Callable[..., Candidate]) -> list[Candidate]:
    return [
        make_candidate(person_id=1, person_name="Anna Berg", mrmrs="Ms"),
        make_candidate(person_id=2, person_name="Bjørn Dahl", mrmrs=""),
        make_candidate(person_id=0, person_name="", mrmrs=""),
    ]


def test_one_candidate_names_caller_company_number_and_match(
    make_toast: Callable[..., CallToast], incoming: IncomingNumber, candidate: Candidate
):
    toast = make_toast(incoming, [candidate])

    assert toast.variant() == "single"
    assert toast.name_label.text() == "Mr Ola Nordmann"
    assert toast.company_label.text() == "Acme Logistics AS"
    assert toast.detail_label.text() == "+47 22 33 44 55 · Exact number"
    assert toast.state_label.text() == "Ringing…"
    assert toast.windowTitle() == "Call from Mr Ola Nordmann — Screenpop"


def test_state_follows_the_call(
    make_toast: Callable[..., CallToast], incoming: IncomingNumber, candidate: Candidate
):
    toast = make_toast(incoming, [candidate])

    toast.set_state(CallState.ANSWERED)
    assert toast.state_label.text() == "Answered"
    toast.set_state(CallState.ENDED)
    assert toast.state_label.text() == "Ended"


def test_clicking_the_card_opens_the_candidate(
    qtbot: QtBot,
    make_toast: Callable[..., CallToast],
    incoming: IncomingNumber,
    candidate: Candidate,
):
    toast = make_toast(incoming, [candidate])
    toast.show()
    qtbot.waitExposed(toast)

    with qtbot.waitSignal(toast.open_requested) as blocker:
        qtbot.mouseClick(toast.name_label, Qt.MouseButton.LeftButton)

    assert blocker.args == [candidate]


def test_several_candidates_show_a_chooser_best_first(
    qtbot: QtBot,
    make_toast: Callable[..., CallToast],
    incoming: IncomingNumber,
    switchboard: list[Candidate],
):
    toast = make_toast(incoming, switchboard)
    toast.show()
    qtbot.waitExposed(toast)

    assert toast.variant() == "multiple"
    assert toast.name_label.text() == "3 possible callers"
    assert toast.company_label.text() == "Acme Logistics AS"
    assert [row.name_label.text() for row in toast.choice_rows] == [
        "Ms Anna Berg",
        "Bjørn Dahl",
        "Acme Logistics AS",
    ]
    assert toast.choice_rows[2].company_label.text() == "Main number"
    with qtbot.waitSignal(toast.open_requested) as blocker:
        qtbot.mouseClick(toast.choice_rows[1], Qt.MouseButton.LeftButton)
    assert blocker.args == [switchboard[1]]
    # The card itself is no button when there is a choice to make.
    with qtbot.assertNotEmitted(toast.open_requested):
        qtbot.mouseClick(toast.name_label, Qt.MouseButton.LeftButton)


def test_candidates_of_several_companies_name_theirs(
    make_toast: Callable[..., CallToast],
    incoming: IncomingNumber,
    make_candidate: Callable[..., Candidate],
):
    toast = make_toast(
        incoming,
        [make_candidate(contact_name="Acme"), make_candidate(person_id=5, contact_name="Bolt")],
    )

    assert toast.company_label.isHidden()
    assert [row.company_label.text() for row in toast.choice_rows] == ["Acme", "Bolt"]


def test_unknown_caller_offers_search(
    qtbot: QtBot, make_toast: Callable[..., CallToast], incoming: IncomingNumber
):
    toast = make_toast(incoming, [])

    assert toast.variant() == "unknown"
    assert toast.name_label.text() == "Unknown caller"
    assert toast.detail_label.text() == "+47 22 33 44 55"
    assert toast.windowTitle() == "Call from +47 22 33 44 55 — Screenpop"
    assert toast.search_button is not None
    with qtbot.waitSignal(toast.search_requested) as blocker:
        qtbot.mouseClick(toast.search_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["4722334455"]


def test_withheld_number_has_no_search(make_toast: Callable[..., CallToast]):
    toast = make_toast(WITHHELD, [], CallState.ENDED)

    assert toast.variant() == "withheld"
    assert toast.name_label.text() == "Unknown caller"
    assert toast.detail_label.text() == "Withheld number"
    assert toast.search_button is None
    assert toast.state_label.text() == "Ended"


def test_close_button_dismisses(
    qtbot: QtBot,
    make_toast: Callable[..., CallToast],
    incoming: IncomingNumber,
    candidate: Candidate,
):
    toast = make_toast(incoming, [candidate])
    toast.show()
    qtbot.waitExposed(toast)

    with (
        qtbot.waitSignal(toast.dismissed),
        qtbot.assertNotEmitted(toast.open_requested),
    ):
        qtbot.mouseClick(toast.close_button, Qt.MouseButton.LeftButton)

    assert not toast.isVisible()


def test_the_toast_never_takes_focus(
    qtbot: QtBot,
    make_toast: Callable[..., CallToast],
    incoming: IncomingNumber,
    switchboard: list[Candidate],
):
    toast = make_toast(incoming, switchboard)

    assert toast.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    flags = toast.windowFlags()
    for flag in (
        Qt.WindowType.WindowDoesNotAcceptFocus,
        Qt.WindowType.FramelessWindowHint,
        Qt.WindowType.WindowStaysOnTopHint,
        Qt.WindowType.Tool,
    ):
        assert flags & flag == flag
    # The offscreen platform activates every window it shows, so what can be checked here is
    # that nothing inside the toast would take the keyboard even then.
    takers = [
        widget
        for widget in toast.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(toast)
    ]
    assert takers == []
    toast.show()
    qtbot.waitExposed(toast)
    qtbot.mouseClick(toast.choice_rows[0], Qt.MouseButton.LeftButton)
    focus = QApplication.focusWidget()
    assert focus is None or not toast.isAncestorOf(focus)


def test_place_puts_toasts_in_the_corner_stacked_upwards(
    make_toast: Callable[..., CallToast], incoming: IncomingNumber, candidate: Candidate
):
    screen = QGuiApplication.screenAt(QPoint(0, 0)) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    lowest = make_toast(incoming, [candidate])
    above = make_toast(incoming, [candidate])

    lowest.place(0)
    above.place(1)

    for toast in (lowest, above):
        assert area.contains(toast.frameGeometry())
    assert lowest.geometry().right() == area.right() - MARGIN
    assert lowest.geometry().bottom() == area.bottom() - MARGIN
    assert above.geometry().bottom() == lowest.geometry().top() - GAP - 1
    assert 300 <= lowest.width() <= 420


def test_place_with_an_offset_and_far_up_stays_on_screen(
    make_toast: Callable[..., CallToast], incoming: IncomingNumber, candidate: Candidate
):
    area = QGuiApplication.primaryScreen().availableGeometry()
    toast = make_toast(incoming, [candidate])

    toast.place(1, offset=200)
    assert toast.geometry().bottom() == area.bottom() - MARGIN - 200
    toast.place(500)
    assert area.contains(toast.frameGeometry())


def test_the_avatar_stays_visible_when_another_window_is_active(
    make_toast: Callable[..., CallToast],
    make_candidate: Callable[..., Candidate],
    incoming: IncomingNumber,
):
    # A toast never is the active window; styles whose inactive Highlight equals the window
    # colour used to paint the avatar invisible once the contact window took the focus.
    toast = make_toast(incoming, [make_candidate()])
    palette = toast.palette()
    window = palette.color(QPalette.ColorRole.Window)
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, window)
    palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight, QColor("#1060c0"))
    toast.setPalette(palette)
    avatar = next(w for w in toast.findChildren(QWidget) if type(w).__name__ == "_Avatar")
    image = avatar.grab().toImage()
    ring = image.pixelColor(image.width() // 2, 3)
    assert abs(ring.lightness() - window.lightness()) > 10
