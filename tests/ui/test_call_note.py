"""The note field and the call log's state, in the toast and in the contact window; Call logs…;
the call logging rows of Settings. Widgets alone, with fakes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from screenpop.config.settings import Settings
from screenpop.core.call_log import NOTE_MAX_CHARS, LogCalls
from screenpop.core.calls import CallState, Direction
from screenpop.core.matching import Candidate
from screenpop.core.phone import IncomingNumber
from screenpop.store.outbox import LogRow, LogState
from screenpop.ui.call_note import CallNote, CallNoteEditor, NoteStatus
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.outbox_dialog import OutboxDialog
from screenpop.ui.settings_dialog import SettingsDialog
from screenpop.ui.toast import CallToast
from screenpop.ui.tray import TrayIcon


def _toast_with_note(qtbot: QtBot, incoming: IncomingNumber, candidate: Candidate) -> CallToast:
    toast = CallToast(incoming, [candidate], CallState.RINGING)
    qtbot.addWidget(toast)
    toast.add_note(CallNoteEditor(CallNote("Ola Nordmann"), compact=True))
    return toast


def test_the_toasts_note_opens_on_asking_and_takes_no_keyboard_before(
    qtbot: QtBot, incoming: IncomingNumber, candidate: Candidate
) -> None:
    toast = _toast_with_note(qtbot, incoming, candidate)
    panel = toast.note_panel
    assert panel is not None and not panel.is_open() and panel.open_button.isVisibleTo(toast)
    takers = [w for w in toast.findChildren(QWidget)
              if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(toast)]  # fmt: skip
    assert takers == []
    height = toast.sizeHint().height()
    opened: list[Candidate] = []
    toast.open_requested.connect(opened.append)
    toast.show()
    qtbot.waitExposed(toast)
    with qtbot.waitSignal(toast.size_changed):
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert panel.is_open() and toast.sizeHint().height() > height
    assert opened == []  # a click on the note is not a click on the card
    assert toast._typing  # the toast took the keyboard because the agent asked


def test_a_note_typed_in_one_editor_shows_in_the_other(qtbot: QtBot) -> None:
    note = CallNote("Ola Nordmann")
    toast_side = CallNoteEditor(note, compact=True)
    window_side = CallNoteEditor(note)
    for editor in (toast_side, window_side):
        qtbot.addWidget(editor)
    window_side.edit.setPlainText("Call back about <b>invoice</b> 4711")
    assert note.text == "Call back about <b>invoice</b> 4711"
    assert toast_side.edit.toPlainText() == note.text and toast_side.is_open()
    assert window_side.edit.focusPolicy() == Qt.FocusPolicy.StrongFocus  # keyboard users


def test_the_note_says_where_its_log_is(qtbot: QtBot) -> None:
    note = CallNote("Ola Nordmann")
    editor = CallNoteEditor(note)
    qtbot.addWidget(editor)
    assert editor.log_button.isHidden() and editor.retry_button.isHidden()
    note.set_status(NoteStatus.OFFERED)
    assert not editor.log_button.isHidden() and editor.status_text() == "Not logged yet."
    with qtbot.waitSignal(note.log_requested):
        editor.log_button.click()
    note.set_status(NoteStatus.WAITING, "Cannot reach SuperOffice at crm.example.")
    assert editor.status_text() == (
        "Waiting to be logged in SuperOffice… (Cannot reach SuperOffice at crm.example.)"
    )
    note.set_status(NoteStatus.REFUSED, "SuperOffice answered 400: <b>No rights</b>")
    assert (
        editor.status_text()
        == "SuperOffice did not take it: SuperOffice answered 400: <b>No rights</b>"
    )
    assert editor.status_label.textFormat() == Qt.TextFormat.PlainText
    assert not editor.retry_button.isHidden()
    note.set_status(NoteStatus.DISCARDED)
    assert editor.edit.isReadOnly()


def test_typing_stops_at_the_limit_and_says_why(qtbot: QtBot) -> None:
    editor = CallNoteEditor(CallNote())
    qtbot.addWidget(editor)
    editor.edit.setPlainText("x" * (NOTE_MAX_CHARS - 1))
    assert editor.count_label.text() == f"{NOTE_MAX_CHARS - 1:,} / {NOTE_MAX_CHARS:,}"
    editor.edit.setFocus()
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.edit, "abc")
    assert len(editor.edit.toPlainText()) == NOTE_MAX_CHARS
    assert "the rest was left out" in editor.count_label.text()
    rich = QMimeData()
    rich.setHtml("<b>bold</b>")
    rich.setText("<b>bold</b>")
    editor.edit.setPlainText("")
    editor.edit.insertFromMimeData(rich)
    assert editor.edit.toPlainText() == "<b>bold</b>"  # pasted as its text


def test_the_contact_window_shows_the_call_panel(window: ContactWindow) -> None:
    assert window.call_box.isHidden()
    note = CallNote("Ola Nordmann")
    window.set_call_panel(CallNoteEditor(note), "Note on the call with Ola & Kari")
    assert (
        not window.call_box.isHidden()
        and window.call_box.title() == "Note on the call with Ola && Kari"
    )
    window.set_call_panel(None)
    assert window.call_box.isHidden() and window.call_panel is None


def _row(log: str, state: LogState, **changes: object) -> LogRow:
    row = LogRow(
        log_id=log, call_key=log, call_id=log, state=state, direction=Direction.INCOMING,
        number="+47 22 33 44 55", person_id=1, contact_id=1, who="Ola Nordmann (Acme AS)",
        started_at=1_777_000_000.0, answered_at=1_777_000_005.0, ended_at=1_777_000_100.0,
        headline="Incoming call", note="", task="",
    )  # fmt: skip
    return replace(row, **changes)  # type: ignore[arg-type]


def test_call_logs_lists_what_waits_and_acts_on_it(qtbot: QtBot) -> None:
    dialog = OutboxDialog()
    qtbot.addWidget(dialog)
    assert not dialog.empty_label.isHidden()
    dialog.show_rows(
        [
            _row("a", LogState.REFUSED, error="SuperOffice answered 400: <i>No</i>"),
            _row("b", LogState.WAITING, error="Cannot reach SuperOffice at crm.example."),
            _row("c", LogState.OFFERED),
        ],
        "Cannot reach SuperOffice at crm.example.",
    )
    texts = [dialog.tree.topLevelItem(i).text(3) for i in range(3)]  # type: ignore[union-attr]
    assert texts == ["Refused: SuperOffice answered 400: <i>No</i>",
                     "Waiting to be sent (Cannot reach SuperOffice at crm.example.)",
                     "Not logged yet"]  # fmt: skip
    assert dialog.current_log_id() == "a" and dialog.log_button.text() == "Retry"
    logged: list[str] = []
    discarded: list[str] = []
    dialog.log_requested.connect(logged.append)
    dialog.discard_requested.connect(discarded.append)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))
    assert not dialog.log_button.isEnabled() and dialog.discard_button.isEnabled()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(2))
    assert dialog.log_button.text() == "Log"
    dialog.log_button.click()
    assert logged == ["a", "c"] and discarded == ["b"]


def test_the_tray_says_how_many_wait(qtbot: QtBot) -> None:
    tray = TrayIcon()
    assert not tray.call_logs_action.isVisible()
    tray.set_call_logs("Call logs waiting: 2 · refused: 1")
    assert tray.call_logs_action.isVisible()
    assert tray.call_logs_action.text() == "Call logs waiting: 2 · refused: 1…"
    assert "Call logs waiting: 2" in tray.tray.toolTip()
    with qtbot.waitSignal(tray.call_logs_requested):
        tray.call_logs_action.trigger()
    tray.set_call_logs("")
    assert not tray.call_logs_action.isVisible()


def _settings_dialog(qtbot: QtBot, settings: Settings) -> SettingsDialog:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    return dialog


def test_settings_log_calls_and_the_tenants_tasks(qtbot: QtBot) -> None:
    dialog = _settings_dialog(qtbot, Settings(log_calls=LogCalls.ANSWERED, log_task="To-do"))
    assert dialog.log_task.currentText() == "To-do"  # kept while the list is not known
    requested: list[bool] = []
    dialog.tasks_requested.connect(lambda: requested.append(True))
    dialog.load_tasks()
    assert requested and dialog.tasks_state.text() == "Loading SuperOffice's task list…"
    dialog.set_task_names(["Meeting", "Phone call (incoming)", "To-do"])
    names = [dialog.log_task.itemText(i) for i in range(dialog.log_task.count())]
    assert names == ["Phone call (SuperOffice's own)", "Meeting", "Phone call (incoming)", "To-do"]
    assert dialog.log_task.currentText() == "To-do" and dialog.tasks_state.isHidden()
    dialog.log_calls.setCurrentIndex(dialog.log_calls.findData("all"))
    dialog.log_task.setCurrentIndex(2)
    chosen = dialog.chosen()
    assert (chosen.log_calls, chosen.log_task) == (LogCalls.ALL, "Phone call (incoming)")
    dialog.log_calls.setCurrentIndex(dialog.log_calls.findData("off"))
    assert not dialog.log_task.isEnabled()


def test_a_task_list_that_fails_to_load_keeps_the_choice(qtbot: QtBot) -> None:
    dialog = _settings_dialog(qtbot, Settings(log_task="To-do"))
    dialog.set_task_error("Cannot reach SuperOffice at crm.example.")
    assert not dialog.tasks_retry.isHidden()
    assert dialog.tasks_state.text() == (
        "SuperOffice's task list could not be loaded: Cannot reach SuperOffice at crm.example."
    )
    assert dialog.chosen().log_task == "To-do"
    requested: list[bool] = []
    dialog.tasks_requested.connect(lambda: requested.append(True))
    dialog.tasks_retry.click()
    assert requested and dialog.tasks_retry.isHidden()


def test_a_focused_note_gives_the_keyboard_back_on_escape(qtbot: QtBot) -> None:
    editor = CallNoteEditor(CallNote())
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.edit.setFocus()
    qtbot.waitUntil(editor.edit.hasFocus)
    with qtbot.waitSignal(editor.typing_finished):
        qtbot.keyClick(editor.edit, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is not editor.edit
