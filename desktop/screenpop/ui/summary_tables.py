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
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from screenpop.core.links import WebClientLinks
from screenpop.core.models import Activity, Chat, Sale, Ticket
from screenpop.ui.text import (
    exact_time,
    moment_key,
    money,
    one_line,
    percent,
    plain_tooltip,
    relative_time,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Clock = Callable[[], datetime]
AnyIndex = QModelIndex | QPersistentModelIndex

_TICKET_STATUS = {"active": "Open", "closed": "Closed", "postponed": "Postponed"}
_SALE_STATUS = {"open": "Open", "sold": "Sold", "lost": "Lost", "stalled": "Stalled"}


def ticket_status(ticket: Ticket) -> str:
    # Status ids are defined per tenant; the icon hint names the kind of status they are.
    return _TICKET_STATUS.get(ticket.icon_hint.strip().casefold(), f"Status {ticket.status}")


def activity_status(activity: Activity) -> str:
    return "Done" if activity.is_completed else "Not started"


def sale_status(sale: Sale) -> str:
    return _SALE_STATUS.get(sale.status.strip().casefold(), one_line(sale.status))


def is_open_sale(sale: Sale) -> bool:
    return sale_status(sale) == "Open"


def open_sales_total(sales: Sequence[Sale]) -> float:
    return sum(sale.amount_in_base_currency for sale in sales if is_open_sale(sale))


@dataclass(frozen=True, slots=True)
class Column:
    """``text`` for a text or number column, ``moment`` for a date column."""

    header: str
    text: Callable[[Any], str] | None = None
    moment: Callable[[Any], datetime | None] | None = None
    sort: Callable[[Any], float | str] | None = None
    numeric: bool = False
    stretch: bool = False


LinkFor = Callable[[WebClientLinks, Any], str | None]


@dataclass(frozen=True, slots=True)
class TabSpec:
    key: str
    title: str
    empty: str
    columns: tuple[Column, ...]
    link: LinkFor
    sort_column: int


def _document_link(links: WebClientLinks, item: Activity) -> str | None:
    if item.document_id > 0:
        return links.document(item.document_id)
    return links.appointment(item.appointment_id) if item.appointment_id > 0 else None


TICKETS = TabSpec(
    key="tickets",
    title="Tickets",
    empty="No tickets",
    columns=(
        Column("Title", text=lambda t: one_line(t.title), stretch=True),
        Column("Status", text=ticket_status),
        Column("Registered", moment=lambda t: t.registered),
    ),
    link=lambda links, t: links.ticket(t.ticket_id) if t.ticket_id > 0 else None,
    sort_column=2,
)

_ACTIVITY_COLUMNS = (
    Column("Description", text=lambda a: one_line(a.description), stretch=True),
    Column("Date", moment=lambda a: a.date),
    Column("Status", text=activity_status),
)

FOLLOWUPS = TabSpec(
    key="followups",
    title="Follow-ups",
    empty="No follow-ups",
    columns=_ACTIVITY_COLUMNS,
    link=lambda links, a: links.appointment(a.appointment_id) if a.appointment_id > 0 else None,
    sort_column=1,
)

DOCUMENTS = TabSpec(
    key="documents",
    title="Documents",
    empty="No documents",
    columns=_ACTIVITY_COLUMNS,
    link=_document_link,
    sort_column=1,
)

SALES = TabSpec(
    key="sales",
    title="Sales",
    empty="No sales",
    columns=(
        Column("Heading", text=lambda s: one_line(s.heading), stretch=True),
        Column("Status", text=sale_status),
        Column(
            "Probability",
            text=lambda s: percent(s.probability),
            sort=lambda s: s.probability,
            numeric=True,
        ),
        Column(
            "Amount",
            text=lambda s: money(s.amount, s.currency),
            # Across currencies only the base-currency amount compares.
            sort=lambda s: s.amount_in_base_currency,
            numeric=True,
        ),
        Column("Date", moment=lambda s: s.sale_date),
    ),
    link=lambda links, s: links.sale(s.sale_id) if s.sale_id > 0 else None,
    sort_column=4,
)

CHATS = TabSpec(
    key="chats",
    title="Chats",
    empty="No chats",
    columns=(
        Column("Name", text=lambda c: one_line(c.name)),
        Column("Company", text=lambda c: one_line(c.company_name)),
        Column("First message", text=lambda c: one_line(c.first_message), stretch=True),
        Column("Requested", moment=lambda c: c.when_requested),
        Column("Ended", moment=lambda c: c.when_ended),
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

    def set_rows(self, rows: Sequence[Ticket | Activity | Sale | Chat]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
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
                return column.header
            if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self.spec.columns[index.column()]
        item = self._rows[index.row()]
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
        return None

    def _date_data(self, moment: datetime | None, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return relative_time(moment, self._clock())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(exact_time(moment))
        if role == SORT_ROLE:
            return moment_key(moment)
        return None
