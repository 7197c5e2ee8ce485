"""CRM text is data: markup in any field is shown as the characters it is, never rendered.

Every string field of a ContactSummary, of the caller and of a recent call is filled with
markup (bold, an image of a local file, a link); every label, cell, tooltip, tab, menu entry
and window title that shows it must show those characters, and nothing may be rich text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from screenpop.core.calls import CallState
from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate
from screenpop.core.models import Activity, Chat, Contact, ContactSummary, Sale, Ticket
from screenpop.core.phone import IncomingNumber
from screenpop.core.recent import RecentCall
from screenpop.core.ticket_status import TicketBaseStatus, TicketStatuses, TicketStatusItem
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.find_dialog import FindDialog
from screenpop.ui.main_window import MainWindow
from screenpop.ui.toast import CallToast
from screenpop.ui.tray import TrayIcon

TAGS = ("<b>x</b>", "<img src=file:///etc/passwd>", "<a href=http://e>l</a>")
EVIL = " ".join(TAGS)


def shows_literally(text: str) -> bool:
    return all(tag in text for tag in TAGS)


def rendered_tooltip(tooltip: str) -> str:
    """What Qt shows for a tooltip (rich text when it looks like HTML)."""
    if not QtGui_Qt.mightBeRichText(tooltip):  # a QtGui function in Qt's namespace
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def check_tooltip(tooltip: str) -> bool:
    """No markup of ours reaches Qt's HTML renderer; True when the tooltip shows it as text."""
    assert not any(tag in tooltip for tag in TAGS), tooltip
    return shows_literally(rendered_tooltip(tooltip))


def assert_nothing_rendered(root: QWidget) -> int:
    """Every text in ``root`` with markup in it is plain; returns how many show it literally."""
    literal = 0
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QLabel) and "<" in widget.text():
            assert widget.textFormat() == Qt.TextFormat.PlainText, widget.text()
            literal += shows_literally(widget.text())
        if isinstance(widget, QAbstractButton):
            literal += shows_literally(widget.text())
        if isinstance(widget, QTabBar):
            literal += sum(shows_literally(widget.tabText(i)) for i in range(widget.count()))
        literal += check_tooltip(widget.toolTip())
        if widget.isWindow():
            literal += shows_literally(widget.windowTitle())
    return literal


def model_cells(model: QAbstractItemModel) -> int:
    """Cells showing markup literally; their tooltips must show it as text too."""
    literal = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            display = index.data(Qt.ItemDataRole.DisplayRole) or ""
            tooltip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
            if shows_literally(display):
                literal += 1
                assert check_tooltip(tooltip), tooltip
            else:
                check_tooltip(tooltip)
    return literal


def evil_strings(cls: type, **keep: object) -> dict[str, object]:
    """Every ``str`` field of the dataclass ``cls`` set to markup and the field's name (so no
    two are equal), except those in ``keep``."""
    return {
        f.name: f"{EVIL} {f.name}"
        for f in fields(cls)
        if f.type in ("str", str) and f.name not in keep
    }


@pytest.fixture
def evil_candidate(make_candidate: Callable[..., Candidate]) -> Candidate:
    return make_candidate(**evil_strings(Candidate, number=True))


@pytest.fixture
def evil_summary(now: datetime) -> ContactSummary:
    contact = Contact(contact_id=34, **evil_strings(Contact))  # type: ignore[arg-type]
    ticket = Ticket(ticket_id=1, status=1, registered=now, **evil_strings(Ticket))  # type: ignore[arg-type]
    dates = {"date": now - timedelta(days=2), "registered": now}
    followup = Activity(appointment_id=2, document_id=0, **dates, **evil_strings(Activity))  # type: ignore[arg-type]
    document = replace(followup, appointment_id=3, document_id=4)
    sale = Sale(
        sale_id=5,
        sale_date=now,
        probability=10,
        amount=100.0,
        amount_in_base_currency=100.0,
        registered=now,
        **evil_strings(Sale),  # type: ignore[arg-type]
    )
    chat = Chat(chat_session_id=6, when_requested=now, when_ended=now, **evil_strings(Chat))  # type: ignore[arg-type]
    return ContactSummary(contact, [ticket], [followup], [document], [sale], [chat], skipped=1)


