"""The contact window's tabs: counts, sorting, filtering, formats, status icons, links and
Show more."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDateTime, QLocale, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate
from screenpop.core.models import Activity, ContactSummary, Ticket
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.summary_tables import SORT_ROLE
from screenpop.ui.text import plain_tooltip, short_time
from tests.ui.conftest import column_texts, shown_page, source_index


def test_tabs_are_labelled_with_their_counts(window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)

    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert labels == [
        "Tickets (3)",
        "Follow-ups (2)",
        "Documents (2)",
        "Sales (3)",
        "Chats (1)",
    ]


def test_a_list_cut_at_the_limit_says_there_may_be_more(
    window: ContactWindow, summary: ContactSummary
):
    window.show_summary(summary, limit=2)

    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert labels == [
        "Tickets (3+)",
        "Follow-ups (2+)",
        "Documents (2+)",
        "Sales (3+)",
        "Chats (1)",
    ]


def test_an_empty_list_shows_a_friendly_message_not_an_empty_grid(
    window: ContactWindow, summary: ContactSummary
):
    window.show_summary(replace(summary, chats=[], followups=[]))

    assert shown_page(window.pages["chats"]) == "No chats"
    assert shown_page(window.pages["followups"]) == "No follow-ups"
    assert shown_page(window.pages["tickets"]) == "table"
    assert window.tabs.tabText(4) == "Chats (0)"


def test_dates_sort_by_the_real_moment_not_by_the_text(
    window: ContactWindow, summary: ContactSummary, now: datetime
):
    window.show_summary(summary)
    page = window.pages["tickets"]
    yesterday = f"yesterday {short_time(now - timedelta(days=1))}"
    # Shown as "2 hours ago", "3 days ago", "yesterday 14:05": alphabetical order is not
    # time order.
    assert sorted(column_texts(page, 2)) == ["2 hours ago", "3 days ago", yesterday]

    page.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)

    assert column_texts(page, 2) == ["3 days ago", yesterday, "2 hours ago"]
    page.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert column_texts(page, 0)[0] == "Invoice shows the wrong VAT rate"


def test_sort_compares_moments_across_time_zones(
    qtbot: QtBot, candidate: Candidate, links: WebClientLinks, now: datetime
):
    east = timezone(timedelta(hours=5))
    # 01:00 at +05:00 is 20:00 UTC the day before: earlier than 22:00 UTC, though its
    # wall-clock text sorts later.
    early = datetime(2024, 1, 2, 1, 0, tzinfo=east)
    late = datetime(2024, 1, 1, 22, 0, tzinfo=UTC)
    window = ContactWindow(34, candidate, links)
    qtbot.addWidget(window)
    window.show_summary(
        ContactSummary(None, tickets=[Ticket(2, 1, "late", late), Ticket(1, 1, "early", early)])
    )
    page = window.pages["tickets"]

    page.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)

    assert column_texts(page) == ["early", "late"]
    assert page.proxy.index(0, 2).data(SORT_ROLE) < page.proxy.index(1, 2).data(SORT_ROLE)


def test_the_filter_narrows_rows_in_every_tab(window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)

    window.filter_edit.setText("invoice")

    assert column_texts(window.pages["tickets"]) == ["Invoice shows the wrong VAT rate"]
    assert window.tabs.tabText(0) == "Tickets (1 of 3)"
    assert shown_page(window.pages["sales"]) == "No sales match “invoice”"
    window.filter_edit.clear()
    assert len(column_texts(window.pages["tickets"])) == 3
    assert window.tabs.tabText(0) == "Tickets (3)"


def test_amounts_are_formatted_with_their_currency(
    window: ContactWindow, summary: ContactSummary, use_locale: Callable[[str], None]
):
    window.show_summary(summary)
    page = window.pages["sales"]
    amounts = {
        page.model.item(row).heading: page.model.index(row, 3).data()
        for row in range(page.model.rowCount())
    }
    assert amounts["Support"] == "£1,250.00"
    assert amounts["Warehouse module"] == "EUR\u00a01,000.00"

    use_locale("nb_NO")
    window.show_summary(summary)  # cells are worked out once per summary
    nok = re.sub(r"\s", " ", page.model.index(0, 3).data())
    assert nok == "NOK 12 500,00"
    assert page.model.index(0, 2).data() == "60%"


def test_open_sales_are_totalled_in_base_currency(
    window: ContactWindow, summary: ContactSummary, use_locale: Callable[[str], None]
):
    window.show_summary(summary)

    assert window.pages["sales"].footer.text() == ("2 open sales, total 23,500.00 in base currency")


def test_dates_are_relative_in_the_cell_and_exact_in_the_tooltip(
    window: ContactWindow, summary: ContactSummary
):
    window.show_summary(summary)
    page = window.pages["followups"]
    moment = summary.followups[0].date
    assert moment is not None

    assert page.model.index(0, 1).data() == "in 3 days"
    exact = QLocale().toString(
        QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000)),
        QLocale.FormatType.LongFormat,
    )
    assert page.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == plain_tooltip(exact)
    assert str(moment.astimezone().year) in exact


def test_statuses_are_words(window: ContactWindow, summary: ContactSummary):
    """Ticket statuses are the tenant's names for its status ids; the icon hints ("active",
    "closed") are opaque and never read as the status (TicketSummaryItem.yml)."""
    window.show_summary(summary)

    assert [window.pages["tickets"].model.index(r, 1).data() for r in range(3)] == [
        "In progress",
        "Closed",
        "Status 7",
    ]
    assert [window.pages["followups"].model.index(r, 2).data() for r in range(2)] == [
        "Not started",
        "Done",
    ]
    assert window.pages["sales"].model.index(1, 1).data() == "Sold"


def test_enter_on_a_row_emits_its_deep_link(
    qtbot: QtBot, window: ContactWindow, summary: ContactSummary, links: WebClientLinks
):
    window.show_summary(summary)
    page = window.pages["tickets"]
    page.view.setCurrentIndex(page.proxy.mapFromSource(source_index(page, 1, 0)))

    with qtbot.waitSignal(window.link_activated) as blocker:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)

    assert blocker.args == [links.ticket(102)]


@pytest.mark.parametrize(
    ("tab", "row", "expected"),
    [
        ("followups", 0, lambda links: links.appointment(201)),
        ("documents", 0, lambda links: links.document(3001)),
        ("documents", 1, lambda links: links.appointment(302)),
        ("sales", 2, lambda links: links.sale(403)),
    ],
)
def test_double_click_emits_the_items_deep_link(
    qtbot: QtBot,
    window: ContactWindow,
    summary: ContactSummary,
    links: WebClientLinks,
    tab: str,
    row: int,
    expected: Callable[[WebClientLinks], str],
):
    window.show_summary(summary)
    window.show()
    qtbot.waitExposed(window)
    page = window.pages[tab]
    window.tabs.setCurrentWidget(page)
    rect = page.view.visualRect(page.proxy.mapFromSource(source_index(page, row, 0)))

    with qtbot.waitSignal(window.link_activated) as blocker:
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert blocker.args == [expected(links)]


def test_a_chat_opens_its_company(
    qtbot: QtBot, window: ContactWindow, summary: ContactSummary, links: WebClientLinks
):
    """ui/soprotocol/navigation-points.md names a chat target but no id parameter for it:
    the company opens rather than a guessed link."""
    window.show_summary(summary)
    page = window.pages["chats"]
    page.view.setCurrentIndex(page.proxy.index(0, 0))

    with qtbot.waitSignal(window.link_activated) as blocker:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)

    assert blocker.args == [links.contact(34)]


def test_enter_in_the_filter_opens_the_first_match(
    qtbot: QtBot, window: ContactWindow, summary: ContactSummary, links: WebClientLinks
):
    window.show_summary(summary)
    window.filter_edit.setText("login")
    window.filter_edit.setText("log in")

    with qtbot.waitSignal(window.link_activated) as blocker:
        qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)

    assert blocker.args == [links.ticket(102)]


def test_rows_are_read_only_and_select_whole_rows(window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)
    page = window.pages["tickets"]
    flags = page.model.flags(page.model.index(0, 0))

    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert page.view.selectionBehavior() == page.view.SelectionBehavior.SelectRows
    assert page.view.alternatingRowColors()
    assert page.view.isSortingEnabled()


def test_a_newer_summary_replaces_the_rows(
    window: ContactWindow, summary: ContactSummary, now: datetime
):
    window.show_summary(summary)
    extra = Activity(203, 0, now, "Callback", "NotStarted", now)

    window.show_summary(replace(summary, followups=[*summary.followups, extra]))

    assert window.tabs.tabText(1) == "Follow-ups (3)"
    assert "Callback" in column_texts(window.pages["followups"])


def test_show_more_appears_where_a_list_reached_the_limit(
    qtbot: QtBot, window: ContactWindow, summary: ContactSummary
):
    window.show_summary(summary, limit=3)
    tickets, followups = window.pages["tickets"], window.pages["followups"]
    assert tickets.more_button.isVisibleTo(tickets)
    assert not followups.more_button.isVisibleTo(followups)

    with qtbot.waitSignal(window.more_requested) as blocker:
        qtbot.mouseClick(tickets.more_button, Qt.MouseButton.LeftButton)

    assert blocker.args == ["tickets"]
    assert tickets.more_button.text() == "Loading more…"
    assert not tickets.more_button.isEnabled()
    assert not window.busy.isHidden()
    window.show_summary(summary, limit=6)
    assert not tickets.more_button.isVisibleTo(tickets)
    assert window.tabs.tabText(0) == "Tickets (3)"


def test_a_failed_show_more_can_be_pressed_again(window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary, limit=3)
    tickets = window.pages["tickets"]
    tickets.more_button.click()
    window.show_error("SuperOffice did not answer in time.")
    assert tickets.more_button.isEnabled()
    assert tickets.more_button.text() == "Show more"


def test_statuses_have_icons(window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)

    def icon_key(tab: str, row: int, column: int) -> int:
        icon = window.pages[tab].model.index(row, column).data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon) and not icon.isNull()
        return icon.cacheKey()

    open_ticket, closed_ticket, other = (icon_key("tickets", r, 1) for r in range(3))
    assert len({open_ticket, closed_ticket, other}) == 3
    assert icon_key("followups", 0, 2) == open_ticket  # not started: still to do
    assert icon_key("sales", 1, 1) != icon_key("sales", 0, 1)  # sold vs open
    assert window.pages["tickets"].model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_tab_labels_with_ampersands_in_counts_stay_plain(
    window: ContactWindow, summary: ContactSummary
):
    window.show_summary(summary)
    window.filter_edit.setText("&")
    assert window.tabs.tabText(0) == "Tickets (0 of 3)"


def test_cells_are_sized_as_the_style_sizes_them(window: ContactWindow, summary: ContactSummary):
    # Columns sized to their contents ask every cell; the answers are remembered by text, and
    # must be what the style itself says (with the status icon where there is one).
    window.show_summary(summary)
    plain = QStyledItemDelegate()
    for key in ("tickets", "followups", "sales"):
        page = window.pages[key]
        view = page.view
        delegate = view.itemDelegate()
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.decorationSize = view.iconSize() if view.iconSize().isValid() else QSize(16, 16)
        for row in range(page.proxy.rowCount()):
            for column in range(page.proxy.columnCount()):
                index = page.proxy.index(row, column)
                for _ in range(2):  # measured, then remembered
                    assert delegate.sizeHint(option, index) == plain.sizeHint(option, index)
