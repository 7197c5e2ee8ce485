"""Table models for the lists of a contact summary: tickets, follow-ups, documents, sales, chats.

One generic model is configured per list by a :class:`TabSpec`. What a row shows (its title,
status word, date, link, amount) comes from :mod:`screenpop.core.summary_view`, which
`screenpop summary` prints too, so the window and the command line never disagree; this module
only lays it out and translates it. Cells are plain display text (item views never interpret it
as HTML); dates are relative in the cell, exact in the tooltip, and sort by their real moment
through :data:`SORT_ROLE`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from screenpop.core.links import WebClientLinks
from screenpop.core.models import Activity, Chat, Sale, Ticket
from screenpop.core.summary_view import (
    CONTEXT,
    ItemView,
    StatusKind,
    StatusWord,
    ViewContext,
    chat_view,
    document_view,
    followup_view,
    open_sales,
    sale_view,
    ticket_view,
)
from screenpop.core.ticket_status import TicketStatusItem
from screenpop.ui.i18n import QT_TRANSLATE_NOOP, arg, plural
from screenpop.ui.icons import load_icon
from screenpop.ui.text import (
    exact_time,
    moment_key,
    money,
    number,
    one_line,
    percent,
    plain_tooltip,
    relative_time,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Clock = Callable[[], datetime]
AnyIndex = QModelIndex | QPersistentModelIndex
Item = Ticket | Activity | Sale | Chat


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_text(word: StatusWord | None) -> str:
    """A status as shown: a word of ours in the UI's language, the tenant's own as it is."""
    if word is None:
        return ""
    return arg(_tr(word.text), *word.args) if word.ours else word.text


def status_icon_name(word: StatusWord | None) -> str:
    """The icon beside a status (resources/icons/status-*.svg): colour and shape both differ,
    so the state reads without relying on colour alone."""
    return (word.kind if word is not None else StatusKind.OTHER).value


def open_sales_text(sales: Sequence[Sale]) -> str:
    """The sales tab's footer: "2 open sales, total 23,500.00 in base currency"; "" for none."""
    count, total = open_sales(sales)
    if not count:
        return ""
    return _SalesFooter().text(count, number(total))


class _SalesFooter(QObject):
    """A translation context: Qt's lupdate takes plural forms only from ``tr`` in a QObject."""

    def text(self, count: int, total: str) -> str:
        return plural(
            arg(self.tr("%n open sale(s), total %1 in base currency", "", count), total), count
        )


@dataclass(frozen=True, slots=True)
class Row:
    """An item as sent and as shown."""

    item: Any
    view: ItemView


@dataclass(frozen=True, slots=True)
class Column:
    """``text`` for a text or number column, ``moment`` for a date column, ``status`` for the
    status column (its word, translated, with an icon)."""

    header: str
    text: Callable[[Row], str] | None = None
    moment: Callable[[Row], datetime | None] | None = None
    sort: Callable[[Row], float | str] | None = None
    numeric: bool = False
    stretch: bool = False
    status: bool = False


@dataclass(frozen=True, slots=True)
class TabSpec:
    """The texts are English, marked for translation in the context "summary_tables": shown
    through :meth:`text`. Each sentence is whole, as languages build them differently.
    ``view`` makes a row's :class:`ItemView` (core, shared with `screenpop summary`)."""

    key: str
    title: str
    empty: str
    columns: tuple[Column, ...]
    view: Callable[[Any, ViewContext], ItemView]
    sort_column: int
    no_match: str = ""
    """With %1 for the filter text."""
    failed: str = ""
    more_tip: str = ""

    @staticmethod
    def text(marked: str) -> str:
        return _tr(marked)


def _title(header: str) -> Column:
    return Column(header, text=lambda r: r.view.title, stretch=True)


def _date(header: str) -> Column:
    return Column(header, moment=lambda r: r.view.date)


_STATUS = Column(QT_TRANSLATE_NOOP("summary_tables", "Status"), status=True)

