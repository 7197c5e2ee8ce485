"""Call events as every trigger hands them to the app."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CallState(StrEnum):
    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"


class Direction(StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


@dataclass(frozen=True, slots=True)
class CallEvent:
    number: str
    state: CallState = CallState.RINGING
    call_id: str = ""
    display_name: str = ""
    source: str = "cli"
    direction: Direction = Direction.INCOMING
