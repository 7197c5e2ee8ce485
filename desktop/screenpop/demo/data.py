"""The generated demo tenant: companies, persons and their caller IDs, all from one seed.

Persons are numbered 1..persons and grouped into companies (contacts) of varying size; the
only state kept is the company boundaries (one integer per company). Everything about a
company or person is derived from (seed, id) on demand, so a summary for one contact of a
million-person tenant costs the same as for a ten-person one.

The caller IDs are the first ``persons`` persons' and their companies' (the demo user's). The
CRM holds ``others`` more persons after them, in the same layout: the last of the user's
companies may have some, and further companies only them. They have numbers, summaries and
person records like everyone else (:mod:`screenpop.demo.persons`), but no caller IDs: only a
live lookup finds them.
"""

from __future__ import annotations

import bisect
import hashlib
import threading
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from screenpop.core.models import CallerId, ContactSummary
from screenpop.demo import bulk
from screenpop.demo.locales import (
    CATEGORIES,
    CUMULATIVE_WEIGHTS,
    DEPARTMENTS,
    LOCALE_BY_REGION,
    LOCALES,
    City,
    Locale,
    slug,
)
from screenpop.demo.numbers import (
    MAX_INDEX,
    PLANS,
    SHOWCASE_CITY,
    SHOWCASE_REGION,
    BlockNumbers,
    format_international,
    numbers_for,
)
from screenpop.demo.rng import derive, mix, pick, weighted_index
from screenpop.demo.summaries import CompanyProfile, build_summary

FORMAT_VERSION = 1
"""Bump when generated data changes, so clients holding an old hash fetch the new list."""
SHOWCASE_CONTACT = 1
"""Contact 1 is always an Oslo company with a long history, its switchboard +47 22 33 44 55."""
_SHOWCASE_SIZE = 8


@dataclass(frozen=True, slots=True)
class Company:
    """What the caller-ID list needs of a company; the rest is in its profile."""

    contact_id: int
    bits: int
    locale: Locale
    city: City
    name: str


def _company_size(bits: int) -> int:
    roll = bits % 100
    spread = bits >> 8
    if roll < 6:  # a contact with no persons: only its switchboard calls in
        return 0
    if roll < 30:
        return 1 + spread % 2
    if roll < 75:
        return 3 + spread % 3
    if roll < 95:
        return 6 + spread % 5
    return 11 + spread % 20


# A caller ID sorts as one integer: PhoneNumber, PersonId (0, the company, first), ContactId
# and DialInPrefix. Ids stay below 2**20 (MAX_INDEX), dial codes below 2**10.
_PREFIX_BITS = 10
_CID_SHIFT = _PREFIX_BITS
_PID_SHIFT = _CID_SHIFT + 20
_PHONE_SHIFT = _PID_SHIFT + 20
_ID_MASK = (1 << 20) - 1
_PREFIX_MASK = (1 << _PREFIX_BITS) - 1


def _pack(phone: int, pid: int, cid: int, prefix: int) -> int:
    return phone << _PHONE_SHIFT | pid << _PID_SHIFT | cid << _CID_SHIFT | prefix


def company_profile(company: Company, e164: str, people: Sequence[str]) -> CompanyProfile:
    """The rest of a company, derived from its bits: address, web site, category …"""
    locale, city = company.locale, company.city
    more = mix(company.bits)
    domain = f"{slug(company.name.rsplit(' ', 1)[0])}.{locale.tld}"
    street_number = (100 + (more >> 8) % 9900) if locale.address_style == "us" else (
        1 + (more >> 8) % 240
    )  # fmt: skip
    return CompanyProfile(
        contact_id=company.contact_id,
        name=company.name,
        locale=locale,
        city=city,
        street=locale.street_line(pick(locale.streets, more), street_number),
        postcode=pick(city.postcodes, more >> 20),
        phone=format_international(e164),
        email=f"{pick(locale.mailboxes, more >> 24)}@{domain}",
        web_site=f"https://www.{domain}",
        category=pick(CATEGORIES, more >> 28),
        department=pick(DEPARTMENTS, more >> 32),
        associate=pick(locale.associates, more >> 40),
        people=tuple(people),
    )


