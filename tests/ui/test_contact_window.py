from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDateTime, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate
from screenpop.core.models import Activity, Contact, ContactSummary, Ticket
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.summary_tab import SummaryTab
from screenpop.ui.summary_tables import SORT_ROLE
from screenpop.ui.text import plain_tooltip


@pytest.fixture
def window(qtbot: QtBot, candidate: Candidate, links: WebClientLinks) -> ContactWindow:
    window = ContactWindow(34, candidate, links)
    qtbot.addWidget(window)
    return window


def column_texts(page: SummaryTab, column: int = 0) -> list[str]:
    proxy = page.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def source_index(page: SummaryTab, row: int, column: int) -> QModelIndex:
    return page.model.index(row, column)


def shown_page(page: SummaryTab) -> str:
    return "table" if page.stack.currentWidget() is page.view else page.message.text()


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
    # Shown as "2 hours ago", "3 days ago", "yesterday": alphabetical order is not time order.
    assert sorted(column_texts(page, 2)) == ["2 hours ago", "3 days ago", "yesterday"]

    page.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)

    assert column_texts(page, 2) == ["3 days ago", "yesterday", "2 hours ago"]
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
    window.show_summary(summary)

    assert [window.pages["tickets"].model.index(r, 1).data() for r in range(3)] == [
        "Open",
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


def test_chats_have_no_link(qtbot: QtBot, window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)
    page = window.pages["chats"]
    page.view.setCurrentIndex(page.proxy.index(0, 0))

    with qtbot.assertNotEmitted(window.link_activated):
        qtbot.keyClick(page.view, Qt.Key.Key_Return)


def test_links_open_in_the_browser_by_default(
    window: ContactWindow, summary: ContactSummary, links: WebClientLinks, opened_urls: list[str]
):
    window.show_summary(summary)

    window.company_label.clicked.emit()

    assert opened_urls == [links.contact(34)]


def test_enter_in_the_filter_opens_the_first_match(
    qtbot: QtBot, window: ContactWindow, summary: ContactSummary, links: WebClientLinks
):
    window.show_summary(summary)
    window.filter_edit.setText("login")
    window.filter_edit.setText("log in")

    with qtbot.waitSignal(window.link_activated) as blocker:
        qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)

    assert blocker.args == [links.ticket(102)]


def test_title_names_company_and_person(window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)
    assert window.windowTitle() == "Acme Logistics AS — Mr Ola Nordmann · Screenpop"

    window.set_caller(None)
    assert window.windowTitle() == "Acme Logistics AS · Screenpop"


def test_a_company_number_names_no_person(
    qtbot: QtBot, make_candidate: Callable[..., Candidate], links: WebClientLinks
):
    window = ContactWindow(34, make_candidate(person_id=0, person_name=""), links)
    qtbot.addWidget(window)

    assert window.windowTitle() == "Acme Logistics AS · Screenpop"
    assert window.caller_label.isHidden()


def test_header_shows_the_company_and_the_caller(window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)

    assert window.company_label.text() == "Acme Logistics AS"
    assert window.subtitle_label.text() == "Customer Service · Key account"
    assert window.caller_label.text() == "Mr Ola Nordmann"
    assert window.details["address"].text() == "Storgata 1\n0155 Oslo\nNorway"
    assert window.details["our_contact"].text() == "Kari Hansen"
    assert window.note_label.isHidden()


def test_empty_contact_fields_are_hidden(
    window: ContactWindow, summary: ContactSummary, make_contact: Callable[..., Contact]
):
    window.show_summary(replace(summary, contact=make_contact(web_site="", email="")))

    assert window.details["web_site"].isHidden()
    assert window.details["email"].isHidden()
    assert not window.details["phone"].isHidden()


def test_loading_state_is_visible(window: ContactWindow):
    assert window.is_loading()
    assert window.status_label.text() == "Loading…"
    assert not window.busy.isHidden()
    assert all(shown_page(page) == "Loading…" for page in window.pages.values())
    assert window.tabs.tabText(0) == "Tickets"
    # Before the summary arrives the caller already names the company.
    assert window.company_label.text() == "Acme Logistics AS"


def test_error_banner_with_retry(qtbot: QtBot, window: ContactWindow):
    window.show_error("SuperOffice did not answer in time.")

    assert not window.banner.isHidden()
    assert window.banner.message.text() == "SuperOffice did not answer in time."
    assert window.busy.isHidden()
    assert shown_page(window.pages["tickets"]) == "Not available"
    with qtbot.waitSignal(window.refresh_requested):
        qtbot.mouseClick(window.banner.button, Qt.MouseButton.LeftButton)


def test_an_error_keeps_the_summary_already_shown(window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)

    window.show_loading()
    assert shown_page(window.pages["tickets"]) == "table"
    window.show_error("Offline")

    assert not window.banner.isHidden()
    assert shown_page(window.pages["tickets"]) == "table"
    assert window.tabs.tabText(0) == "Tickets (3)"
    window.show_summary(summary)
    assert window.banner.isHidden()


def test_missing_contact_falls_back_to_the_caller(window: ContactWindow, summary: ContactSummary):
    window.show_summary(replace(summary, contact=None))

    assert window.company_label.text() == "Acme Logistics AS"
    assert window.status_label.text() == "Company details unavailable"
    assert not window.status_label.isHidden()
    assert all(label.isHidden() for label in window.details.values())
    assert window.windowTitle() == "Acme Logistics AS — Mr Ola Nordmann · Screenpop"


def test_missing_contact_and_caller_names_the_id(qtbot: QtBot, summary: ContactSummary):
    window = ContactWindow(42, None, None)
    qtbot.addWidget(window)
    window.show_summary(replace(summary, contact=None))

    assert window.windowTitle() == "Contact 42 · Screenpop"
    assert not window.company_label.is_active()


def test_unreadable_items_are_mentioned(window: ContactWindow, summary: ContactSummary):
    window.show_summary(replace(summary, skipped=2))

    assert window.note_label.text() == "2 items could not be read"
    assert not window.note_label.isHidden()


def test_without_links_nothing_is_opened(qtbot: QtBot, candidate: Candidate, summary):
    window = ContactWindow(34, candidate, None)
    qtbot.addWidget(window)
    window.show_summary(summary)
    page = window.pages["tickets"]
    page.view.setCurrentIndex(page.proxy.index(0, 0))

    with qtbot.assertNotEmitted(window.link_activated):
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
        window.company_label.clicked.emit()


def test_keyboard_shortcuts(qtbot: QtBot, window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.current_page().view.setFocus()

    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(
        window,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.tabs.currentIndex() == 0
    qtbot.keyClick(
        window,
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.tabs.currentIndex() == 4

    with qtbot.waitSignal(window.refresh_requested):
        qtbot.keyClick(window, Qt.Key.Key_F5)

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.filter_edit

    qtbot.keyClicks(window.filter_edit, "abc")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    assert window.filter_edit.text() == ""
    assert window.isVisible()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    assert not window.isVisible()


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


def test_junk_long_crm_values_do_not_widen_the_window(qtbot):
    junk = "x" * 600
    contact = Contact(1, junk, department=junk, our_contact=junk, address=junk, email=junk,
                      web_site=junk, phone=junk)
    window = ContactWindow(1, None, None)
    qtbot.addWidget(window)
    window.show_summary(ContactSummary(contact, tickets=[Ticket(1, 1, junk, None)]))
    assert window.minimumSizeHint().width() < 800
