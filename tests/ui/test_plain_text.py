"""CRM text is data: markup in any field is shown as the characters it is, never rendered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from screenpop.core.calls import CallState
from screenpop.core.links import WebClientLinks
from screenpop.core.matching import Candidate
from screenpop.core.models import Activity, Chat, Contact, ContactSummary, Sale, Ticket
from screenpop.core.phone import IncomingNumber
from screenpop.ui.contact_window import ContactWindow
from screenpop.ui.find_dialog import FindDialog
from screenpop.ui.toast import CallToast

EVIL = "<b>x</b> <img src=x> <a href=y>z</a>"
TAGS = ("<b>x</b>", "<img src=x>", "<a href=y>z</a>")


def shows_literally(text: str) -> bool:
    return all(tag in text for tag in TAGS)


def rendered_tooltip(tooltip: str) -> str:
    """What Qt shows for a tooltip (rich text when it looks like HTML)."""
    if not QtGui_Qt.mightBeRichText(tooltip):  # a QtGui function in Qt's namespace
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def assert_nothing_rendered(root: QWidget) -> int:
    """Every label with markup in it is plain text; every tooltip shows markup as text."""
    literal = 0
    for label in [root, *root.findChildren(QWidget)]:
        if isinstance(label, QLabel) and "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
            literal += shows_literally(label.text())
    for widget in [root, *root.findChildren(QWidget)]:
        tooltip = widget.toolTip()
        assert not any(tag in tooltip for tag in TAGS), tooltip
        if "&lt;" in tooltip:
            assert shows_literally(rendered_tooltip(tooltip)), tooltip
    return literal


@pytest.fixture
def evil_candidate(make_candidate: Callable[..., Candidate]) -> Candidate:
    return make_candidate(person_name=EVIL, mrmrs=EVIL, contact_name=EVIL)


@pytest.fixture
def evil_summary(now: datetime) -> ContactSummary:
    return ContactSummary(
        contact=Contact(34, EVIL, EVIL, EVIL, EVIL, EVIL, EVIL, EVIL, EVIL, EVIL, EVIL),
        tickets=[Ticket(1, 1, EVIL, now, EVIL)],
        followups=[Activity(2, 0, now, EVIL, EVIL, now)],
        documents=[Activity(3, 4, now - timedelta(days=2), EVIL, EVIL, now)],
        sales=[Sale(5, now, 10, EVIL, 100.0, EVIL, 100.0, EVIL, EVIL, now)],
        chats=[Chat(6, EVIL, EVIL, EVIL, EVIL, now, now)],
        skipped=1,
    )


def test_contact_window_shows_markup_as_text(
    qtbot: QtBot,
    evil_candidate: Candidate,
    evil_summary: ContactSummary,
    links: WebClientLinks,
):
    window = ContactWindow(34, evil_candidate, links)
    qtbot.addWidget(window)
    window.show_summary(evil_summary)
    window.show_error(EVIL)
    window.show()
    qtbot.waitExposed(window)

    # Company, department/category, caller, 5 details and the error message.
    assert assert_nothing_rendered(window) >= 9
    assert shows_literally(window.company_label.text())
    assert shows_literally(window.caller_label.text())
    assert shows_literally(window.banner.message.text())
    assert all(shows_literally(label.text()) for label in window.details.values())
    assert shows_literally(window.windowTitle())

    cells = 0
    for page in window.pages.values():
        model = page.model
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                display = index.data(Qt.ItemDataRole.DisplayRole)
                tooltip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
                assert not any(tag in tooltip for tag in TAGS)
                if shows_literally(display):
                    cells += 1
                    assert shows_literally(rendered_tooltip(tooltip))
    # Title, description ×2, heading, sale status, amount (currency), chat name/company/message.
    assert cells == 9


def test_toast_shows_markup_as_text(
    qtbot: QtBot, incoming: IncomingNumber, evil_candidate: Candidate, make_candidate
):
    single = CallToast(incoming, [evil_candidate], CallState.RINGING)
    several = CallToast(
        incoming,
        [evil_candidate, make_candidate(person_id=9, contact_name=EVIL + "!")],
        CallState.RINGING,
    )
    for toast in (single, several):
        qtbot.addWidget(toast)
        toast.show()
        qtbot.waitExposed(toast)

    assert assert_nothing_rendered(single) == 2
    assert assert_nothing_rendered(several) >= 3
    assert shows_literally(single.windowTitle())
    assert shows_literally(several.choice_rows[0].name_label.text())


def test_find_results_show_markup_as_text(qtbot: QtBot, evil_candidate: Candidate):
    dialog = FindDialog(lambda query: [evil_candidate])
    qtbot.addWidget(dialog)
    dialog.search_edit.setText("x")
    dialog.run_search()

    item = dialog.results.item(0)
    assert shows_literally(item.text())
    assert not any(tag in item.toolTip() for tag in TAGS)
    assert shows_literally(rendered_tooltip(item.toolTip()))