TICKETS = TabSpec(
    key="tickets",
    title=QT_TRANSLATE_NOOP("summary_tables", "Tickets"),
    empty=QT_TRANSLATE_NOOP("summary_tables", "No tickets"),
    no_match=QT_TRANSLATE_NOOP("summary_tables", "No tickets match “%1”"),
    failed=QT_TRANSLATE_NOOP("summary_tables", "Could not load the tickets"),
    more_tip=QT_TRANSLATE_NOOP("summary_tables", "Fetch more tickets from SuperOffice"),
    columns=(
        _title(QT_TRANSLATE_NOOP("summary_tables", "Title")),
        _STATUS,
        _date(QT_TRANSLATE_NOOP("summary_tables", "Registered")),
    ),
    view=ticket_view,
    sort_column=2,
)

_ACTIVITY_COLUMNS = (
    _title(QT_TRANSLATE_NOOP("summary_tables", "Description")),
    _date(QT_TRANSLATE_NOOP("summary_tables", "Date")),
    _STATUS,
)

FOLLOWUPS = TabSpec(
    key="followups",
    title=QT_TRANSLATE_NOOP("summary_tables", "Follow-ups"),
    empty=QT_TRANSLATE_NOOP("summary_tables", "No follow-ups"),
    no_match=QT_TRANSLATE_NOOP("summary_tables", "No follow-ups match “%1”"),
    failed=QT_TRANSLATE_NOOP("summary_tables", "Could not load the follow-ups"),
    more_tip=QT_TRANSLATE_NOOP("summary_tables", "Fetch more follow-ups from SuperOffice"),
    columns=_ACTIVITY_COLUMNS,
    view=followup_view,
    sort_column=1,
)

DOCUMENTS = TabSpec(
    key="documents",
    title=QT_TRANSLATE_NOOP("summary_tables", "Documents"),
    empty=QT_TRANSLATE_NOOP("summary_tables", "No documents"),
    no_match=QT_TRANSLATE_NOOP("summary_tables", "No documents match “%1”"),
    failed=QT_TRANSLATE_NOOP("summary_tables", "Could not load the documents"),
    more_tip=QT_TRANSLATE_NOOP("summary_tables", "Fetch more documents from SuperOffice"),
    columns=_ACTIVITY_COLUMNS,
    view=document_view,
    sort_column=1,
)

SALES = TabSpec(
    key="sales",
    title=QT_TRANSLATE_NOOP("summary_tables", "Sales"),
    empty=QT_TRANSLATE_NOOP("summary_tables", "No sales"),
    no_match=QT_TRANSLATE_NOOP("summary_tables", "No sales match “%1”"),
    failed=QT_TRANSLATE_NOOP("summary_tables", "Could not load the sales"),
    more_tip=QT_TRANSLATE_NOOP("summary_tables", "Fetch more sales from SuperOffice"),
    columns=(
        _title(QT_TRANSLATE_NOOP("summary_tables", "Heading")),
        _STATUS,
        Column(
            QT_TRANSLATE_NOOP("summary_tables", "Probability"),
            text=lambda r: percent(r.view.probability or 0),
            sort=lambda r: r.view.probability or 0,
            numeric=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("summary_tables", "Amount"),
            text=lambda r: money(r.view.amount or 0.0, r.view.currency or ""),
            # Across currencies only the base-currency amount compares.
            sort=lambda r: r.item.amount_in_base_currency,
            numeric=True,
        ),
        _date(QT_TRANSLATE_NOOP("summary_tables", "Date")),
    ),
    view=sale_view,
    sort_column=4,
)

