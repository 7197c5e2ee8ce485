"""Table models for the lists of a contact summary: tickets, follow-ups, documents, sales, chats.

One generic model is configured per list by a :class:`TabSpec`. Cells are plain display text
(item views never interpret it as HTML); dates are relative in the cell, exact in the tooltip,
and sort by their real moment through :data:`SORT_ROLE`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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

_OPEN = QT_TRANSLATE_NOOP("summary_tables", "Open")
_NOT_STARTED = QT_TRANSLATE_NOOP("summary_tables", "Not started")
_DONE = QT_TRANSLATE_NOOP("summary_tables", "Done")
_SOLD = QT_TRANSLATE_NOOP("summary_tables", "Sold")
_CLOSED = QT_TRANSLATE_NOOP("summary_tables", "Closed")
_POSTPONED = QT_TRANSLATE_NOOP("summary_tables", "Postponed")
_STALLED = QT_TRANSLATE_NOOP("summary_tables", "Stalled")
_LOST = QT_TRANSLATE_NOOP("summary_tables", "Lost")
_TICKET_STATUS = {"active": _OPEN, "closed": _CLOSED, "postponed": _POSTPONED}
_SALE_STATUS = {"open": _OPEN, "sold": _SOLD, "lost": _LOST, "stalled": _STALLED}
# The icon beside each status word (resources/icons/status-*.svg): colour and shape both differ,
# so the state reads without relying on colour alone.
_STATUS_ICONS = {
    _OPEN: "status-open",
    _NOT_STARTED: "status-open",
    _DONE: "status-done",
    _SOLD: "status-done",
    _CLOSED: "status-closed",
    _POSTPONED: "status-postponed",
    _STALLED: "status-postponed",
    _LOST: "status-lost",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("summary_tables", text)


def ticket_status(ticket: Ticket) -> str:
    # Status ids are defined per tenant; the icon hint names the kind of status they are.
    word = _TICKET_STATUS.get(ticket.icon_hint.strip().casefold())
    return (
        _tr(word)
        if word
        else arg(QCoreApplication.translate("summary_tables", "Status %1"), ticket.status)
    )


def activity_status(activity: Activity) -> str:
    return _tr(_DONE) if activity.is_completed else _tr(_NOT_STARTED)


def sale_status(sale: Sale) -> str:
    word = _SALE_STATUS.get(sale.status.strip().casefold())
    return _tr(word) if word else one_line(sale.status)


def status_icon_name(status: str) -> str:
    """The icon for a status word as shown (translated); tenant-defined statuses get a
    neutral one."""
    icons = {_tr(word): icon for word, icon in _STATUS_ICONS.items()}
    return icons.get(status, "status-other")


def is_open_sale(sale: Sale) -> bool:
    return _SALE_STATUS.get(sale.status.strip().casefold()) == _OPEN


def open_sales_total(sales: Sequence[Sale]) -> float:
    return sum(sale.amount_in_base_currency for sale in sales if is_open_sale(sale))


def open_sales_text(sales: Sequence[Sale]) -> str:
    """The sales tab's footer: "2 open sales, total 23,500.00 in base currency"; "" for none."""
    count = sum(1 for sale in sales if is_open_sale(sale))
    if not count:
        return ""
    return _SalesFooter().text(count, number(open_sales_total(sales)))


class _SalesFooter(QObject):
    """A translation context: Qt's lupdate takes plural forms only from ``tr`` in a QObject."""

    def text(self, count: int, total: str) -> str:
        return plural(
            arg(self.tr("%n open sale(s), total %1 in base currency", "", count), total), count
        )


@dataclass(frozen=True, slots=True)
class Column:
    """``text`` for a text or number column, ``moment`` for a date column."""

    header: str
    text: Callable[[Any], str] | None = None
    moment: Callable[[Any], datetime | None] | None = None
    sort: Callable[[Any], float | str] | None = None
    numeric: bool = False
    stretch: bool = False
    status: bool = False
    """A status column: its words get an icon."""


LinkFor = Callable[[WebClientLinks, Any], str | None]


@dataclass(frozen=True, slots=True)
class TabSpec:
    """The texts are English, marked for translation in the context "summary_tables": shown
    through :meth:`text`. Each sentence is whole, as languages build them differently."""

    key: str
    title: str
    empty: str
    columns: tuple[Column, ...]
    link: LinkFor
    sort_column: int
    no_match: str = ""
    """With %1 for the filter text."""
    failed: str = ""
    more_tip: str = ""

    @staticmethod
    def text(marked: str) -> str:
        return _tr(marked)


def _document_link(links: WebClientLinks, item: Activity) -> str | None:
    if item.document_id > 0:
        return links.document(item.document_id)
    return links.appointment(item.appointment_id) if item.appointment_id > 0 else None


