"""Which calls are logged, against whom, and the text they get: within what SuperOffice keeps
(``database/tables/text.md``: "max 2047 significant characters"), the reference last."""

from __future__ import annotations

import pytest

from screenpop.core.call_log import (
    MAX_DESCRIPTION_CHARS,
    NOTE_MAX_CHARS,
    LogCalls,
    LogDecision,
    appointment_times,
    clean_note,
    decide,
    description,
    has_marker,
    log_id,
    marker,
    party_of,
)
from screenpop.core.matching import Candidate, MatchedBy


def _candidate(person_id: int, contact_id: int, name: str = "Kari Nordmann") -> Candidate:
    return Candidate(person_id, contact_id, name if person_id else "", "", f"Company {contact_id}",
                     "+4722334455", MatchedBy.EXACT)  # fmt: skip


@pytest.mark.parametrize(
    ("mode", "answered", "expected"),
    [
        (LogCalls.OFF, True, LogDecision.SKIP),
        (LogCalls.OFF, False, LogDecision.SKIP),
        (LogCalls.ASK, True, LogDecision.OFFER),
        (LogCalls.ASK, False, LogDecision.SKIP),  # missed calls: only with "all"
        (LogCalls.ANSWERED, True, LogDecision.LOG),
        (LogCalls.ANSWERED, False, LogDecision.SKIP),
        (LogCalls.ALL, True, LogDecision.LOG),
        (LogCalls.ALL, False, LogDecision.LOG),
    ],
)
def test_the_modes(mode: LogCalls, answered: bool, expected: LogDecision) -> None:
    assert decide(mode, answered=answered, known=True) is expected


def test_an_unknown_caller_is_never_logged() -> None:
    assert decide(LogCalls.ALL, answered=True, known=False) is LogDecision.SKIP


def test_whom_a_call_is_logged_against() -> None:
    kari, ola = _candidate(12, 34), _candidate(13, 34, "Ola Nordmann")
    assert party_of([kari]).person_id == 12 and party_of([kari]).contact_id == 34
    assert party_of([kari]).who == "Kari Nordmann (Company 34)"
    # A switchboard shared by one company's people: the company, until the agent chooses.
    shared = party_of([kari, ola])
    assert (shared.person_id, shared.contact_id, shared.who) == (0, 34, "Company 34")
    assert party_of([kari, ola], chosen=ola).person_id == 13
    # Several companies: nobody, unless chosen.
    assert not party_of([kari, _candidate(14, 99)]).known
    assert not party_of([]).known
    assert party_of([_candidate(0, 34)]).person_id == 0


def test_one_id_per_call_wherever_it_is_computed() -> None:
    assert log_id("1-99@pbx", 1_700_000_000.25) == log_id("1-99@pbx", 1_700_000_000.25)
    assert log_id("1-99@pbx", 1_700_000_000.25) != log_id("1-99@pbx", 1_700_000_001.25)
    reference = marker(log_id("+4722334455", 1.0))
    # A literal for the archive's "contains": no LIKE wildcards, no spaces, no quotes.
    assert reference.replace("-", "").isalnum() and reference.islower()


def test_a_100_kb_note_keeps_the_description_within_what_superoffice_keeps() -> None:
    note = ("Customer called about invoice 4711. " * 3000)[:100_000]
    text = description("Incoming call from +47 22 33 44 55 (answered, 3 min)", note, "a" * 20)
    assert len(text) <= MAX_DESCRIPTION_CHARS
    assert text.startswith("Incoming call from +47 22 33 44 55")
    # The reference is last, whole: the app finds the appointment by it.
    assert text.endswith(f"Screenpop {marker('a' * 20)}") and has_marker(text, "a" * 20)
    assert len(clean_note(note)) == NOTE_MAX_CHARS


def test_text_with_html_and_control_characters_is_kept_as_text() -> None:
    note = "<b>Angry</b> <img src=x onerror=alert(1)>\r\nCall back\x00\x07 tomorrow\t!  "
    assert clean_note(note) == "<b>Angry</b> <img src=x onerror=alert(1)>\nCall back tomorrow\t!"
    text = description("Incoming call\nfrom <i>x</i>", note, "b" * 20)
    assert text.splitlines()[0] == "Incoming call from <i>x</i>"
    assert "<img src=x onerror=alert(1)>" in text


def test_without_a_note_the_text_is_the_headline_and_the_reference() -> None:
    assert description("Missed call from +4722334455", "  \n", "c" * 20) == (
        f"Missed call from +4722334455\n\nScreenpop {marker('c' * 20)}"
    )


def test_the_appointment_is_the_talk_or_the_ring() -> None:
    assert appointment_times(100.0, 110.0, 300.0) == (110.0, 300.0)
    assert appointment_times(100.0, None, 130.0) == (100.0, 130.0)  # missed: its ring
    assert appointment_times(100.0, 110.0, None) == (110.0, 110.0)  # its end never came
    assert appointment_times(100.0, 110.0, 105.0) == (110.0, 110.0)  # clocks that disagree
