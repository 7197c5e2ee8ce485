"""Find contact…: search the local caller-ID cache by name or number as you type; Enter opens
the chosen contact, Ctrl+Enter (or Call, or its context menu) calls its number."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.matching import Candidate
from screenpop.core.phone import format_e164
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg
from screenpop.ui.icons import app_icon
from screenpop.ui.text import candidate_line, plain_tooltip, title_safe
from screenpop.ui.widgets import make_secondary, plain_label, scaled_font

log = logging.getLogger(__name__)

DEBOUNCE_MS = 80
MAX_RESULTS = 200
CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 1
PROMPT = QT_TRANSLATE_NOOP("FindDialog", "Type a name or number")
NO_MATCHES = QT_TRANSLATE_NOOP("FindDialog", "No matches")
SEARCH_FAILED = QT_TRANSLATE_NOOP("FindDialog", "Search is not available right now")
_LIST_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)


class FindDialog(QDialog):
    open_requested = Signal(object)
    dial_requested = Signal(str)
    """Call the chosen result's number (the Call button, its context menu, Ctrl+Enter)."""

    def __init__(
        self, search: Callable[[str], list[Candidate]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._results: list[Candidate] = []
        self.setWindowTitle(title_safe(self.tr("Find contact — Screenpop")))
        self.setWindowIcon(app_icon())
        self.resize(520, 380)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name, company or phone number"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setFont(scaled_font(self, 1.15))
        self.search_edit.textChanged.connect(self._schedule)
        self.search_edit.installEventFilter(self)

        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        self._row_height = self.fontMetrics().height() + 12
        self.results.setAlternatingRowColors(True)
        # Double-click and Enter rather than itemActivated, whose trigger varies by platform.
        self.results.itemDoubleClicked.connect(self._open_item)
        self.results.installEventFilter(self)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results.customContextMenuRequested.connect(self._context_menu)
        self.results.currentRowChanged.connect(lambda _row: self._show_dial())
        self.dial_button = QPushButton()
        self.dial_button.setToolTip(self.tr("Call the chosen number (Ctrl+Enter)"))
        self.dial_button.clicked.connect(self.dial_current)

        self.message = plain_label(self.tr(PROMPT), wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setFont(scaled_font(self, 1.1))
        make_secondary(self.message)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.results)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.stack, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.dial_button)
        layout.addLayout(row)
        self._show_dial()
        self.search_edit.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        # A search typed just before closing is not wanted any more (and the cache may be
        # closing with the app).
        self._timer.stop()
        super().hideEvent(event)

    def results_shown(self) -> list[Candidate]:
        return list(self._results)

    def message_text(self) -> str:
        """The empty-state text, or "" while results are shown."""
        return self.message.text() if self.stack.currentWidget() is self.message else ""

    def _schedule(self) -> None:
        self._timer.start()

    def run_search(self) -> None:
        self._timer.stop()
        query = self.search_edit.text().strip()
        if not query:
            self._show([], self.tr(PROMPT))
            return
        try:
            found = self._search(query)
        except Exception:
            # The cache is local; a failure is a bug to log, not a reason to lose the dialog.
            log.exception("contact search failed for a query of %d characters", len(query))
            self._show([], self.tr(SEARCH_FAILED))
            return
        self._show(found[:MAX_RESULTS], self.tr(NO_MATCHES))

    def _show(self, candidates: list[Candidate], empty: str) -> None:
        self._results = candidates
        self.results.clear()
        for index, candidate in enumerate(candidates):
            line = candidate_line(candidate)
            item = QListWidgetItem(line)
            item.setToolTip(plain_tooltip(line))
            item.setSizeHint(QSize(0, self._row_height))
            item.setData(CANDIDATE_ROLE, index)
            self.results.addItem(item)
        self._show_dial()
        if candidates:
            self.stack.setCurrentWidget(self.results)
            self.results.setCurrentRow(0)
        else:
            self.message.setText(empty)
            self.stack.setCurrentWidget(self.message)
        self._show_dial()

    def current_candidate(self) -> Candidate | None:
        item = self.results.currentItem()
        index = item.data(CANDIDATE_ROLE) if item is not None else None
        if self.stack.currentWidget() is not self.results or not isinstance(index, int):
            return None
        return self._results[index] if 0 <= index < len(self._results) else None

    def dial_current(self) -> bool:
        candidate = self.current_candidate()
        if candidate is None or not candidate.number:
            return False
        self.dial_requested.emit(candidate.number)
        return True

    def _show_dial(self) -> None:
        candidate = self.current_candidate()
        number = format_e164(candidate.number) if candidate and candidate.number else ""
        self.dial_button.setText(arg(self.tr("Call %1"), number) if number else self.tr("Call"))
        self.dial_button.setEnabled(bool(number))

    def _context_menu(self, position: QPoint) -> None:
        item = self.results.itemAt(position)
        if item is None:
            return
        self.results.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self._open_item(item))
        menu.addAction(self.dial_button.text(), self.dial_current)
        menu.exec(self.results.viewport().mapToGlobal(position))

    def open_current(self) -> bool:
        if self._timer.isActive():
            # Enter typed faster than the debounce: search for what is in the box now.
            self.run_search()
        item = self.results.currentItem()
        if item is None and self.results.count():
            item = self.results.item(0)
        if item is None:
            return False
        self._open_item(item)
        return True

    def _open_item(self, item: QListWidgetItem) -> None:
        index = item.data(CANDIDATE_ROLE)
        if isinstance(index, int) and 0 <= index < len(self._results):
            self.open_requested.emit(self._results[index])
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Arrow keys and Enter in the search box work on the list, so hands stay on the keys.
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched in (self.search_edit, self.results) and key in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.dial_current()
            else:
                self.open_current()
            return True
        if watched is self.search_edit and key in _LIST_KEYS:
            if self.results.count():
                self.results.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)
