"""Checking what a live lookup found against the incoming number, by the rules of DESIGN §4.

``MDOList/phonesearch`` "matches stripped numbers" (``docs/api/mdo-providers/reference/
phonesearch.md``): digits without their country, so searching for 22 33 44 55 may also bring
back +45 22 33 44 55. Nothing pops on that alone. Each returned number (``ExtraInfo``, with its
country prefix) is read as the cache reads its numbers, and the hits go through the very
matcher the cache answers with (:func:`screenpop.core.matching.match`): a trusted incoming
number matches only the same E.164 number, an untrusted one its national number or 7+
trailing digits, and never across two known, different countries.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import phonenumbers

from screenpop.core.errors import InvalidNumberError
from screenpop.core.matching import CacheEntry, Candidate, MatchedBy, match
from screenpop.core.models import CallerId
from screenpop.core.person import HitKind, ListItem, Person
from screenpop.core.phone import MIN_EXTERNAL_DIGITS, IncomingNumber, NumberKind, parse_incoming

log = logging.getLogger(__name__)

# "Name (Company, Department) number": the outermost brackets before the trailing number.
_COMPANY_IN_NAME = re.compile(r"^[^(]*\((.+)\)[^()]*$")

MAX_HITS_CHECKED = 1000
"""A tenant answering thousands of hits (a too-short query, a broken provider): only this many
are read; the rest cannot be better than what the tiers already found."""


def search_digits(incoming: IncomingNumber) -> str:
    """What to ask phonesearch for: the national significant number of a trusted number (the
    stripped form a CRM stores, whatever country it was typed in), else the digits the matcher
    would go by; "" when the number may not be looked up at all (withheld, internal)."""
    if incoming.kind is not NumberKind.NUMBER:
        return ""
    if incoming.e164 is not None:
        try:
            parsed = phonenumbers.parse(incoming.e164, None)
        except phonenumbers.NumberParseException:
            return ""
        return str(phonenumbers.national_significant_number(parsed))
    digits = incoming.national[0] if incoming.national else incoming.trailing
    return digits if len(digits) >= MIN_EXTERNAL_DIGITS else ""


@dataclass(frozen=True, slots=True)
class _Entry:
    entry: CacheEntry
    digits: str  # E.164 without "+"
    national: str  # the national significant number


class _Found:
    """The hits as a :class:`screenpop.core.matching.CallerIndex`, in memory."""

    def __init__(self, entries: Sequence[CacheEntry]) -> None:
        self._entries = [_Entry(e, e.e164[1:], _national(e.e164)) for e in entries]

    def find_e164(self, e164: str) -> list[CacheEntry]:
        return [e.entry for e in self._entries if e.entry.e164 == e164]

    def find_national(self, nsn: str) -> list[CacheEntry]:
        return [e.entry for e in self._entries if e.national == nsn]

    def find_ending_with(self, digits: str, limit: int) -> list[CacheEntry]:
        found = sorted((e for e in self._entries if e.digits.endswith(digits)),
                       key=lambda e: len(e.digits))  # fmt: skip
        return [e.entry for e in found[:limit]]

    def find_suffixes_of(self, digits: str, min_length: int) -> list[CacheEntry]:
        return [
            e.entry
            for e in self._entries
            if len(e.digits) >= min_length and digits.endswith(e.digits)
        ]


def _national(e164: str) -> str:
    try:
        return str(phonenumbers.national_significant_number(phonenumbers.parse(e164, None)))
    except phonenumbers.NumberParseException:
        return ""


def hit_e164(extra_info: str, home_region: str) -> str | None:
    """A hit's number as E.164: ``ExtraInfo`` carries its country prefix; one that does not
    is read in the home region, as the cache reads a CRM number; None for junk."""
    try:
        parsed = parse_incoming(extra_info, home_region)
    except InvalidNumberError:
        return None
    return parsed.e164


def company_in_name(name: str) -> str:
    """The company a person hit's ``Name`` carries ("person name + company name + phone
    number", sample "Arnt Arntsen (Amadeus AS, AAvdeling) 22544545"), to show until
    ``GET Person/{id}`` names it for certain; "" when it has none."""
    found = _COMPANY_IN_NAME.match(name.strip())
    return found.group(1).strip() if found else ""


def _entry(item: ListItem, home_region: str) -> CacheEntry | None:
    kind = item.hit_kind
    e164 = hit_e164(item.extra_info or item.tooltip, home_region)
    if kind is None or item.id <= 0 or item.deleted or e164 is None:
        return None
    name = (item.full_name or item.name).strip()
    person = kind is HitKind.PERSON
    caller = CallerId(
        phone_number=int(e164[1:]),
        dial_in_prefix=0,
        person_id=item.id if person else 0,
        person_name=name if person else "",
        mrmrs="",
        contact_id=0 if person else item.id,
        contact_name=company_in_name(item.name) if person else name,
    )
    return CacheEntry(caller, e164)


def check_hits(
    items: Sequence[ListItem], incoming: IncomingNumber, home_region: str
) -> list[Candidate]:
    """The hits whose numbers are the incoming one by DESIGN §4, best first. A person's
    ``contact_id`` is 0 until :func:`resolved` names their company (``contact_name`` is the
    one their ``Name`` carries until then)."""
    if len(items) > MAX_HITS_CHECKED:
        log.info("phonesearch sent %d hits; the first %d checked", len(items), MAX_HITS_CHECKED)
    entries = [e for item in items[:MAX_HITS_CHECKED] if (e := _entry(item, home_region))]
    return match(_Found(entries), incoming)


def as_live(candidate: Candidate) -> Candidate:
    return replace(candidate, matched_by=MatchedBy.LIVE)


def resolved(candidate: Candidate, person: Person) -> Candidate:
    """A person hit with the company ``GET Person/{id}`` names (0 for a person without one)."""
    return replace(
        candidate,
        person_name=person.name or candidate.person_name,
        mrmrs=person.mrmrs,
        contact_id=person.contact_id,
        contact_name=person.contact_name,
        matched_by=MatchedBy.LIVE,
    )
