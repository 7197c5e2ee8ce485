"""The matching rules of DESIGN §4, table by table, against an in-memory CallerIndex.

The SQLite cache has its own tests; this fake is just dictionaries, so these cases pin the
rules themselves: which tier wins, what each tier may match, and in which order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import phonenumbers
import pytest

from screenpop.core.matching import CacheEntry, CallerIndex, Candidate, MatchedBy, match
from screenpop.core.models import CallerId
from screenpop.core.phone import IncomingNumber, NumberKind, parse_incoming

MIN_SUFFIX = 7


def _nsn(e164: str) -> str:
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164.lstrip("+")
    return str(phonenumbers.national_significant_number(parsed))


class FakeIndex:
    """``CallerIndex`` over a list, indexed like the real cache so it is fast enough to time."""

    def __init__(self, entries: Iterable[CacheEntry]) -> None:
        self.entries = list(entries)
        self._by_e164: dict[str, list[CacheEntry]] = defaultdict(list)
        self._by_nsn: dict[str, list[CacheEntry]] = defaultdict(list)
        self._by_ending: dict[str, list[CacheEntry]] = defaultdict(list)
        for entry in self.entries:
            digits = entry.e164.lstrip("+")
            self._by_e164[entry.e164].append(entry)
            self._by_nsn[_nsn(entry.e164)].append(entry)
            for start in range(len(digits) - MIN_SUFFIX + 1):
                self._by_ending[digits[start:]].append(entry)

    def find_e164(self, e164: str) -> list[CacheEntry]:
        return list(self._by_e164.get(e164, ()))

    def find_national(self, nsn: str) -> list[CacheEntry]:
        return list(self._by_nsn.get(nsn, ()))

    def find_ending_with(self, digits: str, limit: int) -> list[CacheEntry]:
        assert len(digits) >= MIN_SUFFIX, "the matcher must not ask for short endings"
        return list(self._by_ending.get(digits, ()))[:limit]

    def find_suffixes_of(self, digits: str, min_length: int) -> list[CacheEntry]:
        found: list[CacheEntry] = []
        for length in range(min_length, len(digits) + 1):
            found.extend(self._by_e164.get("+" + digits[-length:], ()))
        return found


def entry(
    e164: str, person_id: int, name: str = "", contact_id: int = 0, company: str = ""
) -> CacheEntry:
    contact_id = contact_id or 1000 + person_id
    caller = CallerId(int(e164[1:]), 0, person_id, name, "", contact_id, company or name)
    return CacheEntry(caller, e164)


NORDMANN = 10  # ContactId of the Oslo company: a switchboard, two people and a mobile
WORLD = FakeIndex(
    [
        entry("+4722334455", 0, "", NORDMANN, "Nordmann AS"),
        entry("+4722334455", 2, "Ola Nordmann", NORDMANN, "Nordmann AS"),
        entry("+4722334455", 1, "Kari Nordmann", NORDMANN, "Nordmann AS"),
        entry("+4722334455", 1, "Kari Nordmann", NORDMANN, "Nordmann AS"),
        entry("+4791234567", 3, "Åse Tromsø"),
        entry("+46812345678", 10, "Sven Stockholm"),
        entry("+46701234567", 11, "Sara Mobil"),
        entry("+4532123456", 20, "Mette København"),
        entry("+442079460123", 30, "Oliver London"),
        entry("+447400123456", 31, "Amelia Mobile"),
        entry("+49301234567", 40, "Hans Berlin"),
        entry("+4915123456789", 41, "Greta Handy"),
        entry("+31201234567", 50, "Daan Amsterdam"),
        entry("+31612345678", 51, "Sanne Mobiel"),
        entry("+390612345678", 60, "Giulia Roma"),
        entry("+393123456789", 61, "Marco Cellulare"),
        entry("+12125550123", 70, "John New York"),
    ]
)
OSLO = [1, 2, 0]  # Kari and Ola (by name), then the company's own switchboard entry


def found(
    text: str, home: str = "NO", prefix: str = "", index: CallerIndex = WORLD
) -> list[Candidate]:
    return match(index, parse_incoming(text, home, prefix))


def people(candidates: list[Candidate]) -> list[int]:
    return [c.person_id for c in candidates]


# -- tier 1: the exact E.164 number ------------------------------------------------------------

EXACT_CASES = [
    # Norway (no trunk 0): international in every dress, national, URIs
    ("NO", "+47 22 33 44 55", OSLO),
    ("NO", "+47-22-33-44-55", OSLO),
    ("NO", "+47.22.33.44.55", OSLO),
    ("NO", "(+47) 22 33 44 55", OSLO),
    ("NO", "+47\u00a022\u00a033\u00a044\u00a055", OSLO),
    ("NO", "+47 22\u201333\u201344\u201355", OSLO),
    ("NO", "\u202a+47 22 33 44 55\u202c", OSLO),
    ("NO", "+47 (0)22 33 44 55", OSLO),
    ("NO", "0047 22 33 44 55", OSLO),
    ("NO", "004722334455", OSLO),
    ("NO", "22 33 44 55", OSLO),
    ("NO", "22334455", OSLO),
    ("NO", "4722334455", OSLO),  # the country code without "+", valid at home
    ("NO", "912 34 567", [3]),
    ("NO", "tel:+47-22-33-44-55;ext=12", OSLO),
    ("NO", "tel:22334455;phone-context=+47", OSLO),
    ("NO", "tel:22-33-44-55;phone-context=pbx.example.com", OSLO),
    ("NO", "tel:%2B47%2022334455", OSLO),
    ("NO", "sip:+4722334455@pbx.example;user=phone", OSLO),
    ("NO", "sips:%2B4722334455@pbx.example:5061", OSLO),
    ("NO", "sip:004722334455@10.0.0.1:5060;transport=tcp", OSLO),
    ("NO", "sip:22334455:secret@pbx", OSLO),
    ("NO", '"Kari" <sip:+4722334455@pbx>;tag=9f3a', OSLO),
    ("NO", "callto://+4722334455", OSLO),
    ("NO", "+47 22 33 44 55 ext. 12", OSLO),
    # Sweden (trunk 0)
    ("NO", "+46 8 123 456 78", [10]),
    ("NO", "+46 (0)8-123 456 78", [10]),
    ("NO", "0046 70 123 45 67", [11]),
    ("SE", "08-123 456 78", [10]),
    ("SE", "0812345678", [10]),
    ("SE", "070-123 45 67", [11]),
    ("SE", "0047 22 33 44 55", OSLO),
    # Denmark (no trunk 0)
    ("DK", "32 12 34 56", [20]),
    ("NO", "+45 32 12 34 56", [20]),
    ("DK", "0047 22334455", OSLO),
    # United Kingdom
    ("GB", "020 7946 0123", [30]),
    ("GB", "(020) 7946 0123", [30]),
    ("GB", "02079460123", [30]),
    ("GB", "+44 (0)20 7946 0123", [30]),
    ("GB", "07400 123456", [31]),
    ("GB", "0047 22 33 44 55", OSLO),
    ("NO", "+44 (0)20 7946 0123", [30]),
    ("NO", "+44 0 20 7946 0123", [30]),
    ("NO", "0044 (0)20 7946 0123", [30]),
    ("NO", "tel:7946 0123;phone-context=+4420", [30]),
    ("NO", "tel:7946-0123;phone-context=+44-20", [30]),
    # Germany
    ("DE", "030 1234567", [40]),
    ("DE", "030/1234567", [40]),
    ("DE", "(030) 123 45 67", [40]),
    ("DE", "01512 3456789", [41]),
    ("NO", "+49 (0)30 1234567", [40]),
    ("NO", "+49 30 1234567", [40]),
    # Netherlands
    ("NL", "020 123 4567", [50]),
    ("NL", "020-1234567", [50]),
    ("NL", "06 12345678", [51]),
    ("NO", "+31 (0)20 123 4567", [50]),
    # Italy: the 0 belongs to the number
    ("IT", "06 1234 5678", [60]),
    ("IT", "312 345 6789", [61]),
    ("NO", "+39 06 1234 5678", [60]),
    ("NO", "0039 06 12345678", [60]),
    ("NO", "+39 (0)6 1234 5678", [60]),
    ("GB", "00 39 06 1234 5678", [60]),
    # United States: 011 is the international prefix, 1 the trunk prefix
    ("US", "(212) 555-0123", [70]),
    ("US", "212.555.0123", [70]),
    ("US", "1 212 555 0123", [70]),
    ("US", "+1 212-555-0123", [70]),
    ("US", "011 47 22 33 44 55", OSLO),
    ("US", "011 44 20 7946 0123", [30]),
    ("NO", "001 212 555 0123", [70]),
]


@pytest.mark.parametrize(("home", "text", "expected"), EXACT_CASES)
def test_exact_tier(home: str, text: str, expected: list[int]) -> None:
    candidates = found(text, home)
    assert people(candidates) == expected
    assert {c.matched_by for c in candidates} == {MatchedBy.EXACT}


@pytest.mark.parametrize(
    ("home", "prefix", "text", "expected"),
    [
        ("NO", "0", "0 22 33 44 55", OSLO),
        ("NO", "0", "0 0047 22 33 44 55", OSLO),
        ("NO", "0", "0 0046 8 123 456 78", [10]),
        ("NO", "0", "+47 22 33 44 55", OSLO),  # a "+" number never carries the prefix
        ("NO", "0", "0047 22 33 44 55", OSLO),  # the PBX left it off: the IDD still reads
        ("NO", "9", "9 22 33 44 55", OSLO),
        ("NO", "9", "912 34 567", [3]),  # starts with the prefix, but is a number itself
        ("GB", "0", "0 020 7946 0123", [30]),  # strip one 0, not the trunk 0 with it
        ("GB", "0", "0 00 47 22 33 44 55", OSLO),
        ("GB", "9", "9 020 7946 0123", [30]),
        ("GB", "9", "9 00 47 22 33 44 55", OSLO),
        ("US", "9", "9 1 212 555 0123", [70]),
        ("US", "9", "9 212 555 0123", [70]),
        ("US", "9", "9 011 44 20 7946 0123", [30]),
        ("SE", "0", "0 08-123 456 78", [10]),
        ("IT", "0", "0 06 1234 5678", [60]),
        ("NO", " 0 ", "0 22 33 44 55", OSLO),  # the setting as typed, with spaces
    ],
)
def test_outside_line_prefix(home: str, prefix: str, text: str, expected: list[int]) -> None:
    candidates = found(text, home, prefix)
    assert people(candidates) == expected
    assert {c.matched_by for c in candidates} == {MatchedBy.EXACT}


# -- tier 2: no trustworthy country -----------------------------------------------------------


@pytest.mark.parametrize(
    ("home", "text", "expected"),
    [
        ("NO", "070 123 45 67", [11]),  # a Swedish mobile without its country code
        ("NO", "08-123 456 78", [10]),
        ("NO", "030 1234567", [40]),
        ("NO", "020 7946 0123", [30]),
        # Italy's 0 is part of the national number; a Dutch mobile is 06 12345678 at home
        ("NO", "06 1234 5678", [51, 60]),
        ("GB", "22 33 44 55", OSLO),  # Norway has no trunk 0: the digits are the NSN
        ("GB", "32 12 34 56", [20]),
        ("US", "020 7946 0123", [30]),
        ("US", "030 1234567", [40]),
        ("DE", "070 123 45 67", [11]),
    ],
)
def test_national_tier_for_a_foreign_national_number(
    home: str, text: str, expected: list[int]
) -> None:
    incoming = parse_incoming(text, home)
    assert incoming.e164 is None  # not valid at home: no trustworthy country
    candidates = match(WORLD, incoming)
    assert people(candidates) == expected
    assert {c.matched_by for c in candidates} == {MatchedBy.NATIONAL}


@pytest.mark.parametrize(
    ("home", "text", "expected"),
    [
        # the incoming digits are the end of a cached number
        ("GB", "7946 0123", [30]),  # dialled without its area code
        ("US", "0047 22 33 44 55", OSLO),  # a European IDD at a US agent
        ("NO", "011 44 20 7946 0123", [30]),  # and the American one in Norway
        # a cached number is the end of the incoming digits
        ("NO", "46 70 123 45 67", [11]),  # a country code without "+"
        ("NO", "9 0047 22 33 44 55", OSLO),  # an outside-line prefix nobody configured
        ("GB", "8 00 49 30 1234567", [40]),
        ("US", "8 011 44 20 7946 0123", [30]),
    ],
)
def test_trailing_tier_in_both_directions(home: str, text: str, expected: list[int]) -> None:
    candidates = found(text, home)
    assert people(candidates) == expected
    assert {c.matched_by for c in candidates} == {MatchedBy.TRAILING}


def test_trailing_tier_puts_the_longest_overlap_first_and_shows_everyone_once() -> None:
    index = FakeIndex(
        [
            entry("+12125550123", 1, "Eleven Digits"),
            entry("+4912125550123", 2, "Thirteen Digits"),
            entry("+4912125550123", 0, "", 1002, "Thirteen GmbH"),
            entry("+12125550123", 2, "Thirteen Digits"),  # the same person, shorter overlap
            entry("+4412125550123", 3, "Also Thirteen"),  # ends the same but is no suffix
        ]
    )
    # The incoming 912125550123 is the end of +49 912125550123 (12 digits overlap), and
    # +1 2125550123 is the end of it (11 digits).
    candidates = found("9 1 212 555 0123", "NO", index=index)
    assert people(candidates) == [2, 0, 1]
    assert {c.matched_by for c in candidates} == {MatchedBy.TRAILING}


def test_national_beats_trailing_within_tier_two() -> None:
    index = FakeIndex([entry("+46701234567", 11, "Sara Mobil"), entry("+447701234567", 31)])
    # +44 7701 234567 also ends with 701234567, but +46's NSN is exactly it.
    assert people(found("070 123 45 67", "NO", index=index)) == [11]


def test_an_ambiguous_national_number_gives_every_country() -> None:
    index = FakeIndex(
        [entry("+390612345678", 60, "Giulia Roma"), entry("+33612345678", 80, "Chloé Paris")]
    )
    candidates = found("06 12 34 56 78", "NO", index=index)
    # the trunk-0 reading (France's mobile) first, then the number as written (Rome)
    assert people(candidates) == [80, 60]
    assert {c.matched_by for c in candidates} == {MatchedBy.NATIONAL}


def test_national_tier_ranks_persons_before_the_company() -> None:
    candidates = found("22 33 44 55", "GB")
    assert [(c.person_name, c.is_company) for c in candidates] == [
        ("Kari Nordmann", False),
        ("Ola Nordmann", False),
        ("", True),
    ]


# -- rule 3: numbers with a known, different E.164 form never match --------------------------


@pytest.mark.parametrize(
    ("home", "text"),
    [
        ("NO", "+46 22 33 44 55"),  # the last 8 digits agree with +47 22 33 44 55
        ("NO", "0046 22 33 44 55"),
        ("NO", "+45 22 33 44 55"),
        ("NO", "sip:+4622334455@pbx"),
        ("SE", "22 33 44 55"),  # valid in Sweden, so Swedish: not the Norwegian number
        ("NO", "+44 20 7946 0124"),
        ("NO", "+39 6 1234 5678"),  # Italy without its 0 is another (possible) number
        ("NO", "+47 2233"),  # a known country, an impossible number: no guessing
        ("GB", "+47 22 33 44 55 66"),
        ("US", "+1 646 555 0123"),
    ],
)
def test_a_trusted_number_that_misses_matches_nothing(home: str, text: str) -> None:
    assert found(text, home) == []


def test_a_cache_with_the_same_ending_is_not_enough() -> None:
    index = FakeIndex([entry("+4722334455", 1, "Kari Nordmann")])
    assert found("+4622334455", index=index) == []
    assert people(found("22334455", "GB", index=index)) == [1]  # the country is unknown here


# -- withheld numbers and extensions ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "anonymous",
        "Anonymous",
        "unknown",
        "RESTRICTED",
        "private",
        "withheld",
        "unavailable",
        "Private Number",
        "-",
        "+",
        "sip:anonymous@anonymous.invalid",
        "sips:Anonymous@pbx;user=phone",
        "<sip:anonymous@anonymous.invalid>;tag=1",
        "tel:",
        "sip:@pbx",
    ],
)
def test_withheld_is_an_unknown_caller(text: str) -> None:
    incoming = parse_incoming(text, "NO")
    assert incoming.kind is NumberKind.WITHHELD
    assert incoming.display == "Withheld number"
    assert match(WORLD, incoming) == []


@pytest.mark.parametrize(
    "text", ["1234", "201", "12345", "123456", "sip:1234@pbx", "tel:12-34;phone-context=pbx.lan"]
)
def test_extensions_never_match(text: str) -> None:
    index = FakeIndex([*WORLD.entries, entry("+4712345", 99), entry("+4791231234", 98)])
    incoming = parse_incoming(text, "NO")
    assert incoming.kind is NumberKind.EXTENSION
    assert incoming.e164 is None
    assert match(index, incoming) == []


def test_an_extension_does_not_get_the_outside_line_prefix_stripped() -> None:
    assert parse_incoming("0123", "NO", "0").digits == "0123"


# -- results ----------------------------------------------------------------------------------


def test_exact_results_are_deduplicated_persons_first() -> None:
    candidates = found("+47 22 33 44 55")
    assert people(candidates) == OSLO  # Kari is cached twice and shown once
    assert candidates[0].to_json()["MatchedBy"] == "exact"
    assert candidates[-1].is_company


def test_matched_by_says_how() -> None:
    assert found("+46 70 123 45 67")[0].to_json()["MatchedBy"] == "exact"
    assert found("070 123 45 67")[0].to_json()["MatchedBy"] == "national"
    assert found("46 70 123 45 67")[0].to_json()["MatchedBy"] == "trailing"


def test_a_hand_made_incoming_number_without_tier_two_hints_matches_exactly_only() -> None:
    assert people(match(WORLD, IncomingNumber("x", NumberKind.NUMBER, "4722334455"))) == []
    trusted = IncomingNumber("x", NumberKind.NUMBER, "4722334455", "+4722334455")
    assert people(match(WORLD, trusted)) == OSLO


def test_the_matcher_asks_only_what_the_tier_needs() -> None:
    calls: list[str] = []

    class Spy(FakeIndex):
        def find_e164(self, e164: str) -> list[CacheEntry]:
            calls.append("e164")
            return super().find_e164(e164)

        def find_national(self, nsn: str) -> list[CacheEntry]:
            calls.append("national")
            return super().find_national(nsn)

        def find_ending_with(self, digits: str, limit: int) -> list[CacheEntry]:
            calls.append("ending")
            return super().find_ending_with(digits, limit)

        def find_suffixes_of(self, digits: str, min_length: int) -> list[CacheEntry]:
            calls.append("suffixes")
            return super().find_suffixes_of(digits, min_length)

    spy = Spy(WORLD.entries)
    found("+4799999999", index=spy)
    assert calls == ["e164"]
    calls.clear()
    found("070 123 45 67", index=spy)
    assert calls == ["national", "national"]  # both readings: with and without the trunk 0
    calls.clear()
    found("anonymous", index=spy)
    found("1234", index=spy)
    assert calls == []


def test_italys_zero_in_every_tier() -> None:
    rome = FakeIndex([entry("+390612345678", 60, "Giulia Roma")])
    assert found("06 1234 5678", "IT", index=rome)[0].matched_by is MatchedBy.EXACT
    assert found("+39 (0)6 1234 5678", "NO", index=rome)[0].matched_by is MatchedBy.EXACT
    assert found("06 1234 5678", "NO", index=rome)[0].matched_by is MatchedBy.NATIONAL
    assert found("39 06 1234 5678", "NO", index=rome)[0].matched_by is MatchedBy.TRAILING
    assert found("+39 6 1234 5678", "NO", index=rome) == []  # another number: rule 3
