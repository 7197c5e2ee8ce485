"""One tab of the contact window: a sortable, filterable table, or a message in its place.

The message page stands in for an empty grid: "Loading…", "No tickets", "No tickets match …".
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.models import Activity, Chat, Sale, Ticket
from screenpop.ui.summary_tables import SORT_ROLE, SummaryTableModel
from screenpop.ui.widgets import make_secondary, plain_label, scaled_font


class _Page(IntEnum):
    TABLE = 0
    MESSAGE = 1


class RowTableView(QTableView):
    """A table that reports Enter and double-click on a row the same way on every platform.

    QAbstractItemView's own ``activated`` depends on the style (single-click activation) and
    on macOS is not emitted for Return at all.
    """

    row_activated = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_activated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index.isValid():
            self.row_activated.emit(index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


class SummaryTab(QWidget):
    """A summary list with its empty, loading and filtered states."""

    link_activated = Signal(str)

    def __init__(self, model: SummaryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.spec = model.spec
        self._loaded = False
        self._more = False
        self._filter = ""

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortLocaleAware(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.view = RowTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(self.spec.sort_column, Qt.SortOrder.DescendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setFrameShape(QTableView.Shape.NoFrame)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.view.setTabKeyNavigation(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        for column_index, column in enumerate(self.spec.columns):
            header.setSectionResizeMode(
                column_index,
                QHeaderView.ResizeMode.Stretch
                if column.stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.view.row_activated.connect(self._activate)

        self.message = plain_label(wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setFont(scaled_font(self, 1.15))
        make_secondary(self.message)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)

        self.footer = plain_label(secondary=True, selectable=True)
        self.footer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.footer.setContentsMargins(8, 4, 8, 4)
        self.footer.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)
        self.proxy.rowsInserted.connect(self._update_page)
        self.proxy.rowsRemoved.connect(self._update_page)
        self.proxy.modelReset.connect(self._update_page)
        self.proxy.layoutChanged.connect(self._update_page)
        self.show_loading()

    # -- states ------------------------------------------------------------------------------
    def show_loading(self) -> None:
        self._loaded = False
        self._more = False
        self.model.set_rows([])
        self._show_message("Loading…")

    def show_unavailable(self) -> None:
        self._loaded = False
        self.model.set_rows([])
        self._show_message("Not available")

    def show_rows(
        self, rows: Sequence[Ticket | Activity | Sale | Chat], *, more: bool = False
    ) -> None:
        """``more``: the list was cut at the summary's limit, so the count is a lower bound."""
        self._loaded = True
        self._more = more
        self.model.set_rows(rows)
        self._update_page()

    def set_footer(self, text: str) -> None:
        self.footer.setText(text)
        self.footer.setVisible(bool(text))

    def set_filter(self, text: str) -> None:
        self._filter = text.strip()
        self.proxy.setFilterFixedString(self._filter)
        self._update_page()

    # -- counts ------------------------------------------------------------------------------
    def is_loaded(self) -> bool:
        return self._loaded

    def total(self) -> int:
        return self.model.rowCount()

    def shown(self) -> int:
        return self.proxy.rowCount()

    def label(self) -> str:
        """The tab's label: "Tickets (3)", or "Tickets (1 of 3)" while filtering."""
        if not self._loaded:
            return self.spec.title
        total = f"{self.total()}+" if self._more else str(self.total())
        if self._filter and self.shown() != self.total():
            return f"{self.spec.title} ({self.shown()} of {total})"
        return f"{self.spec.title} ({total})"

    # -- rows --------------------------------------------------------------------------------
    def activate_current(self) -> bool:
        """Open the selected row, or the first one; False when there is nothing to open."""
        if self.stack.currentIndex() != _Page.TABLE or self.shown() == 0:
            return False
        index = self.view.currentIndex()
        if not index.isValid():
            index = self.proxy.index(0, 0)
        return self._activate(index)

    def _activate(self, index: QModelIndex) -> bool:
        source = self.proxy.mapToSource(index)
        link = self.model.link(source.row()) if source.isValid() else None
        if link:
            self.link_activated.emit(link)
            return True
        return False

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentIndex(_Page.MESSAGE)

    def _update_page(self) -> None:
        if not self._loaded:
            return
        if self.total() == 0:
            self._show_message(self.spec.empty)
        elif self.shown() == 0:
            self._show_message(f"{self.spec.empty} match “{self._filter}”")
        else:
            self.stack.setCurrentIndex(_Page.TABLE)

    def focus_table(self) -> None:
        target: QWidget = self.view if self.stack.currentIndex() == _Page.TABLE else self
        target.setFocus(Qt.FocusReason.OtherFocusReason)
