"""Valid, unique phone numbers for the demo tenant, per country and city.

Each number comes from a :class:`Block`: a few national prefixes, all with the same count of
free digits, and every number in it valid for ``phonenumbers.is_valid_number``. An index
``k`` (a person's or a company's position) is mapped into the block by an affine bijection, so
as long as every block holds at least :data:`MAX_INDEX` numbers and blocks of one country do
not overlap, no two indices share a number: uniqueness needs no global set, which keeps a
million persons cheap.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import phonenumbers

from screenpop.demo.rng import derive

MAX_INDEX = 1_000_000
"""Indices are below this; every block must hold at least as many numbers."""

_DIGITS = "123456789"

SHOWCASE_REGION, SHOWCASE_CITY, SHOWCASE_NATIONAL = "NO", "Oslo", 22334455
"""The README's demo caller, +47 22 33 44 55: contact 1's switchboard under every seed."""


@dataclass(frozen=True, slots=True)
class Block:
    """National numbers ``prefix + free digits`` for each prefix (no trunk zero)."""

    prefixes: tuple[str, ...]
    free: int

    @property
    def capacity(self) -> int:
        return len(self.prefixes) * int(10**self.free)

    @property
    def length(self) -> int:
        return len(self.prefixes[0]) + self.free


def _spread(*stems: str, free: int) -> Block:
    """Prefixes ``stem + [1-9]``: for plans where a 0 after the area code is not allowed."""
    return Block(tuple(stem + digit for stem in stems for digit in _DIGITS), free)


@dataclass(frozen=True, slots=True)
class CityBlocks:
    switchboard: Block
    direct: Block


@dataclass(frozen=True, slots=True)
class NumberPlan:
    region: str
    dial_code: int
    cities: Mapping[str, CityBlocks]
    mobile: Block
    blocks: tuple[Block, ...] = field(init=False)

    def __post_init__(self) -> None:
        found: list[Block] = []
        for city in self.cities.values():
            found += [city.switchboard, city.direct]
        found.append(self.mobile)
        object.__setattr__(self, "blocks", tuple(dict.fromkeys(found)))


def _city(switchboard: Block, direct: Block) -> CityBlocks:
    return CityBlocks(switchboard, direct)


def _b(*prefixes: str, free: int) -> Block:
    return Block(prefixes, free)


def _us(area: str) -> CityBlocks:
    # Exchanges 4xx for switchboards and 6xx for direct lines: both always start with 2-9.
    return _city(_b(area + "4", free=6), _b(area + "6", free=6))


PLANS: Mapping[str, NumberPlan] = {
    "NO": NumberPlan("NO", 47, {
        "Oslo": _city(_b("22", "23", free=6), _b("21", "24", free=6)),
        "Bergen": _city(_b("55", free=6), _b("56", free=6)),
        "Trondheim": _city(_b("73", free=6), _b("72", free=6)),
        "Stavanger": _city(_b("51", free=6), _b("52", free=6)),
        "Tromsø": _city(_b("77", free=6), _b("76", free=6)),
        "Kristiansand": _city(_b("38", free=6), _b("37", free=6)),
        "Drammen": _city(_b("32", free=6), _b("31", free=6)),
    }, _b("90", "91", "92", "93", "94", "95", "97", "98", "99", "40", "41", "46", "47", "48",
          free=6)),
    "SE": NumberPlan("SE", 46, {
        "Stockholm": _city(_b("85", "86", free=6), _b("84", "87", free=6)),
        "Göteborg": _city(_b("317", free=6), _b("316", free=6)),
        "Malmö": _city(_b("406", free=6), _b("403", free=6)),
        "Uppsala": _city(_b("186", free=6), _b("181", free=6)),
        "Linköping": _city(_b("132", free=6), _b("133", free=6)),
    }, _b("70", "72", "73", "76", "79", free=7)),
    "DK": NumberPlan("DK", 45, {
        "København": _city(_spread("33", "32", free=5), _spread("35", "38", free=5)),
        "Aarhus": _city(_spread("86", "87", free=5), _spread("89", "88", free=5)),
        "Odense": _city(_spread("66", "65", free=5), _spread("63", "64", free=5)),
        "Aalborg": _city(_spread("98", "99", free=5), _spread("96", "97", free=5)),
    }, _b("26", "27", "28", free=6)),
    "NL": NumberPlan("NL", 31, {
        "Amsterdam": _city(_b("206", free=6), _b("205", free=6)),
        "Rotterdam": _city(_b("104", free=6), _b("102", free=6)),
        "Utrecht": _city(_b("302", free=6), _b("303", free=6)),
        "Den Haag": _city(_b("703", free=6), _b("706", free=6)),
        "Eindhoven": _city(_b("402", free=6), _b("403", free=6)),
        "Groningen": _city(_b("503", free=6), _b("505", free=6)),
    }, _b("61", "62", "63", "64", "65", free=7)),
    "DE": NumberPlan("DE", 49, {
        "Berlin": _city(_b("303", free=7), _b("304", free=7)),
        "Hamburg": _city(_b("403", free=7), _b("404", free=7)),
        "München": _city(_b("892", free=7), _b("893", free=7)),
        "Köln": _city(_b("2215", free=6), _b("2216", free=6)),
        "Frankfurt am Main": _city(_b("697", free=7), _b("698", free=7)),
        "Stuttgart": _city(_b("7112", free=6), _b("7113", free=6)),
    }, _b("151", "152", "157", "160", "170", "171", "172", "173", "175", "176", free=8)),
    "GB": NumberPlan("GB", 44, {
        "London": _city(_b("207", "208", free=7), _b("203", free=7)),
        "Birmingham": _city(_b("1214", free=6), _b("1212", free=6)),
        "Manchester": _city(_b("1618", free=6), _b("1614", free=6)),
        "Glasgow": _city(_b("1412", free=6), _b("1413", free=6)),
        "Leeds": _city(_b("1132", free=6), _b("1133", free=6)),
        "Edinburgh": _city(_b("1312", free=6), _b("1314", free=6)),
        "Bristol": _city(_b("1179", free=6), _b("1173", free=6)),
    }, _b("771", "772", "773", "774", "775", "776", "777", free=7)),
    "US": NumberPlan("US", 1, {
        "New York": _us("212"),
        "Chicago": _us("312"),
        "San Francisco": _us("415"),
        "Boston": _us("617"),
        "Seattle": _us("206"),
        "Austin": _us("512"),
        "Denver": _us("303"),
    }, _b("9173", "3474", "6467", "6285", "8572", "4253", "7372", free=6)),
}  # fmt: skip


class BlockNumbers:
    """One block bound to a seed: index → national number, a bijection on [0, capacity)."""

    __slots__ = ("_bases", "_cap", "_mult", "_offset", "_seg", "_with_code", "dial_code")

    def __init__(self, seed: int, plan: NumberPlan, block: Block) -> None:
        self._cap = block.capacity
        self._seg = int(10**block.free)
        self._bases = [int(p) * self._seg for p in block.prefixes]
        self.dial_code = plan.dial_code
        self._with_code = plan.dial_code * int(10**block.length)
        # The block, not the city, keys the mapping: cities sharing a block must share it.
        key = derive(seed, "block", plan.region, ",".join(block.prefixes), block.free)
        mult = self._cap // 3 + key % (self._cap // 2)
        while math.gcd(mult, self._cap) != 1:
            mult += 1
        self._mult = mult
        self._offset = (key >> 32) % self._cap
        if plan.region == SHOWCASE_REGION:
            showcase = PLANS[SHOWCASE_REGION].cities[SHOWCASE_CITY].switchboard
            if block == showcase:
                # Index 0 (contact 1) lands on the showcase number; the map stays a bijection.
                self._offset = self._position(SHOWCASE_NATIONAL)

    def _position(self, national: int) -> int:
        segment = next(i for i, base in enumerate(self._bases) if 0 <= national - base < self._seg)
        return segment * self._seg + national - self._bases[segment]

    def national(self, index: int) -> int:
        scrambled = (index * self._mult + self._offset) % self._cap
        segment, rest = divmod(scrambled, self._seg)
        return self._bases[segment] + rest

    def index_of(self, national: int) -> int | None:
        """The index whose number is ``national`` (the inverse of :meth:`national`); None for
        a number outside the block."""
        if not any(0 <= national - base < self._seg for base in self._bases):
            return None
        inverse = pow(self._mult, -1, self._cap)
        return (self._position(national) - self._offset) * inverse % self._cap

    def wire(self, national: int) -> tuple[int, int]:
        """(PhoneNumber, DialInPrefix): about a third carry the country code in the number."""
        if national % 3 == 0:
            return self._with_code + national, 0
        return national, self.dial_code


@lru_cache(maxsize=1024)
def numbers_for(seed: int, region: str, block: Block) -> BlockNumbers:
    return BlockNumbers(seed, PLANS[region], block)


def format_international(e164: str) -> str:
    """``+47 22 12 34 56``: how SuperOffice shows a number entered in international form."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