CHATS = TabSpec(
    key="chats",
    title=QT_TRANSLATE_NOOP("summary_tables", "Chats"),
    empty=QT_TRANSLATE_NOOP("summary_tables", "No chats"),
    no_match=QT_TRANSLATE_NOOP("summary_tables", "No chats match “%1”"),
    failed=QT_TRANSLATE_NOOP("summary_tables", "Could not load the chats"),
    more_tip=QT_TRANSLATE_NOOP("summary_tables", "Fetch more chats from SuperOffice"),
    columns=(
        Column(QT_TRANSLATE_NOOP("summary_tables", "Name"), text=lambda r: one_line(r.item.name)),
        Column(
            QT_TRANSLATE_NOOP("summary_tables", "Company"),
            text=lambda r: one_line(r.item.company_name),
        ),
        _title(QT_TRANSLATE_NOOP("summary_tables", "First message")),
        _date(QT_TRANSLATE_NOOP("summary_tables", "Requested")),
        Column(QT_TRANSLATE_NOOP("summary_tables", "Ended"), moment=lambda r: r.item.when_ended),
    ),
    view=chat_view,
    sort_column=3,
)

TAB_SPECS: tuple[TabSpec, ...] = (TICKETS, FOLLOWUPS, DOCUMENTS, SALES, CHATS)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SummaryTableModel(QAbstractTableModel):
    """The rows of one summary list, read-only."""

    def __init__(
        self,
        spec: TabSpec,
        links: WebClientLinks | None = None,
        *,
        statuses: Mapping[int, TicketStatusItem] | None = None,
        contact_id: int = 0,
        clock: Clock = _utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self._context = ViewContext(links, statuses or {}, contact_id)
        self._clock = clock
        self._items: list[Item] = []
        self._rows: list[Row] = []
        # Sorting and column sizing ask for the same cells many times over: each is worked
        # out once per (row, column, role) until the rows or the time change.
        self._cells: dict[tuple[int, int, int], Any] = {}

    def set_rows(self, rows: Sequence[Item]) -> None:
        self.beginResetModel()
        self._items = list(rows)
        self._rebuild()
        self.endResetModel()

    def set_context(
        self,
        *,
        links: WebClientLinks | None = None,
        statuses: Mapping[int, TicketStatusItem] | None = None,
        contact_id: int | None = None,
    ) -> None:
        """A new place for links, a new status list or another company: the rows are shown
        anew (a status list that came after the summary names its statuses now)."""
        changes: dict[str, Any] = {}
        if links is not None:
            changes["links"] = links
        if statuses is not None:
            changes["statuses"] = statuses
        if contact_id is not None:
            changes["contact_id"] = contact_id
        self._context = replace(self._context, **changes)
        self._rebuild()
        self._changed()

    def set_links(self, links: WebClientLinks | None) -> None:
        self._context = replace(self._context, links=links)
        self._rebuild()

    def _rebuild(self) -> None:
        self._rows = [Row(item, self.spec.view(item, self._context)) for item in self._items]
        self._cells.clear()

    def item(self, row: int) -> Item:
        return self._items[row]

    def view(self, row: int) -> ItemView:
        return self._rows[row].view

    def link(self, row: int) -> str | None:
        """The item's page in the SuperOffice web client, if it has one."""
        if not 0 <= row < len(self._rows):
            return None
        return self._rows[row].view.link

    def refresh_times(self) -> None:
        """Relative dates ("2 minutes ago") age while the window is open."""
        self._cells.clear()
        self._changed()

    def _changed(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.spec.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.spec.columns):
            column = self.spec.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(column.header)
            if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = (index.row(), index.column(), role)
        try:
            return self._cells[key]
        except KeyError:
            value = self._cells[key] = self._cell(index.row(), index.column(), role)
            return value

    def _cell(self, row_index: int, column_index: int, role: int) -> Any:
        column = self.spec.columns[column_index]
        row = self._rows[row_index]
        if column.moment is not None:
            return self._date_data(column.moment(row), role)
        if column.status:
            text = status_text(row.view.status)
            if role == Qt.ItemDataRole.DecorationRole:
                return load_icon(status_icon_name(row.view.status)) if text else None
        else:
            text = column.text(row) if column.text is not None else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort is not None else text.casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _date_data(self, moment: datetime | None, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return relative_time(moment, self._clock())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(exact_time(moment))
        if role == SORT_ROLE:
            return moment_key(moment)
        return None
