from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from screenpop.core.matching import Candidate
from screenpop.ui import find_dialog
from screenpop.ui.find_dialog import FindDialog


class FakeSearch:
    def __init__(self, results: list[Candidate]) -> None:
        self.results = results
        self.queries: list[str] = []

    def __call__(self, query: str) -> list[Candidate]:
        self.queries.append(query)
        return [c for c in self.results if query.casefold() in c.person_name.casefold()]


@pytest.fixture
def people(make_candidate: Callable[..., Candidate]) -> list[Candidate]:
    return [
        make_candidate(),
        make_candidate(person_id=13, person_name="Kari Hansen", mrmrs="Ms", number="+4791234567"),
    ]


@pytest.fixture
def dialog(qtbot: QtBot, people: list[Candidate]) -> FindDialog:
    dialog = FindDialog(FakeSearch(people))
    qtbot.addWidget(dialog)
    return dialog


def searched(dialog: FindDialog) -> FakeSearch:
    search = dialog._search
    assert isinstance(search, FakeSearch)
    return search


def test_starts_with_a_prompt(dialog: FindDialog):
    assert dialog.windowTitle() == "Find contact — Screenpop"
    assert dialog.message_text() == "Type a name or number"


def test_search_is_debounced_while_typing(qtbot: QtBot, dialog: FindDialog):
    assert find_dialog.DEBOUNCE_MS == 80
    # A long debounce for the test, so slow machines still type "ola" inside one window.
    dialog._timer.setInterval(1000)

    qtbot.keyClicks(dialog.search_edit, "ola")
    assert searched(dialog).queries == []
    qtbot.waitUntil(lambda: searched(dialog).queries != [], timeout=3000)

    assert searched(dialog).queries == ["ola"]
    assert [dialog.results.item(i).text() for i in range(dialog.results.count())] == [
        "Mr Ola Nordmann — Acme Logistics AS · +47 22 33 44 55"
    ]


def test_enter_opens_the_selected_result_and_closes(
    qtbot: QtBot, dialog: FindDialog, people: list[Candidate]
):
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.search_edit, "a")
    qtbot.waitUntil(lambda: dialog.results.count() == 2)
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Down)

    with qtbot.waitSignal(dialog.open_requested) as blocker:
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)

    assert blocker.args == [people[1]]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_enter_before_the_debounce_searches_first(
    qtbot: QtBot, dialog: FindDialog, people: list[Candidate]
):
    dialog._timer.setInterval(60_000)
    qtbot.keyClicks(dialog.search_edit, "kari")

    with qtbot.waitSignal(dialog.open_requested) as blocker:
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Enter)

    assert blocker.args == [people[1]]


def test_double_click_opens(qtbot: QtBot, dialog: FindDialog, people: list[Candidate]):
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.search_edit.setText("ola")
    dialog.run_search()
    qtbot.waitUntil(dialog.results.isVisible)
    rect = dialog.results.visualItemRect(dialog.results.item(0))

    viewport = dialog.results.viewport()
    with qtbot.waitSignal(dialog.open_requested) as blocker:
        # A real double-click starts with a press; item views only act on the pressed item.
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())

    assert blocker.args == [people[0]]


def test_no_matches_says_so(qtbot: QtBot, dialog: FindDialog):
    dialog.search_edit.setText("zzz")
    dialog.run_search()

    assert dialog.message_text() == "No matches"
    with qtbot.assertNotEmitted(dialog.open_requested):
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)


def test_clearing_the_box_returns_to_the_prompt(dialog: FindDialog):
    dialog.search_edit.setText("ola")
    dialog.run_search()
    dialog.search_edit.clear()
    dialog.run_search()

    assert dialog.message_text() == "Type a name or number"
    assert searched(dialog).queries == ["ola"]


@pytest.mark.log_warnings
def test_a_failing_search_is_shown_calmly(qtbot: QtBot, caplog: pytest.LogCaptureFixture):
    def broken(query: str) -> list[Candidate]:
        raise RuntimeError("cache is gone")

    dialog = FindDialog(broken)
    qtbot.addWidget(dialog)
    dialog.search_edit.setText("ola")

    dialog.run_search()

    assert dialog.message_text() == "Search is not available right now"
    assert "contact search failed" in caplog.text


def test_escape_closes(qtbot: QtBot, dialog: FindDialog):
    dialog.show()
    qtbot.waitExposed(dialog)

    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Escape)

    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
