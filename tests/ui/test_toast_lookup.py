"""The toast of a number the cache lacks: looking up, not found, could not look up, then filled
in place, as tall as a toast made for its callers from the start."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from screenpop.core.calls import CallState
from screenpop.core.matching import Candidate, MatchedBy
from screenpop.core.phone import parse_incoming
from screenpop.ui.toast import CallToast
from screenpop.ui.toast_lookup import LookupState
from tests.ui.conftest import EVIL


def _toast(qtbot: QtBot, number: str = "+4721000000", candidates: list[Candidate] | None = None
           ) -> CallToast:  # fmt: skip
    toast = CallToast(parse_incoming(number, "NO"), candidates or [], CallState.RINGING)
    qtbot.addWidget(toast)
    toast.show()
    return toast


def test_each_lookup_state_in_words(qtbot: QtBot) -> None:
    toast = _toast(qtbot)
    toast.offer_add(True)
    toast.set_lookup(LookupState.LOOKING)
    assert (toast.name_label.text(), toast.detail_label.text()) == (
        "+47 21 00 00 00",
        "Looking up in SuperOffice…",
    )
    assert toast.avatar.text() == "…"
    for button in (toast.search_button, toast.add_button):  # nothing to do yet
        assert button is None or not button.isVisibleTo(toast)
    toast.set_lookup(LookupState.NOT_FOUND)
    assert (toast.name_label.text(), toast.company_label.text(), toast.detail_label.text()) == (
        "Unknown caller",
        "+47 21 00 00 00",
        "Not found in SuperOffice",
    )
    assert toast.search_button is not None and toast.search_button.isVisibleTo(toast)
    assert toast.add_button is not None and toast.add_button.isVisibleTo(toast)
    toast.set_lookup(LookupState.FAILED, "SuperOffice did not answer in time.")
    assert toast.detail_label.text() == "Could not look up: SuperOffice did not answer in time."
    # A long reason is elided on the card and whole on hover.
    toast.set_lookup(LookupState.FAILED, "SuperOffice answered 500: " + "the database is down " * 5)
    assert "the database is down the database is down" in toast.detail_label.toolTip()


def test_filled_in_place_it_is_the_callers_toast(
    qtbot: QtBot, make_candidate: Callable[..., Candidate]
) -> None:
    found = make_candidate(matched_by=MatchedBy.LIVE, number="+4721000000")
    toast = _toast(qtbot)
    toast.offer_add(True)
    toast.set_lookup(LookupState.NOT_FOUND)
    unknown_height = toast.height()
    toast.set_candidates([found])
    assert toast.variant() == "single" and toast.lookup is LookupState.NONE
    assert toast.name_label.text() == "Mr Ola Nordmann"
    assert toast.detail_label.text() == "+47 21 00 00 00 · Found in SuperOffice"
    assert toast.windowTitle() == "Call from Mr Ola Nordmann — Screenpop"
    assert not toast.add_button.isVisibleTo(toast)  # type: ignore[union-attr]
    # As tall as a toast made for the caller at once: nothing of the unknown card is left.
    fresh = _toast(qtbot, candidates=[found])
    assert toast.height() == fresh.height() < unknown_height
    # Several callers: the chooser appears in the same toast.
    others = [found, make_candidate(person_id=13, person_name="Kari Hansen")]
    toast.set_candidates(others)
    assert toast.variant() == "multiple" and len(toast.choice_rows) == 2


def test_add_is_offered_only_where_the_app_says_so(qtbot: QtBot) -> None:
    toast = _toast(qtbot)
    assert toast.add_button is None
    toast.offer_add(True)
    assert toast.add_button is not None and toast.add_button.text() == "Add to SuperOffice…"
    with qtbot.waitSignal(toast.add_requested):
        toast.add_button.click()


def test_a_failure_reason_is_plain_text(qtbot: QtBot) -> None:
    toast = _toast(qtbot)
    for evil in EVIL:
        toast.set_lookup(LookupState.FAILED, f"SuperOffice answered 500: {evil}\nmore")
        assert toast.detail_label.textFormat().name == "PlainText"
        assert (
            toast.detail_label.text() == f"Could not look up: SuperOffice answered 500: {evil} more"
        )
