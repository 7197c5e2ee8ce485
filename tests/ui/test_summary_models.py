"""Each tab's table model on its own: columns, cell texts, sort keys, icons and links."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon

from screenpop.core.links import WebClientLinks
from screenpop.core.models import Activity, Chat, Sale, Ticket
from screenpop.core.ticket_status import TicketBaseStatus, TicketStatuses, TicketStatusItem
from screenpop.ui.summary_tables import (
    CHATS,
    DOCUMENTS,
    FOLLOWUPS,
    SALES,
    SORT_ROLE,
    TICKETS,
    SummaryTableModel,
    TabSpec,
    status_icon_name,
)
from screenpop.ui.text import short_time

# Icons need a QGuiApplication.
pytestmark = pytest.mark.usefixtures("qapp")

NOW = datetime(2025, 3, 5, 12, 0, tzinfo=UTC)
D = timedelta(days=1)


def model_for(
    spec: TabSpec,
    rows: list[Any],
    links: WebClientLinks | None,
    statuses: TicketStatuses | None = None,
) -> SummaryTableModel:
    model = SummaryTableModel(spec, links, statuses=statuses, contact_id=7, clock=lambda: NOW)
    model.set_rows(rows)
    return model


def cells(model: SummaryTableModel, role: int = Qt.ItemDataRole.DisplayRole) -> list[list[Any]]:
    return [
        [model.index(r, c).data(role) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def sorted_by(model: SummaryTableModel, column: int, order: Qt.SortOrder) -> list[str]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(column, order)
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def headers(model: SummaryTableModel) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def icons(model: SummaryTableModel, column: int) -> list[str]:
    found = []
    for row in range(model.rowCount()):
        icon = model.index(row, column).data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon) and not icon.isNull()
        found.append(status_icon_name(model.view(row).status))
    return found


# A tenant's list (restful/rest/List_TicketStatus/v1TicketStatusList_GetAllTicketStatusEntity.md):
# its own ids and names; one with no name says only its base status.
STATUSES = TicketStatuses(
    [
        TicketStatusItem(683, "Being fixed", TicketBaseStatus.ACTIVE),
        TicketStatusItem(21, "Closed by phone", TicketBaseStatus.CLOSED),
        TicketStatusItem(30, "", TicketBaseStatus.POSTPONED),
        TicketStatusItem(31, "Junk", TicketBaseStatus.SPAM),
    ]
)


def test_tickets(links: WebClientLinks, use_locale: Callable[[str], None]):
    model = model_for(
        TICKETS,
        [
            Ticket(11, 683, "Printer on fire", NOW - 2 * D, "active"),
            Ticket(12, 21, "Password reset", NOW - D, "closed"),
            Ticket(13, 30, "Waiting for parts", NOW - 40 * D, "postponed"),
            Ticket(14, 31, "Buy cheap pills", NOW - 41 * D, "closed"),
            Ticket(0, 5, "Draft", None, "active"),
        ],
        links,
        STATUSES,
    )
    assert headers(model) == ["Title", "Status", "Registered"]
    assert cells(model) == [
        ["Printer on fire", "Being fixed", "2 days ago"],
        ["Password reset", "Closed by phone", f"yesterday {short_time(NOW - D)}"],
        ["Waiting for parts", "Postponed", "24/01/2025"],
        ["Buy cheap pills", "Junk", "23/01/2025"],
        ["Draft", "Status 5", ""],  # an id the tenant's list does not know; the hint is no word
    ]
    assert icons(model, 1) == [
        "status-open", "status-closed", "status-postponed", "status-lost", "status-other",
    ]  # fmt: skip
    assert sorted_by(model, 2, Qt.SortOrder.DescendingOrder) == [
        "Password reset",
        "Printer on fire",
        "Waiting for parts",
        "Buy cheap pills",
        "Draft",
    ]
    assert sorted_by(model, 1, Qt.SortOrder.AscendingOrder)[0] == "Printer on fire"
    assert [model.link(r) for r in range(5)] == [
        links.ticket(11),
        links.ticket(12),
        links.ticket(13),
        links.ticket(14),
        None,
    ]


def test_a_status_list_that_comes_later_names_the_tickets(qtbot: Any, links: WebClientLinks):
    model = model_for(TICKETS, [Ticket(11, 683, "Printer on fire", NOW, "")], links)
    assert model.index(0, 1).data() == "Status 683"
    with qtbot.waitSignal(model.dataChanged):
        model.set_context(statuses=STATUSES)
    assert model.index(0, 1).data() == "Being fixed"


@pytest.mark.parametrize("spec", [FOLLOWUPS, DOCUMENTS])
def test_followups_and_documents(spec: TabSpec, links: WebClientLinks):
    model = model_for(
        spec,
        [
            Activity(21, 0, NOW + 3 * D, "Call back about the offer", "NotStarted", NOW),
            Activity(22, 2201, NOW - 5 * D, "Signed contract", "Completed", NOW),
        ],
        links,
    )
    assert headers(model) == ["Description", "Date", "Status"]
    assert cells(model) == [
        ["Call back about the offer", "in 3 days", "Not started"],
        ["Signed contract", "5 days ago", "Done"],
    ]
    assert icons(model, 2) == ["status-open", "status-done"]
    assert sorted_by(model, 1, Qt.SortOrder.AscendingOrder) == [
        "Signed contract",
        "Call back about the offer",
    ]
    # A document opens as a document; an appointment (and a follow-up) as an appointment.
    second = links.document(2201) if spec is DOCUMENTS else links.appointment(22)
    assert [model.link(0), model.link(1)] == [links.appointment(21), second]


def test_every_activity_status_is_a_word(links: WebClientLinks):
    """ActivityStatus: Unknown 0, NotStarted 1, Started 2, Completed 3, sent by name
    (SuperOffice.WebApi.Data.ActivityStatus.yml); a number is read too. A value the
    reference does not list is shown as the tenant sent it; none at all shows nothing."""
    sent = ["Unknown", "NotStarted", "Started", "Completed", "2", "Pending", ""]
    rows = [Activity(i + 1, 0, NOW, f"a{i}", value, NOW) for i, value in enumerate(sent)]
    model = model_for(FOLLOWUPS, rows, links)
    assert [row[2] for row in cells(model)] == [
        "Unknown", "Not started", "Started", "Done", "Started", "Pending", "",
    ]  # fmt: skip
    assert model.index(6, 2).data(Qt.ItemDataRole.DecorationRole) is None


def test_sales(links: WebClientLinks, use_locale: Callable[[str], None]):
    model = model_for(
        SALES,
        [
            Sale(31, NOW + 10 * D, 50, "Licences", 1000, "EUR", 11000, "Open", "", NOW),
            Sale(32, NOW - 60 * D, 100, "Support", 9000, "NOK", 9000, "Sold", "", NOW),
            Sale(33, NOW - 2 * D, 0, "Hardware", 500, "USD", 5200, "Lost", "", NOW),
            Sale(34, NOW - 3 * D, 20, "Training", 200, "GBP", 2600, "Stalled", "", NOW),
            Sale(35, NOW - 4 * D, 0, "Old deal", 100, "SEK", 98, "Unknown", "", NOW),
            Sale(36, NOW - 5 * D, 0, "Monitor", 100, "SEK", 98, "SaintAll", "", NOW),
        ],
        links,
    )
    assert headers(model) == ["Heading", "Status", "Probability", "Amount", "Date"]
    display = cells(model)
    # SaleStatus (SuperOffice.WebApi.Data.SaleStatus.yml): SaintAll "is NOT an acceptable
    # value for a sale", so it is no word of ours.
    assert [row[1] for row in display] == [
        "Open", "Sold", "Lost", "Stalled", "Unknown", "SaintAll",
    ]  # fmt: skip
    assert [row[2] for row in display[:4]] == ["50%", "100%", "0%", "20%"]
    assert [row[3] for row in display[:4]] == [
        "EUR\u00a01,000.00",
        "NOK\u00a09,000.00",
        "USD\u00a0500.00",
        "GBP\u00a0200.00",
    ]
    assert icons(model, 1) == [
        "status-open", "status-done", "status-lost", "status-postponed", "status-other",
        "status-other",
    ]  # fmt: skip
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == (
        right
    )
    # Amounts in different currencies sort by their value in the base currency.
    assert sorted_by(model, 3, Qt.SortOrder.DescendingOrder)[:4] == [
        "Licences",
        "Support",
        "Hardware",
        "Training",
    ]
    assert sorted_by(model, 2, Qt.SortOrder.DescendingOrder)[:3] == [
        "Support",
        "Licences",
        "Training",
    ]
    assert model.link(2) == links.sale(33)


def test_chats_open_their_company(links: WebClientLinks):
    model = model_for(
        CHATS,
        [Chat(41, "Ola", "Acme", "Hi,\nmy parcel\tis late", "Thanks", NOW - D, None)],
        links,
    )
    assert headers(model) == ["Name", "Company", "First message", "Requested", "Ended"]
    assert cells(model) == [
        ["Ola", "Acme", "Hi, my parcel is late", f"yesterday {short_time(NOW - D)}", ""]
    ]
    # No documented SoProtocol parameter for a chat (ui/soprotocol/navigation-points.md).
    assert model.link(0) == links.contact(7)


def test_without_links_nothing_links(links: WebClientLinks):
    model = model_for(TICKETS, [Ticket(11, 1, "x", NOW)], None)
    assert model.link(0) is None
    model.set_links(links)
    assert model.link(0) == links.ticket(11)
    assert model.link(5) is None


def test_times_age_while_the_window_is_open(qtbot: Any):
    clock = [NOW]
    model = SummaryTableModel(TICKETS, None, clock=lambda: clock[0])
    model.set_rows([Ticket(1, 1, "x", NOW - timedelta(minutes=2))])
    assert model.index(0, 2).data() == "2 minutes ago"
    clock[0] = NOW + timedelta(minutes=3)
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_times()
    assert model.index(0, 2).data() == "5 minutes ago"
