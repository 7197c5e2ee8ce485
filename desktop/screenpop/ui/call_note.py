"""The note an agent types during and after a call, and how its log stands.

:class:`CallNote` is one call's note and log state; the toast and the contact window each show
it through a :class:`CallNoteEditor`, so typing in one shows in the other. The editor never
takes the keyboard by itself (agents type elsewhere while the phone rings): it asks for it
when clicked (``typing_requested``), as the toast's chooser does. A note is text: pasted
HTML stays its source, and one longer than SuperOffice keeps is cut with a visible word, never
silently.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from screenpop.core.call_log import NOTE_MAX_CHARS
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg
from screenpop.ui.widgets import plain_label

# The counter shows from this share of the limit on.
_COUNT_FROM = 0.8
STATUS_TEXT = {
    "live": QT_TRANSLATE_NOOP("CallNoteEditor", "The note goes into SuperOffice with the call."),
    "offered": QT_TRANSLATE_NOOP("CallNoteEditor", "Not logged yet."),
    "waiting": QT_TRANSLATE_NOOP("CallNoteEditor", "Waiting to be logged in SuperOffice…"),
    "logged": QT_TRANSLATE_NOOP("CallNoteEditor", "Logged in SuperOffice."),
    "refused": QT_TRANSLATE_NOOP("CallNoteEditor", "SuperOffice did not take it: %1"),
    "discarded": QT_TRANSLATE_NOOP("CallNoteEditor", "Not logged."),
}


class NoteStatus(StrEnum):
    LIVE = "live"  # the call is on
    OFFERED = "offered"  # ended; "Log call" logs it
    WAITING = "waiting"  # queued (offline, or about to go)
    LOGGED = "logged"
    REFUSED = "refused"  # the tenant refused it: Retry
    DISCARDED = "discarded"


class CallNote(QObject):
    """One call's note and where its log is; shared by every editor that shows the call."""

    text_changed = Signal(str)
    status_changed = Signal()
    log_requested = Signal()
    """The agent pressed "Log call" (or Retry)."""

    def __init__(self, who: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.who = who
        self.text = ""
        self.status = NoteStatus.LIVE
        self.detail = ""

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.text_changed.emit(text)

    def set_status(self, status: NoteStatus, detail: str = "") -> None:
        if (status, detail) != (self.status, self.detail):
            self.status, self.detail = status, detail
            self.status_changed.emit()

    @property
    def editable(self) -> bool:
        return self.status is not NoteStatus.DISCARDED


class NoteEdit(QPlainTextEdit):
    """Plain text only, at most :data:`NOTE_MAX_CHARS`; asks for the keyboard when clicked
    (``typing_requested``) and says when it is done (``typing_finished``)."""

    typing_requested = Signal()
    typing_finished = Signal()
    cut_short = Signal(int)
    """Text beyond the limit was left out (how many characters)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.hasFocus():
            self.typing_requested.emit()
        super().mousePressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.typing_finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clearFocus()
            return
        room = NOTE_MAX_CHARS - len(self.toPlainText()) + len(self.textCursor().selectedText())
        if event.text() and event.text().isprintable() and room <= 0:
            self.cut_short.emit(len(event.text()))
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Pasted rich text is inserted as its plain text; more than fits is cut, and said.
        text = source.text()
        room = max(
            0, NOTE_MAX_CHARS - len(self.toPlainText()) + len(self.textCursor().selectedText())
        )
        self.insertPlainText(text[:room])
        if len(text) > room:  # after the insert, whose change clears an earlier word
            self.cut_short.emit(len(text) - room)


class CallNoteEditor(QWidget):
    """The note field of one call, its log's state in words, and "Log call" / Retry.

    ``compact`` (the toast): the field opens on "Add a note" (or when the note has text), so
    a toast nobody writes in stays small.
    """

    typing_requested = Signal()
    typing_finished = Signal()
    resized = Signal()
    """The field opened: the toast grows."""

    def __init__(
        self,
        note: CallNote,
        parent: QWidget | None = None,
        *,
        rows: int = 3,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self.note = note
        self.edit = NoteEdit()
        if not compact:
            self.edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.edit.setPlaceholderText(self.tr("Note for SuperOffice…"))
        line = self.edit.fontMetrics().lineSpacing()
        self.edit.setFixedHeight(line * rows + 2 * self.edit.frameWidth() + 8)
        self.edit.setPlainText(note.text)
        self.edit.typing_requested.connect(self.typing_requested)
        self.edit.typing_finished.connect(self.typing_finished)
        self.edit.textChanged.connect(self._typed)
        self.edit.cut_short.connect(self._cut_short)
        self.status_label = plain_label(secondary=True, wrap=True)
        self.count_label = plain_label(secondary=True)
        self.log_button = QPushButton(self.tr("Log call"))
        self.log_button.setToolTip(self.tr("Log this call in SuperOffice, with the note"))
        self.log_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.log_button.clicked.connect(note.log_requested)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.retry_button.clicked.connect(note.log_requested)
        self.open_button = QPushButton(self.tr("Add a note"))
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button.setFlat(True)
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.clicked.connect(self.open_note)
        if compact:
            for button in (self.log_button, self.retry_button):
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.count_label)
        row.addWidget(self.open_button)
        row.addWidget(self.retry_button)
        row.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addLayout(row)
        self._cut = 0
        self._compact = compact
        opened = not compact or bool(note.text)
        self.edit.setVisible(opened)
        self.open_button.setVisible(not opened)
        note.text_changed.connect(self._note_changed)
        note.status_changed.connect(self._show_status)
        self._show_status()
        self._show_count()

    def open_note(self) -> None:
        """Open the field (compact) and take the keyboard for it."""
        if not self.edit.isVisible():
            self.edit.show()
            self.open_button.hide()
            self.resized.emit()
        self.typing_requested.emit()
        self.edit.setFocus(Qt.FocusReason.MouseFocusReason)

    def is_open(self) -> bool:
        return not self.edit.isHidden()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # a click beside the field is not a click on the toast's card

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    # -- the note -----------------------------------------------------------------------------
    def _typed(self) -> None:
        self._cut = 0
        self.note.set_text(self.edit.toPlainText())
        self._show_count()

    def _note_changed(self, text: str) -> None:
        if text != self.edit.toPlainText():  # typed in the other editor of this call
            blocked = self.edit.blockSignals(True)
            self.edit.setPlainText(text)
            self.edit.blockSignals(blocked)
            self._show_count()
            if text and not self.is_open():
                self.edit.show()
                self.open_button.hide()
                self.resized.emit()

    def _cut_short(self, count: int) -> None:
        self._cut = count
        self._show_count()

    def _show_count(self) -> None:
        length = len(self.edit.toPlainText())
        if self._cut:
            text = arg(self.tr("Notes keep %1 characters; the rest was left out."),
                       f"{NOTE_MAX_CHARS:,}")  # fmt: skip
        elif length >= NOTE_MAX_CHARS * _COUNT_FROM:
            text = f"{length:,} / {NOTE_MAX_CHARS:,}"
        else:
            text = ""
        self.count_label.setText(text)
        self.count_label.setVisible(bool(text))

    def _show_status(self) -> None:
        status = self.note.status
        known = STATUS_TEXT[status.value]
        text = self.tr(known)
        if status is NoteStatus.REFUSED:
            text = arg(text, self.note.detail)
        elif status is NoteStatus.WAITING and self.note.detail:
            text = f"{text} ({self.note.detail})"
        self.status_label.setText(text)
        self.log_button.setVisible(status is NoteStatus.OFFERED)
        self.retry_button.setVisible(status is NoteStatus.REFUSED)
        self.edit.setReadOnly(not self.note.editable)
        self.open_button.setEnabled(self.note.editable)

    # -- for the app and tests ----------------------------------------------------------------
    def status_text(self) -> str:
        return self.status_label.text()