TICKETS = TabSpec(
    key="tickets",
    title=QT_TRANSLATE_NOOP("summary_tables", "Tickets"),
    empty=QT_TRANSLATE_NOOP("summary_tables", "No tickets"),
    no_match=QT_TRANSLATE_NOOP("summary_tables", "No tickets match “%1”"),
    failed=QT_TRANSLATE_NOOP("summary_tables", "Could not load the tickets"),
    more_tip=QT_TRANSLATE_NOOP("summary_tables", "Fetch more tickets from SuperOffice"),
    columns=(
        Column(
            QT_TRANSLATE_NOOP("summary_tables", "Title"),
            text=lambda t: one_line(t.title),
            stretch=True,
        ),
        Column(QT_TRANSLATE_NOOP("summary_tables", "Status"), text=ticket_status, status=True),
        Column(QT_TRANSLATE_NOOP("summary_tables", "Registered"), moment=lambda t: t.registered),
    ),
    link=lambda links, t: links.ticket(t.ticket_id) if t.ticket_id > 0 else None,
    sort_column=2,
)

_ACTIVITY_COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("summary_tables", "Description"),
        text=lambda a: one_line(a.description),
        stretch=True,
    ),
    Column(QT_TRANSLATE_NOOP("summary_tables", "Date"), moment=lambda a: a.date),
    Column(QT_TRANSLATE_NOOP("summary_tables", "Status"), text=activity_status, status=True),
)

FOLLOWUPS = TabSpec(
    key="followups",
    title=QT_TRANSLATE_NOOP("summary_tables", "Follow-ups"),
    empty=QT_TRANSLATE_NOOP("summary_tables", "No follow-ups"),
    no_match=QT_TRANSLATE_NOOP("summary_tables", "No follow-ups match “%1”"),
    failed=QT_TRANSLATE_NOOP("summary_tables", "Could not load the follow-ups"),
    more_tip=QT_TRANSLATE_NOOP("summary_tables", "Fetch more follow-ups from SuperOffice"),
    columns=_ACTIVITY_COLUMNS,
    link=lambda links, a: links.appointment(a.appointment_id) if a.appointment_id > 0 else None,
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
    link=_document_link,
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
        Column(
            QT_TRANSLATE_NOOP("summary_tables", "Heading"),
            text=lambda s: one_line(s.heading),
            stretch=True,
        ),
        Column(QT_TRANSLATE_NOOP("summary_tables", "Status"), text=sale_status, status=True),
        Column(
            QT_TRANSLATE_NOOP("summary_tables", "Probability"),
            text=lambda s: percent(s.probability),
            sort=lambda s: s.probability,
            numeric=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("summary_tables", "Amount"),
            text=lambda s: money(s.amount, s.currency),
            # Across currencies only the base-currency amount compares.
            sort=lambda s: s.amount_in_base_currency,
            numeric=True,
        ),
        Column(QT_TRANSLATE_NOOP("summary_tables", "Date"), moment=lambda s: s.sale_date),
    ),
    link=lambda links, s: links.sale(s.sale_id) if s.sale_id > 0 else None,
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
        Column(QT_TRANSLATE_NOOP("summary_tables", "Name"), text=lambda c: one_line(c.name)),
        Column(
            QT_TRANSLATE_NOOP("summary_tables", "Company"), text=lambda c: one_line(c.company_name)
        ),
        Column(
            QT_TRANSLATE_NOOP("summary_tables", "First message"),
            text=lambda c: one_line(c.first_message),
            stretch=True,
        ),
        Column(QT_TRANSLATE_NOOP("summary_tables", "Requested"), moment=lambda c: c.when_requested),
        Column(QT_TRANSLATE_NOOP("summary_tables", "Ended"), moment=lambda c: c.when_ended),
    ),
    link=lambda links, c: None,
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
        clock: Clock = _utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self._links = links
        self._clock = clock
        self._rows: list[Ticket | Activity | Sale | Chat] = []
        # Sorting and column sizing ask for the same cells many times over: each is worked
        # out once per (row, column, role) until the rows or the time change.
        self._cells: dict[tuple[int, int, int], Any] = {}

    def set_rows(self, rows: Sequence[Ticket | Activity | Sale | Chat]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells.clear()
        self.endResetModel()

    def set_links(self, links: WebClientLinks | None) -> None:
        self._links = links

    def item(self, row: int) -> Ticket | Activity | Sale | Chat:
        return self._rows[row]

    def link(self, row: int) -> str | None:
        """The item's page in the SuperOffice web client, if it has one."""
        if self._links is None or not 0 <= row < len(self._rows):
            return None
        return self.spec.link(self._links, self._rows[row])

    def refresh_times(self) -> None:
        """Relative dates ("2 minutes ago") age while the window is open."""
        self._cells.clear()
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.spec.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])

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

    def _cell(self, row: int, column_index: int, role: int) -> Any:
        column = self.spec.columns[column_index]
        item = self._rows[row]
        if column.moment is not None:
            return self._date_data(column.moment(item), role)
        text = column.text(item) if column.text is not None else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text)
        if role == SORT_ROLE:
            return column.sort(item) if column.sort is not None else text.casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.DecorationRole and column.status:
            return load_icon(status_icon_name(text))
        return None

    def _date_data(self, moment: datetime | None, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return relative_time(moment, self._clock())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(exact_time(moment))
        if role == SORT_ROLE:
            return moment_key(moment)
        return None
