"""Call logs…: the calls on their way to SuperOffice, those it refused, and those not logged yet.

One row a call: when, who, the number, and where its log stands in words (a refusal in the
tenant's own words, as plain text). Log (an offered call, or a refused one once more) and
Discard act on the chosen row; Enter logs, Delete discards. The app owns the outbox: it fills
the dialog (:meth:`OutboxDialog.show_rows`) and hears ``log_requested``/``discard_requested``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from screenpop.store.outbox import LogRow, LogState
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg
from screenpop.ui.icons import app_icon
from screenpop.ui.text import one_line, plain_tooltip, title_safe, when_text
from screenpop.ui.widgets import plain_label

LOG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_TEXT = {
    LogState.WAITING: QT_TRANSLATE_NOOP("OutboxDialog", "Waiting to be sent"),
    LogState.OFFERED: QT_TRANSLATE_NOOP("OutboxDialog", "Not logged yet"),
    LogState.REFUSED: QT_TRANSLATE_NOOP("OutboxDialog", "Refused: %1"),
    LogState.SENT: QT_TRANSLATE_NOOP("OutboxDialog", "Sent; a newer note is on its way"),
}
_LOGGABLE = (LogState.OFFERED, LogState.REFUSED)
_DISCARDABLE = (LogState.OFFERED, LogState.REFUSED, LogState.WAITING)


class OutboxDialog(QDialog):
    log_requested = Signal(str)
    discard_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title_safe(self.tr("Call logs — Screenpop")))
        self.setWindowIcon(app_icon())
        self.resize(680, 360)
        self._rows: dict[str, LogRow] = {}
        self.summary_label = plain_label(wrap=True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Number"), self.tr("Log")]
        )
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.installEventFilter(self)
        self.empty_label = plain_label(self.tr("No call logs are waiting."), secondary=True)
        self.log_button = QPushButton(self.tr("Log"))
        self.log_button.clicked.connect(self._log_current)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Do not log this call in SuperOffice"))
        self.discard_button.clicked.connect(self._discard_current)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.show_rows([], "")

    def show_rows(self, rows: Sequence[LogRow], summary: str) -> None:
        """The calls to show, newest first, and one line on how sending goes."""
        current = self.current_log_id()
        self._rows = {row.log_id: row for row in rows}
        self.tree.clear()
        for row in rows:
            item = QTreeWidgetItem(
                [
                    when_text(datetime.fromtimestamp(row.started_at, UTC)),
                    one_line(row.who),
                    row.number,
                    self._state_text(row),
                ]
            )
            item.setToolTip(3, plain_tooltip(self._state_text(row)))
            item.setData(0, LOG_ID_ROLE, row.log_id)
            self.tree.addTopLevelItem(item)
            if row.log_id == current:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.summary_label.setText(summary)
        self.summary_label.setVisible(bool(summary))
        self.tree.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self._update_buttons()

    def _state_text(self, row: LogRow) -> str:
        state = LogState.SENT if row.note_behind else row.state
        text = self.tr(STATE_TEXT.get(state, STATE_TEXT[LogState.WAITING]))
        if state is LogState.REFUSED:
            text = arg(text, row.error)
        elif state is LogState.WAITING and row.error:
            text = f"{text} ({row.error})"
        return one_line(text)

    def current_log_id(self) -> str:
        item = self.tree.currentItem()
        value = item.data(0, LOG_ID_ROLE) if item is not None else None
        return value if isinstance(value, str) else ""

    def _current(self) -> LogRow | None:
        return self._rows.get(self.current_log_id())

    def _update_buttons(self) -> None:
        row = self._current()
        self.log_button.setEnabled(row is not None and row.state in _LOGGABLE)
        refused = row is not None and row.state is LogState.REFUSED
        self.log_button.setText(self.tr("Retry") if refused else self.tr("Log"))
        self.discard_button.setEnabled(row is not None and row.state in _DISCARDABLE)

    def _log_current(self) -> None:
        row = self._current()
        if row is not None and row.state in _LOGGABLE:
            self.log_requested.emit(row.log_id)

    def _discard_current(self) -> None:
        row = self._current()
        if row is not None and row.state in _DISCARDABLE:
            self.discard_requested.emit(row.log_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tree
            and isinstance(event, QKeyEvent)
            and (event.type() == QEvent.Type.KeyPress)
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._log_current()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self._discard_current()
                return True
        return super().eventFilter(watched, event)
