"""Matching an incoming number against the cached caller IDs (DESIGN §4)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from screenpop.core.models import CallerId
from screenpop.core.phone import MIN_EXTERNAL_DIGITS, IncomingNumber, NumberKind


class MatchedBy(StrEnum):
    EXACT = "exact"  # tier 1: the same E.164 number
    NATIONAL = "national"  # tier 2: the same national significant number, country unknown
    TRAILING = "trailing"  # tier 2: one number's last 7+ digits are the other number
    LIVE = "live"  # not cached: found in the whole CRM, its number checked by the tiers above


@dataclass(frozen=True, slots=True)
class CacheEntry:
    """A cached caller ID with its E.164 form, computed once at sync."""

    caller: CallerId
    e164: str


class CallerIndex(Protocol):
    """What the matcher needs of the cache (``screenpop.store`` provides it, all indexed).

    Digits are ASCII digits only; "E.164 digits" are an entry's E.164 form without the "+".
    """

    def find_e164(self, e164: str) -> list[CacheEntry]:
        """Entries whose E.164 form is exactly ``e164`` ("+4722334455")."""
        ...

    def find_national(self, nsn: str) -> list[CacheEntry]:
        """Entries whose national significant number is ``nsn`` (E.164 without the country
        code: "22334455" for +4722334455; Italy keeps its 0: "0612345678")."""
        ...

    def find_ending_with(self, digits: str, limit: int) -> list[CacheEntry]:
        """Up to ``limit`` entries whose E.164 digits end with ``digits``."""
        ...

    def find_suffixes_of(self, digits: str, min_length: int) -> list[CacheEntry]:
        """Entries whose E.164 digits are a suffix of ``digits``, at least ``min_length`` long
        (the incoming number carries extra leading digits, e.g. an unknown PBX prefix)."""
        ...


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


MIN_TRAILING_DIGITS = MIN_EXTERNAL_DIGITS
# A 7-digit ending can be shared by many numbers; beyond this many the match says nothing.
MAX_TRAILING_CANDIDATES = 25


def match(index: CallerIndex, incoming: IncomingNumber) -> list[Candidate]:
    """All candidates of the first tier with a hit, best first; [] for none or withheld.

    Tiers (DESIGN §4): the exact E.164 number; then, only when the incoming number has no
    trustworthy country, its national significant number, then its trailing digits.
    """
    if incoming.kind is not NumberKind.NUMBER:
        return []
    if incoming.e164 is not None:
        # Every cached entry has an E.164 form, so a trusted number that misses here could
        # only match a different number by its ending: rule 3 forbids that.
        return rank(index.find_e164(incoming.e164), MatchedBy.EXACT)
    national = _ranked_groups(
        (index.find_national(nsn) for nsn in incoming.national), MatchedBy.NATIONAL
    )
    if national:
        return national
    return _trailing(index, incoming)


def _trailing(index: CallerIndex, incoming: IncomingNumber) -> list[Candidate]:
    """One number's last 7+ digits are the other number; the longest overlap first."""
    ending = incoming.trailing
    if len(ending) < MIN_TRAILING_DIGITS:
        return []  # too short, or a trailing match is not allowed for this number
    by_overlap: dict[int, list[CacheEntry]] = {}
    found = index.find_ending_with(ending, MAX_TRAILING_CANDIDATES)
    if found:
        by_overlap[len(ending)] = list(found)
    if len(incoming.digits) >= MIN_TRAILING_DIGITS:
        for entry in index.find_suffixes_of(incoming.digits, MIN_TRAILING_DIGITS):
            by_overlap.setdefault(len(entry.e164.lstrip("+")), []).append(entry)
    return _ranked_groups(
        (by_overlap[overlap] for overlap in sorted(by_overlap, reverse=True)), MatchedBy.TRAILING
    )


def _ranked_groups(groups: Iterable[list[CacheEntry]], matched_by: MatchedBy) -> list[Candidate]:
    """Each group in ``rank``'s order, better groups first, everyone once."""
    seen: set[tuple[int, int]] = set()
    ranked: list[Candidate] = []
    for group in groups:
        for candidate in rank(group, matched_by):
            key = (candidate.person_id, candidate.contact_id)
            if key not in seen:
                seen.add(key)
                ranked.append(candidate)
    return ranked
