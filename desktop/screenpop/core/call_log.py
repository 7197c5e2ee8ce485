"""What a call becomes in SuperOffice: which calls are logged, against whom, and the text.

A call is logged as an appointment (``rest/Appointment/v1AppointmentEntity_PostAppointmentEntity
.md``) with the person and company who called, its start and end, ``Completed`` and a
description: a headline (direction, number, outcome), the agent's note, and a reference
(:func:`marker`) by which the app finds the appointment again, so a log whose answer was lost
is never sent twice. Nothing here does I/O; the outbox (:mod:`screenpop.store.outbox`) keeps
the logs and the sender (:mod:`screenpop.services.call_log_sender`) sends them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screenpop.core.matching import Candidate

# SuperOffice keeps an appointment's text in the text table: "max 2047 significant
# characters" (database/tables/text.md). The whole description stays within it, so the
# reference at its end always survives.
MAX_DESCRIPTION_CHARS = 2047
# The headline and the reference take a few hundred characters at most; a note the rest.
HEADLINE_MAX_CHARS = 200
NOTE_MAX_CHARS = 1800
_MARKER_PREFIX = "spcall-"
_MARKER = re.compile(r"spcall-[0-9a-f]{20}")
# Control characters other than newline and tab break the CRM's text boxes (and XML exports).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class LogCalls(StrEnum):
    """Which calls are logged in SuperOffice (the ``log_calls`` setting)."""

    OFF = "off"
    ASK = "ask"  # the ended call offers "Log call"
    ANSWERED = "answered"  # answered calls are logged by themselves
    ALL = "all"  # missed and unanswered ones too


class LogDecision(StrEnum):
    LOG = "log"  # queue it now
    OFFER = "offer"  # offer "Log call" to the agent
    SKIP = "skip"  # not logged


def decide(mode: LogCalls, *, answered: bool, known: bool) -> LogDecision:
    """What becomes of an ended call. ``known``: it has a SuperOffice company to log against
    (an unknown caller is not logged: an appointment with nobody on it helps no one)."""
    if mode is LogCalls.OFF or not known:
        return LogDecision.SKIP
    if answered:
        return LogDecision.OFFER if mode is LogCalls.ASK else LogDecision.LOG
    # Missed incoming calls, and outgoing ones nobody answered: only "all" logs them.
    return LogDecision.LOG if mode is LogCalls.ALL else LogDecision.SKIP


@dataclass(frozen=True, slots=True)
class Party:
    """Whom a log is for: ``contact_id`` 0 means nobody known; ``person_id`` 0 the company."""

    person_id: int = 0
    contact_id: int = 0
    who: str = ""

    @property
    def known(self) -> bool:
        return self.contact_id > 0


def party_of(candidates: Sequence[Candidate], chosen: Candidate | None = None) -> Party:
    """The person and company a call is logged against: the one the agent chose, the only
    candidate, the company all candidates share (a switchboard), else nobody."""
    if chosen is not None:
        return _party(chosen)
    if len(candidates) == 1:
        return _party(candidates[0])
    companies = {candidate.contact_id for candidate in candidates}
    if len(companies) == 1:
        first = candidates[0]
        return Party(0, first.contact_id, first.contact_name)
    return Party()


def _party(candidate: Candidate) -> Party:
    if candidate.is_company or not candidate.person_name:
        return Party(0, candidate.contact_id, candidate.contact_name)
    who = candidate.person_name
    if candidate.contact_name:
        who = f"{who} ({candidate.contact_name})"
    return Party(candidate.person_id, candidate.contact_id, who)


def log_id(call_key: str, started_at: float) -> str:
    """One id per call, the same wherever it is computed: a second "Log call", or the end of
    the call heard by the app after a restart, finds the same log."""
    digest = hashlib.sha256(f"{call_key}\n{started_at:.6f}".encode()).hexdigest()
    return digest[:20]


def marker(log: str) -> str:
    """The reference written into the description: letters, digits and a hyphen only, so a
    ``contains`` search finds it literally (no LIKE wildcards such as ``[`` or ``_``)."""
    return f"{_MARKER_PREFIX}{log}"


def has_marker(text: str, log: str) -> bool:
    return marker(log) in _MARKER.findall(text)


def clean_note(text: str) -> str:
    """A note as it is kept: newlines made plain, control characters out, trailing space
    trimmed, and no longer than :data:`NOTE_MAX_CHARS` (the editor says so before it cuts)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).rstrip()
    return text[:NOTE_MAX_CHARS]


def description(headline: str, note: str, log: str) -> str:
    """The appointment's text: the headline, the note, and the reference last; within
    :data:`MAX_DESCRIPTION_CHARS` whatever the headline holds (its CRM text is data)."""
    reference = f"Screenpop {marker(log)}"
    headline = _CONTROL.sub("", headline.replace("\n", " ")).strip()[:HEADLINE_MAX_CHARS]
    room = MAX_DESCRIPTION_CHARS - len(reference) - len(headline) - 4  # 4: the blank lines
    body = clean_note(note)[: max(0, room)]
    return "\n\n".join(part for part in (headline, body, reference) if part)


def appointment_times(
    started_at: float, answered_at: float | None, ended_at: float | None
) -> tuple[float, float]:
    """Start and end of the appointment: the talk (answer to hang-up); for a call nobody
    answered, its ring. A call whose end never came ends where it was last known."""
    start = answered_at if answered_at is not None else started_at
    end = ended_at if ended_at is not None else start
    return start, max(start, end)
