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


def model_for(spec: TabSpec, rows: list[Any], links: WebClientLinks | None) -> SummaryTableModel:
    model = SummaryTableModel(spec, links, clock=lambda: NOW)
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
        found.append(status_icon_name(model.index(row, column).data()))
    return found


def test_tickets(links: WebClientLinks, use_locale: Callable[[str], None]):
    model = model_for(
        TICKETS,
        [
            Ticket(11, 1, "Printer on fire", NOW - 2 * D, "active"),
            Ticket(12, 2, "Password reset", NOW - D, "closed"),
            Ticket(13, 9, "Waiting for parts", NOW - 40 * D, "postponed"),
            Ticket(0, 5, "Draft", None, "custom"),
        ],
        links,
    )
    assert headers(model) == ["Title", "Status", "Registered"]
    assert cells(model) == [
        ["Printer on fire", "Open", "2 days ago"],
        ["Password reset", "Closed", f"yesterday {short_time(NOW - D)}"],
        ["Waiting for parts", "Postponed", "24/01/2025"],
        ["Draft", "Status 5", ""],
    ]
    assert icons(model, 1) == ["status-open", "status-closed", "status-postponed", "status-other"]
    assert sorted_by(model, 2, Qt.SortOrder.DescendingOrder) == [
        "Password reset",
        "Printer on fire",
        "Waiting for parts",
        "Draft",
    ]
    assert sorted_by(model, 1, Qt.SortOrder.AscendingOrder)[0] == "Password reset"
    assert [model.link(r) for r in range(4)] == [
        links.ticket(11),
        links.ticket(12),
        links.ticket(13),
        None,
    ]


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


def test_sales(links: WebClientLinks, use_locale: Callable[[str], None]):
    model = model_for(
        SALES,
        [
            Sale(31, NOW + 10 * D, 50, "Licences", 1000, "EUR", 11000, "Open", "", NOW),
            Sale(32, NOW - 60 * D, 100, "Support", 9000, "NOK", 9000, "Sold", "", NOW),
            Sale(33, NOW - 2 * D, 0, "Hardware", 500, "USD", 5200, "Lost", "", NOW),
            Sale(34, NOW - 3 * D, 20, "Training", 200, "GBP", 2600, "Stalled", "", NOW),
        ],
        links,
    )
    assert headers(model) == ["Heading", "Status", "Probability", "Amount", "Date"]
    display = cells(model)
    assert [row[1] for row in display] == ["Open", "Sold", "Lost", "Stalled"]
    assert [row[2] for row in display] == ["50%", "100%", "0%", "20%"]
    assert [row[3] for row in display] == [
        "EUR\u00a01,000.00",
        "NOK\u00a09,000.00",
        "USD\u00a0500.00",
        "GBP\u00a0200.00",
    ]
    assert icons(model, 1) == ["status-open", "status-done", "status-lost", "status-postponed"]
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == (
        right
    )
    # Amounts in different currencies sort by their value in the base currency.
    assert sorted_by(model, 3, Qt.SortOrder.DescendingOrder) == [
        "Licences",
        "Support",
        "Hardware",
        "Training",
    ]
    assert sorted_by(model, 2, Qt.SortOrder.AscendingOrder) == [
        "Hardware",
        "Training",
        "Licences",
        "Support",
    ]
    assert model.link(2) == links.sale(33)


def test_chats_have_no_link(links: WebClientLinks):
    model = model_for(
        CHATS,
        [Chat(41, "Ola", "Acme", "Hi,\nmy parcel\tis late", "Thanks", NOW - D, None)],
        links,
    )
    assert headers(model) == ["Name", "Company", "First message", "Requested", "Ended"]
    assert cells(model) == [
        ["Ola", "Acme", "Hi, my parcel is late", f"yesterday {short_time(NOW - D)}", ""]
    ]
    assert model.link(0) is None


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
