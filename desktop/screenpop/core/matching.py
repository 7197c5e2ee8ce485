"""Matching an incoming number against the cached caller IDs (DESIGN §4)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from screenpop.core.models import CallerId
from screenpop.core.phone import IncomingNumber, NumberKind


class MatchedBy(StrEnum):
    EXACT = "exact"


@dataclass(frozen=True, slots=True)
class CacheEntry:
    """A cached caller ID with its E.164 form, computed once at sync."""

    caller: CallerId
    e164: str


class CallerIndex(Protocol):
    """What the matcher needs of the cache (``screenpop.store`` provides it)."""

    def find_e164(self, e164: str) -> list[CacheEntry]: ...


@dataclass(frozen=True, slots=True)
class Candidate:
    """Somebody the incoming number may belong to, and how it matched."""

    person_id: int
    contact_id: int
    person_name: str
    mrmrs: str
    contact_name: str
    number: str
    matched_by: MatchedBy

    @property
    def is_company(self) -> bool:
        return self.person_id == 0

    @property
    def display_name(self) -> str:
        return self.person_name or self.contact_name

    def to_json(self) -> dict[str, Any]:
        return {
            "PersonId": self.person_id,
            "ContactId": self.contact_id,
            "PersonName": self.person_name,
            "Mrmrs": self.mrmrs,
            "ContactName": self.contact_name,
            "Number": self.number,
            "MatchedBy": self.matched_by.value,
        }


def _candidate(entry: CacheEntry, matched_by: MatchedBy) -> Candidate:
    caller = entry.caller
    return Candidate(
        person_id=caller.person_id,
        contact_id=caller.contact_id,
        person_name=caller.person_name,
        mrmrs=caller.mrmrs,
        contact_name=caller.contact_name,
        number=entry.e164,
        matched_by=matched_by,
    )


def rank(entries: list[CacheEntry], matched_by: MatchedBy) -> list[Candidate]:
    """Best first, one per (PersonId, ContactId): persons before their company's own entry."""
    seen: set[tuple[int, int]] = set()
    ranked: list[Candidate] = []
    ordered = sorted(
        entries,
        key=lambda e: (e.caller.is_company, e.caller.person_name.casefold(), e.caller.person_id),
    )
    for entry in ordered:
        key = (entry.caller.person_id, entry.caller.contact_id)
        if key not in seen:
            seen.add(key)
            ranked.append(_candidate(entry, matched_by))
    return ranked


def match(index: CallerIndex, incoming: IncomingNumber) -> list[Candidate]:
    """All candidates of the first tier with a hit, best first; [] for none or withheld."""
    if incoming.kind is not NumberKind.NUMBER or incoming.e164 is None:
        return []
    return rank(index.find_e164(incoming.e164), MatchedBy.EXACT)
