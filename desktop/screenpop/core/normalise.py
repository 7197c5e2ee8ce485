"""Caller IDs from the CRM into E.164, once, at sync (DESIGN §3).

This runs over every entry of a sync (a million for a large tenant), so the common case avoids
phonenumbers' parser: a number is accepted when its national part matches the country's
general number pattern and one of its possible lengths, both taken from phonenumbers'
metadata and compiled once per country. phonenumbers' full validation decides only the rare
ambiguous case (a ``DialInPrefix`` of 0 whose digits read both as international and national).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import phonenumbers
from phonenumbers import PhoneMetadata

ITALY = 39
# What a normal form depends on besides the home region: a cache normalised by another
# version of the metadata is normalised again.
NORMALISER = f"phonenumbers {phonenumbers.__version__}"
_MAX_E164_DIGITS = 15


class Normalised(NamedTuple):
    # A NamedTuple: a million of these are made per large sync, at a third of a dataclass's cost.
    e164: str
    country_code: int

    @property
    def national(self) -> str:
        """The national significant number (Italy keeps its leading 0)."""
        return self.e164[1 + len(str(self.country_code)) :]


@dataclass(frozen=True, slots=True)
class _Country:
    pattern: re.Pattern[str]
    lengths: frozenset[int]


def _metadata(cc: int) -> list[PhoneMetadata]:
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(cc, ())
    found = []
    for region in regions:
        if region == "001":
            metadata = PhoneMetadata.metadata_for_nongeo_region(cc)
        else:
            metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is not None and metadata.general_desc is not None:
            found.append(metadata)
    return found


@cache
def _country(cc: int) -> _Country | None:
    """Every region sharing the code (+1, +44, +47…) in one pattern and one set of lengths."""
    patterns: list[str] = []
    lengths: set[int] = set()
    for metadata in _metadata(cc):
        desc = metadata.general_desc
        if desc is None or not desc.national_number_pattern:
            continue
        patterns.append(f"(?:{desc.national_number_pattern})")
        lengths.update(desc.possible_length or ())
    if not patterns:
        return None
    return _Country(re.compile("|".join(patterns)), frozenset(lengths))


@cache
def country_code_for_region(region: str) -> int:
    return phonenumbers.country_code_for_region(region)


def _plausible(cc: int, national: str) -> bool:
    country = _country(cc)
    return (
        country is not None
        and len(national) in country.lengths
        and country.pattern.fullmatch(national) is not None
    )


def _nationals(cc: int, digits: str) -> tuple[str, ...]:
    # A long drops leading zeros: Italy's fixed lines (+39 06…) arrive as 6…; try both.
    if cc == ITALY and not digits.startswith("0"):
        return (digits, "0" + digits) if digits[:1] in ("3", "8") else ("0" + digits, digits)
    return (digits,)


def _in_country(cc: int, digits: str) -> Normalised | None:
    if cc != ITALY:
        # _plausible inlined: this runs for most of a million entries.
        country = _country(cc)
        if (
            country is not None
            and len(digits) in country.lengths
            and country.pattern.fullmatch(digits) is not None
        ):
            return Normalised(f"+{cc}{digits}", cc)
        return None
    for national in _nationals(cc, digits):
        if _plausible(cc, national):
            return Normalised(f"+{cc}{national}", cc)
    return None


def _international(digits: str) -> Normalised | None:
    """Digits that begin with their country code (country codes are prefix-free)."""
    for size in (1, 2, 3):
        cc = int(digits[:size])
        if _country(cc) is not None:
            return _in_country(cc, digits[size:])
    return None


def _valid(candidate: Normalised) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(candidate.e164, None))
    except phonenumbers.NumberParseException:
        return False


def normalise_caller_id(
    phone_number: int, dial_in_prefix: int, home_region: str
) -> Normalised | None:
    """The E.164 form of a caller ID, or None when it cannot be a phone number.

    ``PhoneNumber`` is a long, so leading zeros are gone; ``DialInPrefix`` is the country
    calling code, or 0 when the number already holds it (or is national in the home region).
    """
    if phone_number <= 0:
        return None
    digits = str(phone_number)
    if len(digits) > _MAX_E164_DIGITS:
        return None
    if dial_in_prefix > 0:
        found = _in_country(dial_in_prefix, digits)
        if found is not None:
            return found
        prefix = str(dial_in_prefix)
        if digits.startswith(prefix):
            # Typed with its country code as well as a DialInPrefix.
            found = _in_country(dial_in_prefix, digits[len(prefix) :])
        if found is None:
            country = _country(dial_in_prefix)
            # A range newer than our metadata: trust the CRM's country code if the length fits.
            if country is not None and len(digits) in country.lengths:
                found = Normalised(f"+{dial_in_prefix}{digits}", dial_in_prefix)
        return found
    international = _international(digits)
    home = _in_country(country_code_for_region(home_region), digits)
    if international is not None and home is not None and international != home:
        # Both readings fit the patterns: let full validation decide, preferring the
        # documented meaning of a 0 prefix (the country code is inside).
        if _valid(international) or not _valid(home):
            return international
        return home
    return international or home


_UNKNOWN = _Country(re.compile(""), frozenset())


@cache
def _leading_code(first: str) -> tuple[int, _Country] | None:
    """The country code the first (up to three) digits of an international number start
    with, and its country, as :func:`_international` reads it (codes are prefix-free)."""
    for size in (1, 2, 3):
        cc = int(first[:size])
        country = _country(cc)
        if country is not None:
            return cc, country
    return None


def normaliser(home_region: str) -> Callable[[int, int], tuple[str, int] | None]:
    """:func:`normalise_caller_id` for one home region, as a sync calls it a million times:
    the common cases in one call instead of a call a step; ``(e164, country_code)`` or None.

    Those are a ``DialInPrefix`` outside Italy with one plausible national reading, and a
    ``DialInPrefix`` of 0 whose digits read one way only (international or national in the
    home region, not both, Italy in neither); everything else takes the careful way."""
    countries: dict[int, _Country | None] = {}
    home_cc = country_code_for_region(home_region)
    home = _country(home_cc) if home_cc != ITALY else None

    def normalise(phone_number: int, dial_in_prefix: int) -> tuple[str, int] | None:
        if phone_number <= 0:
            return None
        if dial_in_prefix > 0 and dial_in_prefix != ITALY:
            country = countries.get(dial_in_prefix, _UNKNOWN)
            if country is _UNKNOWN:
                country = countries[dial_in_prefix] = _country(dial_in_prefix)
            digits = str(phone_number)
            if (
                country is not None
                and len(digits) in country.lengths
                and country.pattern.fullmatch(digits) is not None
            ):
                return f"+{dial_in_prefix}{digits}", dial_in_prefix
        elif dial_in_prefix == 0 and home is not None:
            digits = str(phone_number)
            code = _leading_code(digits[:3])
            if len(digits) <= _MAX_E164_DIGITS and (code is None or code[0] != ITALY):
                national = len(digits) in home.lengths and home.pattern.fullmatch(digits)
                international = None
                if code is not None:
                    cc, country = code
                    rest = digits[len(str(cc)) :]
                    if len(rest) in country.lengths and country.pattern.fullmatch(rest):
                        international = f"+{cc}{rest}", cc
                if international is None:
                    return (f"+{home_cc}{digits}", home_cc) if national else None
                if not national:
                    return international
                # Both readings fit: full validation decides, the careful way.
        return normalise_caller_id(phone_number, dial_in_prefix, home_region)

    return normalise
