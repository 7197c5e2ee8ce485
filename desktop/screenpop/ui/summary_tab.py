"""One tab of the contact window: a sortable, filterable table, or a message in its place.

While loading a skeleton stands in for the rows; the message page stands in for an empty grid:
"No tickets", "No tickets match …". A list cut at the summary's limit offers "Show more".
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import ClassVar

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from screenpop.core.models import Activity, Chat, Sale, Ticket
from screenpop.ui.i18n import arg
from screenpop.ui.skeleton import Skeleton
from screenpop.ui.summary_tables import SORT_ROLE, SummaryTableModel
from screenpop.ui.widgets import make_secondary, plain_label, scaled_font


class _Page(IntEnum):
    TABLE = 0
    MESSAGE = 1
    LOADING = 2


class _MeasuredDelegate(QStyledItemDelegate):
    """Cells sized as the style sizes them, measured once per text: a column sized to its
    contents asks every row when a list is filled, and each asking reads half a dozen roles
    through the model (about 2 ms for a list of 25 on the UI thread, as the summary arrives).
    Dates, statuses and amounts repeat, so most askings are a look-up."""

    _sizes: ClassVar[dict[tuple[object, ...], QSize]] = {}
    _MAX_SIZES = 4096

    def __init__(self, iconed: frozenset[int], parent: QWidget | None = None) -> None:
        """``iconed``: the columns whose cells show an icon beside their text."""
        super().__init__(parent)
        self._iconed = iconed

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str):
            return super().sizeHint(option, index)
        # Besides the text, whether it has an icon (a status has, when it has a word), and the
        # font and icon size decide it.
        iconed = bool(text) and index.column() in self._iconed
        key = (text, iconed, option.font.key(), option.decorationSize.toTuple())
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= self._MAX_SIZES:
                self._sizes.clear()
            size = self._sizes[key] = super().sizeHint(option, index)
        return QSize(size)


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
    more_requested = Signal()

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
        iconed = frozenset(i for i, column in enumerate(self.spec.columns) if column.status)
        self.view.setItemDelegate(_MeasuredDelegate(iconed, self.view))
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

        self.skeleton = Skeleton(rows=8, columns=len(self.spec.columns))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.skeleton)

        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.setToolTip(self.spec.text(self.spec.more_tip))
        self.more_button.clicked.connect(self.more_requested)
        self.more_button.hide()
        self.footer = plain_label(secondary=True, selectable=True)
        self.footer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.footer.hide()
        self.bottom = QWidget()
        bottom = QHBoxLayout(self.bottom)
        bottom.setContentsMargins(8, 6, 8, 2)
        bottom.addWidget(self.more_button)
        bottom.addStretch(1)
        bottom.addWidget(self.footer)
        self.bottom.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.bottom)
        self.proxy.rowsInserted.connect(self._update_page)
        self.proxy.rowsRemoved.connect(self._update_page)
        self.proxy.modelReset.connect(self._update_page)
        self.proxy.layoutChanged.connect(self._update_page)
        self.show_loading()

    # -- states ------------------------------------------------------------------------------
    def show_loading(self) -> None:
        self._loaded = False
        self._more = False
        if self.model.rowCount():
            # An empty list is not emptied again: a reset has its header size the columns anew.
            self.model.set_rows([])
        self.stack.setCurrentIndex(_Page.LOADING)
        self._update_bottom()

    def show_unavailable(self) -> None:
        self._loaded = False
        self._more = False
        self.model.set_rows([])
        self._show_message(self.spec.text(self.spec.failed))
        self._update_bottom()

    def is_showing_skeleton(self) -> bool:
        return self.stack.currentIndex() == _Page.LOADING

    def message_text(self) -> str:
        """The message in place of the table, or "" while the table (or skeleton) shows."""
        return self.message.text() if self.stack.currentIndex() == _Page.MESSAGE else ""

    def show_rows(
        self, rows: Sequence[Ticket | Activity | Sale | Chat], *, more: bool = False
    ) -> None:
        """``more``: the list was cut at the summary's limit, so the count is a lower bound."""
        self._loaded = True
        self._more = more
        self.model.set_rows(rows)  # its reset shows the table or the message (_update_page)
        self._update_bottom()

    def set_footer(self, text: str) -> None:
        self.footer.setText(text)
        self.footer.setVisible(bool(text))
        self._update_bottom()

    def set_fetching_more(self, fetching: bool) -> None:
        """While a bigger list is on its way the button says so and cannot be pressed twice."""
        self.more_button.setEnabled(not fetching)
        self.more_button.setText(self.tr("Loading more…") if fetching else self.tr("Show more"))

    def has_more(self) -> bool:
        return self._more

    def _update_bottom(self) -> None:
        more = self._loaded and self._more
        self.more_button.setVisible(more)
        self.more_button.setEnabled(True)
        self.more_button.setText(self.tr("Show more"))
        self.bottom.setVisible(more or bool(self.footer.text()))

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
        title = self.spec.text(self.spec.title)
        if not self._loaded:
            return title
        total = f"{self.total()}+" if self._more else str(self.total())
        if self._filter and self.shown() != self.total():
            return arg(self.tr("%1 (%2 of %3)"), title, self.shown(), total)
        return f"{title} ({total})"

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
            self._show_message(self.spec.text(self.spec.empty))
        elif self.shown() == 0:
            self._show_message(arg(self.spec.text(self.spec.no_match), self._filter))
        else:
            self.stack.setCurrentIndex(_Page.TABLE)

    def focus_table(self) -> None:
        """Focus the rows with the first one selected, so Enter opens what is highlighted."""
        if self.stack.currentIndex() != _Page.TABLE:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.view.selectionModel().hasSelection() and self.shown():
            self.view.selectRow(0)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
