"""What the Recent calls menu shows of one past call.

The call history (issue 5) owns the calls; the UI only needs this small, display-ready view of
each, so the two can grow apart without either knowing the other's storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MAX_RECENT_CALLS = 20


@dataclass(frozen=True, slots=True)
class RecentCall:
    """One past call, newest first in a list.

    ``when`` is timezone-aware; ``number`` is display text ("+47 22 33 44 55", or "Withheld
    number"); ``who`` names the caller ("Ola Nordmann — Acme AS") or is "" when the number
    matched nobody; ``contact_id`` is the company to reopen, None for an unknown caller;
    ``person_id`` the person who called, when one matched (0 or None: the company's number).
    """

    when: datetime
    number: str
    who: str
    contact_id: int | None
    answered: bool
    person_id: int | None = None

    def __post_init__(self) -> None:
        if self.when.tzinfo is None or self.when.utcoffset() is None:
            raise ValueError("RecentCall.when must be timezone-aware")

    @property
    def is_known(self) -> bool:
        return self.contact_id is not None and self.contact_id > 0
