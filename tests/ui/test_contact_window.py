"""The contact window: header, states (loading, ready, refreshing, error, offline), keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate
from screenpop.core.models import Contact, ContactSummary, Ticket
from screenpop.ui.contact_window import ContactWindow, ViewState
from screenpop.ui.text import short_time
from screenpop.ui.widgets import LinkLabel
from tests.ui.conftest import shown_page, window_summary_placeholder


def test_links_open_in_the_browser_by_default(
    window: ContactWindow, summary: ContactSummary, links: WebClientLinks, opened_urls: list[str]
):
    window.show_summary(summary)

    window.company_label.clicked.emit()

    assert opened_urls == [links.contact(34)]


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


def test_loading_state_is_a_skeleton_that_moves(qtbot: QtBot, window: ContactWindow):
    assert window.view_state() is ViewState.LOADING
    assert window.is_loading()
    assert window.status_label.text() == "Loading…"
    assert window.busy.isHidden()  # the skeletons say it; the bar is for refreshing
    assert all(page.is_showing_skeleton() for page in window.pages.values())
    assert window.tabs.tabText(0) == "Tickets"
    # Before the summary arrives the caller already names the company and the person.
    assert window.company_label.text() == "Acme Logistics AS"
    assert window.caller_label.text() == "Mr Ola Nordmann"
    assert window.header.skeleton.isVisibleTo(window)

    window.show()
    qtbot.waitExposed(window)
    skeleton = window.current_page().skeleton
    assert skeleton.is_animating()
    first = skeleton.bar_color().name()
    # Not a frozen window: the placeholders pulse while the summary is on its way.
    qtbot.waitUntil(lambda: skeleton.bar_color().name() != first, timeout=2000)
    window.show_summary(window_summary_placeholder())
    assert not skeleton.is_animating()
    assert not window.header.skeleton.isVisibleTo(window)


def test_error_banner_with_retry(qtbot: QtBot, window: ContactWindow):
    window.show_error("SuperOffice did not answer in time.")

    assert not window.banner.isHidden()
    assert window.banner.message.text() == "SuperOffice did not answer in time."
    assert window.busy.isHidden()
    assert window.view_state() is ViewState.ERROR
    assert shown_page(window.pages["tickets"]) == "Could not load the tickets"
    assert shown_page(window.pages["followups"]) == "Could not load the follow-ups"
    assert window.updated_label.isHidden()
    with qtbot.waitSignal(window.refresh_requested):
        qtbot.mouseClick(window.banner.button, Qt.MouseButton.LeftButton)


def test_an_error_keeps_the_summary_already_shown(window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)

    window.show_loading()
    assert window.view_state() is ViewState.REFRESHING
    assert not window.busy.isHidden()
    assert shown_page(window.pages["tickets"]) == "table"
    assert window.updated_label.text() == "Updated just now · refreshing…"
    window.show_error("Cannot reach SuperOffice at crm.example (nothing answered).")

    assert window.view_state() is ViewState.OFFLINE
    assert not window.banner.isHidden()
    assert window.banner.message.text() == (
        "Cannot reach SuperOffice at crm.example (nothing answered).\n"
        "Showing the summary as it was last loaded; Retry to update it."
    )
    assert window.updated_label.text().startswith("Last updated just now (")
    assert shown_page(window.pages["tickets"]) == "table"
    assert window.tabs.tabText(0) == "Tickets (3)"
    window.show_summary(summary)
    assert window.banner.isHidden()
    assert window.view_state() is ViewState.READY


def test_a_cached_summary_says_how_old_it_is(
    window: ContactWindow, summary: ContactSummary, now: datetime
):
    fetched = now - timedelta(minutes=4)
    window.show_summary(summary, 25, fetched)
    window.show_loading()
    assert window.updated_label.text() == "Updated 4 minutes ago · refreshing…"
    window.show_error("SuperOffice answered 503: Service Unavailable")
    assert window.updated_label.text() == f"Last updated 4 minutes ago ({short_time(fetched)})"
    assert window.fetched_at() == fetched


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

    assert window.note_label.text() == "· 2 items could not be read"
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
    # The keyboard follows onto the new tab's rows, the first one selected for Enter.
    followups = window.pages["followups"].view
    assert QApplication.focusWidget() is followups
    assert followups.selectionModel().selectedRows()[0].row() == 0
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


def test_junk_long_crm_values_do_not_widen_the_window(qtbot):
    junk = "x" * 600
    contact = Contact(
        1,
        junk,
        department=junk,
        our_contact=junk,
        address=junk,
        email=junk,
        web_site=junk,
        phone=junk,
    )
    window = ContactWindow(1, None, None)
    qtbot.addWidget(window)
    window.show_summary(ContactSummary(contact, tickets=[Ticket(1, 1, junk, None)]))
    assert window.minimumSizeHint().width() < 800


def test_header_links_open_mail_and_web(
    window: ContactWindow, summary: ContactSummary, opened_urls: list[str]
):
    window.show_summary(summary)
    email, web = window.details["email"], window.details["web_site"]
    assert isinstance(email, LinkLabel) and email.is_active()
    assert isinstance(web, LinkLabel) and web.is_active()

    email.clicked.emit()
    web.clicked.emit()

    assert opened_urls == ["mailto:post@acme.example", "https://www.acme.example"]


@pytest.mark.parametrize(
    ("email", "web"),
    [
        ("not an address", "javascript:alert(1)"),
        ("<b>x</b>@y.z", "file:///etc/passwd"),
        ("a@b", "http://"),
    ],
)
def test_junk_addresses_are_text_not_links(
    window: ContactWindow,
    summary: ContactSummary,
    make_contact: Callable[..., Contact],
    opened_urls: list[str],
    email: str,
    web: str,
):
    window.show_summary(replace(summary, contact=make_contact(email=email, web_site=web)))
    email_label, web_label = window.details["email"], window.details["web_site"]
    assert isinstance(email_label, LinkLabel) and isinstance(web_label, LinkLabel)

    assert email_label.text() == email and not email_label.is_active()
    assert web_label.text() == web and not web_label.is_active()
    email_label.clicked.emit()
    assert opened_urls == []


def test_ctrl_w_closes(qtbot: QtBot, window: ContactWindow, summary: ContactSummary):
    window.show_summary(summary)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.closed):
        qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
