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
from screenpop.ui import toast_card
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
    assert toast.state_label.text() == "Missed call"


def test_an_ended_call_says_whether_it_was_missed(
    make_toast: Callable[..., CallToast], incoming: IncomingNumber, candidate: Candidate
):
    missed = make_toast(incoming, [candidate])
    missed.set_state(CallState.ENDED)
    taken = make_toast(incoming, [candidate])
    taken.set_state(CallState.ANSWERED)
    taken.set_state(CallState.ENDED)

    assert missed.state_label.text() == "Missed call"
    assert taken.state_label.text() == "Ended"
    assert missed.state_dot.palette().color(QPalette.ColorRole.WindowText) != (
        taken.state_dot.palette().color(QPalette.ColorRole.WindowText)
    )


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
    avatar = next(w for w in toast.findChildren(QWidget) if type(w).__name__ == "Avatar")
    image = avatar.grab().toImage()
    ring = image.pixelColor(image.width() // 2, 3)
    assert abs(ring.lightness() - window.lightness()) > 10


@pytest.fixture
def crowd(make_candidate: Callable[..., Candidate]) -> list[Candidate]:
    names = ["Anna Berg", "Bjørn Dahl", "Cecilie Eng", "Dag Fosse", "Eva Gran", "Finn Hauge"]
    people = [make_candidate(person_id=i + 1, person_name=n) for i, n in enumerate(names)]
    return [*people, make_candidate(person_id=0, person_name="", mrmrs="")]


def test_a_long_chooser_can_be_filtered(
    qtbot: QtBot,
    make_toast: Callable[..., CallToast],
    incoming: IncomingNumber,
    crowd: list[Candidate],
):
    toast = make_toast(incoming, crowd)
    toast.show()
    qtbot.waitExposed(toast)
    chooser = toast.chooser
    assert chooser is not None and chooser.filter_edit is not None
    edit = chooser.filter_edit
    assert edit.placeholderText() == "Filter 7 people"
    height = toast.height()

    edit.setText("fos")
    assert [c.person_name for c in chooser.visible_candidates()] == ["Dag Fosse"]
    edit.setText("main")
    assert [c.person_id for c in chooser.visible_candidates()] == [0]
    edit.setText("nobody here")
    assert chooser.visible_candidates() == []
    assert chooser.no_match.isVisibleTo(toast)
    # Filtering never resizes the card under the pointer.
    assert toast.height() == height

    edit.setText("eva")
    with qtbot.waitSignal(toast.open_requested) as blocker:
        chooser.choose_first()
    assert blocker.args == [crowd[4]]


def test_a_short_chooser_has_no_filter(
    make_toast: Callable[..., CallToast], incoming: IncomingNumber, crowd: list[Candidate]
):
    toast = make_toast(incoming, crowd[:2])
    assert toast.chooser is not None and toast.chooser.filter_edit is None


def test_the_filter_takes_the_keyboard_only_when_clicked(
    qtbot: QtBot,
    make_toast: Callable[..., CallToast],
    incoming: IncomingNumber,
    crowd: list[Candidate],
):
    toast = make_toast(incoming, crowd)
    toast.show()
    qtbot.waitExposed(toast)
    assert toast.chooser is not None and toast.chooser.filter_edit is not None
    edit = toast.chooser.filter_edit
    assert edit.focusPolicy() == Qt.FocusPolicy.NoFocus
    handle = toast.windowHandle()
    assert handle.flags() & Qt.WindowType.WindowDoesNotAcceptFocus

    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    assert not handle.flags() & Qt.WindowType.WindowDoesNotAcceptFocus
    qtbot.keyClicks(edit, "cec")
    assert [c.person_name for c in toast.chooser.visible_candidates()] == ["Cecilie Eng"]
    with qtbot.waitSignal(toast.open_requested) as blocker:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert blocker.args == [crowd[2]]

    # Escape clears, then gives the keyboard back; the toast stops accepting focus again.
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == ""
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not edit.hasFocus(), timeout=2000)
    assert handle.flags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert edit.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_close_all_is_offered_only_when_asked(
    qtbot: QtBot,
    make_toast: Callable[..., CallToast],
    incoming: IncomingNumber,
    candidate: Candidate,
):
    toast = make_toast(incoming, [candidate])
    height = toast.sizeHint().height()
    assert not toast.close_all_button.isVisibleTo(toast)
    toast.set_close_all(True)
    assert toast.close_all_button.isVisibleTo(toast)
    assert toast.close_all_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    # Its room was kept: the card does not grow when the button appears.
    assert toast.sizeHint().height() == height
    with qtbot.waitSignal(toast.close_all_requested):
        toast.close_all_button.click()


def test_without_a_compositor_the_card_is_shaped_by_a_mask(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    incoming: IncomingNumber,
    candidate: Candidate,
):
    # A bare X server paints see-through corners black; a mask cuts them off instead.
    monkeypatch.setattr(toast_card, "translucency_works", lambda: False)
    toast = CallToast(incoming, [candidate], CallState.RINGING)
    qtbot.addWidget(toast)
    toast.show()
    qtbot.waitExposed(toast)

    assert not toast.testAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
    mask = toast.mask()
    assert not mask.isEmpty()
    assert not mask.contains(QPoint(0, 0))
    assert mask.contains(QPoint(toast.width() // 2, toast.height() // 2))
