"""The main window: the tray's actions for desktops without a tray."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from screenpop.core.recent import RecentCall
from screenpop.ui.main_window import NO_TRAY_NOTE, MainWindow
from screenpop.ui.tray import TrayState


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize(
    ("button", "signal"),
    [
        ("find_button", "find_requested"),
        ("sync_button", "sync_requested"),
        ("settings_button", "settings_requested"),
        ("about_button", "about_requested"),
        ("quit_button", "quit_requested"),
    ],
)
def test_buttons_emit_the_trays_signals(qtbot: QtBot, window: MainWindow, button: str, signal: str):
    window.set_state(TrayState.SYNCED, "12 caller IDs")
    with qtbot.waitSignal(getattr(window, signal)):
        qtbot.mouseClick(getattr(window, button), Qt.MouseButton.LeftButton)


def test_state_and_do_not_disturb_are_shown(qtbot: QtBot, window: MainWindow):
    synced = datetime.now(UTC) - timedelta(minutes=3)
    window.set_state(TrayState.OFFLINE, "SuperOffice did not answer", synced)

    assert window.status_label.text() == "Offline: cached caller IDs still work"
    assert window.detail_label.text() == "SuperOffice did not answer"
    assert window.sync_button.toolTip().startswith("Sync now — last synced ")
    with qtbot.waitSignal(window.do_not_disturb_toggled) as blocker:
        window.dnd_box.click()
    assert blocker.args == [True]
    assert window.status_label.text().endswith("· Do not disturb")
    with qtbot.assertNotEmitted(window.do_not_disturb_toggled):
        window.set_do_not_disturb(False)
    assert not window.dnd_box.isChecked()


def test_recent_calls_reopen(qtbot: QtBot, window: MainWindow):
    assert window.recent_stack.currentWidget() is window.recent_empty
    now = datetime.now(UTC)
    calls = [
        RecentCall(now, "+47 22 33 44 55", "Ola — Acme", 34, True),
        RecentCall(now - timedelta(days=1), "+47 21 00 00 00", "", None, False),
    ]
    window.set_recent_calls(calls)

    assert window.recent_stack.currentWidget() is window.recent_list
    texts = [window.recent_list.item(i).text() for i in range(window.recent_list.count())]
    assert texts[0].endswith("Ola — Acme · +47 22 33 44 55")
    assert texts[1].startswith("yesterday ") and "Unknown caller" in texts[1]
    with qtbot.waitSignal(window.recent_call_chosen) as blocker:
        window.recent_list.itemActivated.emit(window.recent_list.item(1))
    assert blocker.args == [calls[1]]


def test_closing_hides_and_keeps_the_app(qtbot: QtBot, window: MainWindow):
    window.set_tray_available(False)
    window.bring_forward()
    qtbot.waitExposed(window)
    assert window.note_label.text() == NO_TRAY_NOTE
    assert window.note_label.isVisibleTo(window)

    window.close()

    assert not window.isVisible()
    window.set_tray_available(True)
    window.bring_forward()
    assert window.isVisible()
    assert not window.note_label.isVisibleTo(window)