def _phones(bits: int) -> tuple[bool, bool, bool]:
    """(a direct line, a mobile, reached through the switchboard) of a person's bits: half
    have a direct line, three in ten a mobile only, one in five both; one in five is also
    reached through the switchboard."""
    own = (bits >> 25) % 100
    return own < 50 or own >= 80, own >= 50, (bits >> 40) % 100 < 20


@dataclass(frozen=True, slots=True)
class PersonPhones:
    direct: str | None
    mobile: str | None
    switchboard: str | None
    """The company's switchboard, where the person is reached through it."""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class DemoData:
    """A deterministic tenant of ``persons`` persons with caller IDs and ``others`` without
    (together 0 to 1,000,000), generated from ``seed``."""

    def __init__(self, seed: int, persons: int, today: date, others: int = 0) -> None:
        if not 0 <= persons <= MAX_INDEX:
            raise ValueError(f"persons must be between 0 and {MAX_INDEX:,}, not {persons:,}")
        if not 0 <= others <= MAX_INDEX - persons:
            raise ValueError(f"persons and others are at most {MAX_INDEX:,} together")
        self.seed = seed
        self.persons = persons
        self.others = others
        self.today = today
        self._size_key = derive(seed, "company-size")
        self._company_key = derive(seed, "company")
        self._person_key = derive(seed, "person")
        self._starts: array[int] | None = None
        self._caller_companies = 0
        self._lock = threading.Lock()
        self._numbering: dict[tuple[str, str], tuple[BlockNumbers, BlockNumbers, BlockNumbers]] = {}
        identity = f"screenpop-demo/{FORMAT_VERSION}/{seed}/{persons}".encode()
        self.caller_id_hash = hashlib.blake2b(identity, digest_size=20).hexdigest()

    # -- layout -------------------------------------------------------------------------

    def _layout(self) -> array[int]:
        """Index of the first person of each company, plus the end: built once, thread-safe."""
        starts = self._starts
        if starts is not None:
            return starts
        with self._lock:
            if self._starts is None:
                built = array("q", [0])
                total, cid, key = 0, 0, self._size_key
                everyone = self.persons + self.others
                while total < everyone:
                    cid += 1
                    size = (
                        _SHOWCASE_SIZE if cid == SHOWCASE_CONTACT else _company_size(mix(key + cid))
                    )
                    total = min(everyone, total + size)
                    built.append(total)
                # The user's companies: up to the one of their last person.
                self._caller_companies = bisect.bisect_left(built, self.persons)
                self._starts = built
            return self._starts

    @property
    def company_count(self) -> int:
        """The companies with caller IDs (the demo user's)."""
        self._layout()
        return self._caller_companies

    @property
    def crm_company_count(self) -> int:
        """Every company of the CRM."""
        return len(self._layout()) - 1

    @property
    def crm_persons(self) -> int:
        return self.persons + self.others

    def person_ids(self, contact_id: int) -> range:
        starts = self._layout()
        return range(starts[contact_id - 1] + 1, starts[contact_id] + 1)

    def company_of(self, person_id: int) -> int:
        """The contact id of a person of the CRM."""
        return bisect.bisect_left(self._layout(), person_id)

    def company(self, contact_id: int) -> Company:
        return self._company(contact_id)

    def person(self, person_id: int) -> tuple[str, str]:
        """(name, Mrmrs) of a person of the CRM."""
        return self._person(person_id, self._company(self.company_of(person_id)).locale)

    def has_contact(self, contact_id: int) -> bool:
        return 1 <= contact_id <= self.company_count

    def contact_of_person(self, person_id: int) -> int | None:
        """The company a person belongs to; None for a person the tenant does not have."""
        return self.company_of(person_id) if 1 <= person_id <= self.persons else None

    # -- companies and persons ----------------------------------------------------------

    def _company(self, contact_id: int) -> Company:
        bits = mix(self._company_key + contact_id)
        if contact_id == SHOWCASE_CONTACT:
            locale = LOCALE_BY_REGION[SHOWCASE_REGION]
            city = next(c for c in locale.cities if c.name == SHOWCASE_CITY)
        else:
            locale = LOCALES[weighted_index(CUMULATIVE_WEIGHTS, bits & 0xFFFF)]
            city = pick(locale.cities, bits >> 16)
        if (bits >> 24) % 10 == 0:
            surname = _capitalised(pick(locale.surnames, bits >> 28))
            name = locale.family_firm.format(surname=surname)
        else:
            word, trade = pick(locale.words, bits >> 28), pick(locale.trades, bits >> 36)
            name = f"{word} {trade} {pick(locale.suffixes, bits >> 44)}"
        return Company(contact_id, bits, locale, city, name)

    def _person(self, person_id: int, locale: Locale) -> tuple[str, str]:
        """(PersonName, Mrmrs) of one person."""
        bits = mix(self._person_key + person_id)
        if bits & 1:
            first, title = pick(locale.female, bits >> 1), pick(locale.titles_female, bits >> 17)
        else:
            first, title = pick(locale.male, bits >> 1), pick(locale.titles_male, bits >> 17)
        return f"{first} {pick(locale.surnames, bits >> 9)}", title

    def _switchboard(self, company: Company) -> int:
        region = company.locale.region
        block = PLANS[region].cities[company.city.name].switchboard
        return numbers_for(self.seed, region, block).national(company.contact_id - 1)

    def profile(self, contact_id: int) -> CompanyProfile | None:
        if not 1 <= contact_id <= self.crm_company_count:
            return None
        company = self._company(contact_id)
        people = [self._person(p, company.locale)[0] for p in self.person_ids(contact_id)[:12]]
        return company_profile(company, self.switchboard_e164(contact_id), people)

    def summary(self, contact_id: int) -> ContactSummary | None:
        profile = self.profile(contact_id)
        return None if profile is None else build_summary(self.seed, profile, self.today)

    # -- caller IDs ---------------------------------------------------------------------

    def _numbers(self, company: Company) -> tuple[BlockNumbers, BlockNumbers, BlockNumbers]:
        """(switchboard, direct, mobile) numbering of a company's city."""
        key = (company.locale.region, company.city.name)
        found = self._numbering.get(key)
        if found is None:
            plan = PLANS[key[0]]
            city = plan.cities[key[1]]
            found = self._numbering[key] = (
                numbers_for(self.seed, plan.region, city.switchboard),
                numbers_for(self.seed, plan.region, city.direct),
                numbers_for(self.seed, plan.region, plan.mobile),
            )
        return found

    def _add_company_keys(self, company: Company, keys: list[int]) -> None:
        """Append one company's caller IDs as sort keys: its switchboard, then its persons."""
        cid = company.contact_id
        switchboard, direct, mobile = self._numbers(company)
        board_phone, board_prefix = switchboard.wire(switchboard.national(cid - 1))
        board = _pack(board_phone, 0, cid, board_prefix)
        keys.append(board)
        person_key = self._person_key
        starts = self._starts or self._layout()
        # Its persons with caller IDs (the last of the user's companies has others too).
        for pid in range(starts[cid - 1] + 1, min(starts[cid], self.persons) + 1):
            # _phones' rules, inline: this loop runs for every person of the tenant (the demo's
            # tests check that a person's phones are their caller IDs).
            bits = mix(person_key + pid)
            own = (bits >> 25) % 100
            if own < 50 or own >= 80:
                phone, prefix = direct.wire(direct.national(pid - 1))
                keys.append(_pack(phone, pid, cid, prefix))
            if own >= 50:
                phone, prefix = mobile.wire(mobile.national(pid - 1))
                keys.append(_pack(phone, pid, cid, prefix))
            if (bits >> 40) % 100 < 20:
                keys.append(board | pid << _PID_SHIFT)

    def person_phones(self, person_id: int) -> PersonPhones:
        """The E.164 numbers of a person of the CRM, as their caller IDs have them."""
        company = self._company(self.company_of(person_id))
        _board, direct, mobile = self._numbers(company)
        code = PLANS[company.locale.region].dial_code
        has_direct, has_mobile, via_board = _phones(mix(self._person_key + person_id))
        return PersonPhones(
            direct=f"+{code}{direct.national(person_id - 1)}" if has_direct else None,
            mobile=f"+{code}{mobile.national(person_id - 1)}" if has_mobile else None,
            switchboard=self.switchboard_e164(company.contact_id) if via_board else None,
        )

    def switchboard_e164(self, contact_id: int) -> str:
        company = self._company(contact_id)
        return f"+{PLANS[company.locale.region].dial_code}{self._switchboard(company)}"

    def companies(self) -> list[Company]:
        """Every company, ``companies()[cid - 1]`` being the one of ``cid``."""
        return [self._company(cid) for cid in range(1, self.company_count + 1)]

    def caller_id_keys(self, companies: Iterable[Company]) -> list[int]:
        """The caller IDs of ``companies`` as packed sort keys, unsorted."""
        keys: list[int] = []
        for company in companies:
            self._add_company_keys(company, keys)
        return keys

    def caller_ids_of(
        self, keys: Iterable[int], companies: Sequence[Company] | Mapping[int, Company]
    ) -> Iterator[CallerId]:
        """The caller IDs packed in ``keys``; names are made here, in the keys' order."""
        person = self._person
        for key in keys:
            # _pack undone inline: this loop runs for every caller ID of the tenant.
            pid = key >> _PID_SHIFT & _ID_MASK
            company = companies[(key >> _CID_SHIFT & _ID_MASK) - 1]
            name, title = person(pid, company.locale) if pid else ("", "")
            yield CallerId(
                key >> _PHONE_SHIFT, key & _PREFIX_MASK, pid, name, title,
                company.contact_id, company.name,
            )  # fmt: skip

    def caller_ids(self) -> list[CallerId]:
        """Every caller ID, sorted by PhoneNumber; a switchboard's company entry comes first.

        Sorting happens on packed integers and names are made afterwards, in phone-number
        order: sorting finished rows would scatter their strings through memory, and encoding
        them would then spend much of its time waiting on cache misses.
        """
        companies = self.companies()
        keys = self.caller_id_keys(companies)
        keys.sort()
        return list(self.caller_ids_of(keys, companies))

    def caller_ids_body(self, select: frozenset[str] | None) -> bytes:
        """The GetMyCallerIDs answer: seconds for a million persons, so run it in a thread."""
        return bulk.build_body(self, select)

    def sample_numbers(self, n: int = 4) -> list[tuple[str, str]]:
        """(label, E.164) of ``n`` callers the tenant knows, for docs and tests.

        The first four are one of each kind: a person's direct line, a switchboard shared by
        persons, a company-only switchboard and a mobile.
        """
        wanted = ("direct", "shared", "company only", "mobile")
        found: dict[str, list[tuple[str, str]]] = {kind: [] for kind in wanted}
        for cid in range(1, self.company_count + 1):
            company = self._company(cid)
            entries = list(self.caller_ids_of(self.caller_id_keys([company]), {cid - 1: company}))
            board = entries[0].phone_number
            shared = sum(entry.phone_number == board for entry in entries) - 1
            mobile = self._numbers(company)[2]
            for entry in entries:
                phone, prefix = entry.phone_number, entry.dial_in_prefix
                e164 = f"+{phone}" if prefix == 0 else f"+{prefix}{phone}"
                if entry.is_company:
                    kind = "shared" if shared else "company only"
                    persons = f"{shared} person{'s' if shared > 1 else ''}"
                    how = f"shared by {persons}" if shared else "company only"
                    label = f"{company.name}, switchboard ({how})"
                elif phone == board:
                    continue
                else:
                    own_mobile = mobile.wire(mobile.national(entry.person_id - 1))[0]
                    kind = "mobile" if phone == own_mobile else "direct"
                    label = f"{entry.person_name}, {company.name} ({kind})"
                found[kind].append((label, e164))
            if all(len(found[kind]) * len(wanted) >= n for kind in wanted):
                break
        samples: list[tuple[str, str]] = []
        for i in range(n):
            for kind in wanted:
                if i < len(found[kind]) and len(samples) < n:
                    samples.append(found[kind][i])
        return samples