def test_every_summary_field_is_filled_with_markup(evil_summary: ContactSummary):
    # The fixture really covers every text field: a new field must be added here too.
    assert evil_summary.contact is not None
    texts = [evil_summary.contact, evil_summary.tickets[0], evil_summary.followups[0]]
    texts += [evil_summary.sales[0], evil_summary.chats[0]]
    for item in texts:
        for field in fields(item):
            if field.type in ("str", str):
                value = getattr(item, field.name)
                assert value == f"{EVIL} {field.name}", (type(item).__name__, field.name)


def test_contact_window_shows_markup_as_text(
    qtbot: QtBot,
    evil_candidate: Candidate,
    evil_summary: ContactSummary,
    links: WebClientLinks,
):
    # The tenant's status names are CRM text too.
    statuses = TicketStatuses([TicketStatusItem(1, f"{EVIL} status", TicketBaseStatus.ACTIVE)])
    window = ContactWindow(34, evil_candidate, links, statuses=statuses)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Loading: the caller from the cache is shown before the summary.
    assert assert_nothing_rendered(window) >= 3
    window.show_summary(evil_summary)
    window.show_error(EVIL)
    window.filter_edit.setText("x")

    # Company, department · category · business, caller, 7 details (phone, e-mail, web site,
    # org. number, number, address, our contact; city and country inside the address), the
    # error, the title.
    assert assert_nothing_rendered(window) >= 11
    assert shows_literally(window.company_label.text())
    assert shows_literally(window.subtitle_label.text())
    assert shows_literally(window.caller_label.text())
    assert shows_literally(window.banner.message.text())
    assert all(shows_literally(label.text()) for label in window.details.values())
    assert window.details["address"].text().count("<img src=file:///etc/passwd>") == 3
    assert shows_literally(window.windowTitle())

    cells = sum(model_cells(page.model) for page in window.pages.values())
    # Ticket title and status name, follow-up and document descriptions and statuses (values
    # the reference does not list, shown as sent), sale heading, status and amount (its
    # currency), chat name, company and first message.
    assert cells == 12


def test_toasts_show_markup_as_text(
    qtbot: QtBot,
    incoming: IncomingNumber,
    evil_candidate: Candidate,
    make_candidate: Callable[..., Candidate],
):
    others = [make_candidate(person_id=i, **evil_strings(Candidate, number=True)) for i in (8, 9)]
    single = CallToast(incoming, [evil_candidate], CallState.RINGING)
    several = CallToast(incoming, [evil_candidate, *others], CallState.RINGING)
    for toast in (single, several):
        qtbot.addWidget(toast)
        toast.show()
        qtbot.waitExposed(toast)

    # Name and company (each elided, with the whole text in its tooltip), the window title.
    assert assert_nothing_rendered(single) == 5
    assert assert_nothing_rendered(several) >= 4
    assert shows_literally(single.windowTitle())
    assert all(shows_literally(row.name_label.text()) for row in several.choice_rows)
    assert several.chooser is not None and several.chooser.filter_edit is not None
    several.chooser.filter_edit.setText("<b>")
    assert len(several.chooser.visible_candidates()) == 3


def test_find_results_show_markup_as_text(qtbot: QtBot, evil_candidate: Candidate):
    dialog = FindDialog(lambda query: [evil_candidate])
    qtbot.addWidget(dialog)
    dialog.search_edit.setText("x")
    dialog.run_search()

    item = dialog.results.item(0)
    assert shows_literally(item.text())
    assert check_tooltip(item.toolTip())


@pytest.fixture
def evil_calls() -> list[RecentCall]:
    now = datetime.now(UTC)
    return [
        RecentCall(now, EVIL, EVIL, 34, True),
        RecentCall(now - timedelta(days=1), EVIL, "", None, False),
    ]


def menu_texts(actions: Iterable[QAction]) -> list[str]:
    return [action.text() for action in actions]


def test_recent_calls_show_markup_as_text(qtbot: QtBot, evil_calls: list[RecentCall]):
    tray = TrayIcon()
    tray.set_recent_calls(evil_calls)
    texts = menu_texts(tray.recent_menu.actions())
    assert all(shows_literally(text) for text in texts)
    assert all(check_tooltip(a.toolTip()) is False for a in tray.recent_menu.actions())
    tray.deleteLater()

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_recent_calls(evil_calls)
    items = [window.recent_list.item(i) for i in range(window.recent_list.count())]
    assert all(shows_literally(item.text()) for item in items)
    assert all(not check_tooltip(item.toolTip()) for item in items)
    assert_nothing_rendered(window)
