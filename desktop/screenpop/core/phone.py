"""Phone numbers: caller IDs from the CRM into E.164 once, and incoming numbers of any shape.

DESIGN §3 (what the API sends) and §4 (what phone systems send). Issue 3 deepens matching;
the parsing here is already tolerant so the exact tier is right from the start.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import phonenumbers

from screenpop.core.call_uri import (
    MAX_INPUT_LENGTH,
    has_call_scheme,
    parse_call_uri,
    split_call_text,
)
from screenpop.core.errors import InvalidNumberError
from screenpop.core.extensions import split_extension
from screenpop.core.normalise import normalise_caller_id

MIN_EXTERNAL_DIGITS = 7
_MAX_DIGITS = 17
_WITHHELD_WORDS = "anonymous unknown restricted private withheld unavailable blocked hidden"
# What phone systems put where the number would be. PBXs localise it, hence the Scandinavian,
# German and Dutch words: a word missing here reaches the user as "not a phone number"
# instead of as an unknown caller.
_WITHHELD = frozenset(
    {"", "-", "+", "n/a", "none", "null", "out of area", "no caller id", "not available"}
    | set(_WITHHELD_WORDS.split())
    | {f"{w} {noun}" for w in _WITHHELD_WORDS.split() for noun in ("number", "caller", "id")}
    | {f"number {w}" for w in _WITHHELD_WORDS.split()}
    | {"anonym", "ukjent", "hemmelig", "skjult", "ukendt", "hemmeligt", "okänd", "okänt"}
    | {"dolt", "dolt nummer", "unterdrückt", "unbekannt", "anoniem", "onbekend", "privé"}
)
# Visual separators, including the dashes and invisible marks that copying from web pages and
# office documents brings along (bidi marks around numbers are common on Windows).
_SEPARATORS = re.compile(
    r"[\s\-./()\[\]\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
    r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# "+44 (0)20 …", "0044 (0)20 …": the bracketed trunk 0 after a country code (and an IDD) is
# dialled at home and dropped from abroad.
_TRUNK_ZERO_AFTER_CODE = re.compile(r"^(\s*\+?(?:[\s.\-]*\d){1,6})[\s.\-]*\(\s*0\s*\)")
_PLUS_SIGNS = ("+", "\uff0b")


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parse(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None


def caller_id_e164(phone_number: int, dial_in_prefix: int, home_region: str) -> str | None:
    """The E.164 form of a CRM caller ID, or None when it cannot be a phone number
    (see :func:`screenpop.core.normalise.normalise_caller_id`)."""
    normalised = normalise_caller_id(phone_number, dial_in_prefix, home_region)
    return None if normalised is None else normalised.e164


class NumberKind(StrEnum):
    NUMBER = "number"
    EXTENSION = "extension"
    WITHHELD = "withheld"


@dataclass(frozen=True, slots=True)
class IncomingNumber:
    """An incoming caller number after parsing: E.164 where its country can be trusted.

    ``digits`` are the number as sent, without an outside-line or international prefix.
    When the country cannot be trusted ``e164`` is None and the matcher falls back to
    ``national`` (national significant numbers to try, best guess first) and ``trailing``
    (the digits to match by their ending, at least 7 of them; "" when the number may not
    match by its ending at all).
    """

    raw: str
    kind: NumberKind
    digits: str
    e164: str | None = None
    national: tuple[str, ...] = ()
    trailing: str = ""
    extension: str = ""

    @property
    def display(self) -> str:
        if self.kind is NumberKind.WITHHELD:
            return "Withheld number"
        if self.e164:
            return format_e164(self.e164)
        return self.digits


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way to read the digits: with a country code (after "+" or an IDD) or national."""

    international: bool
    digits: str

    @property
    def text(self) -> str:
        return "+" + self.digits if self.international else self.digits


@dataclass(frozen=True, slots=True)
class _Region:
    idd: re.Pattern[str] | None
    trunk_prefix: str


@lru_cache(maxsize=32)
def _region(region: str) -> _Region:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None:
        return _Region(None, "")
    idd = re.compile(metadata.international_prefix) if metadata.international_prefix else None
    trunk = metadata.national_prefix or ""
    return _Region(idd, trunk if trunk.isdigit() else "")


def _is_global_context(context: str) -> bool:
    """An RFC 3966 global-number phone-context ("+4420"), not a domain name."""
    compact = _SEPARATORS.sub("", context)
    return compact.startswith(_PLUS_SIGNS) and compact[1:].isascii() and compact[1:].isdigit()


def _ascii_digits(text: str) -> str | None:
    """``text`` with other scripts' decimal digits as ASCII, or None if it has a non-digit."""
    if text.isascii():
        return text if text.isdigit() else None
    converted = [unicodedata.decimal(ch, -1) for ch in text]
    if not converted or -1 in converted:
        return None
    return "".join(map(str, converted))


def _compact(text: str, raw: str) -> tuple[bool, str]:
    """(written with "+", the digits). Raises InvalidNumberError for anything but digits."""
    compact = _SEPARATORS.sub("", text)
    plus = compact.startswith(_PLUS_SIGNS)
    digits = _ascii_digits(compact[1:] if plus else compact)
    if digits is None:
        raise InvalidNumberError(f"{raw.strip()[:40]!r} is not a phone number.")
    return plus, digits


def _readings(text: str, raw: str, region: _Region, outside_line_prefix: str) -> list[_Reading]:
    """Every plausible reading of ``text``, the one to fall back on first."""
    variants = [text]
    trunk_zero = _TRUNK_ZERO_AFTER_CODE.match(text)
    if trunk_zero:
        # "+39 (0)6 …" is how some write Italy's 0, which is part of the number; try both.
        variants.insert(0, trunk_zero.group(1) + text[trunk_zero.end() :])
    readings: list[_Reading] = []
    for variant in variants:
        plus, digits = _compact(variant, raw)
        if plus:
            readings.append(_Reading(True, digits))
            continue
        dialled = [digits]
        if (
            outside_line_prefix
            and digits.startswith(outside_line_prefix)
            and len(digits) - len(outside_line_prefix) >= MIN_EXTERNAL_DIGITS
        ):
            # The PBX's prefix usually is there, but an IDD or a trunk 0 can look the same,
            # so the reading without it only comes first.
            dialled.insert(0, digits[len(outside_line_prefix) :])
        for number in dialled:
            readings.append(_without_idd(number, region))
    return readings


def _without_idd(digits: str, region: _Region) -> _Reading:
    if region.idd is not None:
        idd = region.idd.match(digits)
        # As libphonenumber: no country code starts with 0, so "00 0…" is no IDD.
        if idd and digits[idd.end() : idd.end() + 1] not in ("", "0"):
            return _Reading(True, digits[idd.end() :])
    return _Reading(False, digits)


def _national_guesses(digits: str, region: _Region) -> tuple[str, ...]:
    """National significant numbers a national number of unknown country may have."""
    guesses = []
    if digits.startswith("0"):
        guesses.append(digits[1:])  # most countries' trunk prefix
    if region.trunk_prefix not in ("", "0") and digits.startswith(region.trunk_prefix):
        guesses.append(digits[len(region.trunk_prefix) :])
    guesses.append(digits)  # no trunk prefix (Norway, Denmark) or one kept inside (Italy)
    return tuple(dict.fromkeys(g for g in guesses if g))


def _stable_e164(parsed: phonenumbers.PhoneNumber, digits: str) -> str | None:
    """The E.164 form of a possible but invalid number, if parsing it gives it back.

    For such numbers phonenumbers may strip a "national prefix" after the country code
    (+375 0…), and again from its own result, so a pop's key and the exact lookup would
    drift; the digits as written are the fallback.
    """
    for e164 in (_e164(parsed), "+" + digits):
        again = _parse(e164, None)
        if again is not None and _e164(again) == e164 and phonenumbers.is_possible_number(again):
            return e164
    return None


def _trailing_digits(digits: str) -> str:
    return digits if len(digits) >= MIN_EXTERNAL_DIGITS else ""


def parse_incoming(text: str, home_region: str, outside_line_prefix: str = "") -> IncomingNumber:
    """Parse what a phone system sent. Raises InvalidNumberError for input that is no number.

    ``home_region`` is the agent's region ("NO"); ``outside_line_prefix`` what the PBX puts
    in front of external numbers ("0", "9"), stripped where the rest still is a number.
    """
    raw = text
    if len(text) > MAX_INPUT_LENGTH:
        raise InvalidNumberError("That is far too long to be a phone number.")
    region_code = home_region.strip().upper()
    region = _region(region_code)
    uri = split_call_text(text)  # tel:/sip: links and header values: their number part
    number, context, extension = uri.number, uri.phone_context, uri.extension
    if " ".join(number.lower().split()) in _WITHHELD:
        return IncomingNumber(raw, NumberKind.WITHHELD, "")
    number, written_extension = split_extension(number.strip())
    extension = extension or written_extension
    if _is_global_context(context) and not number.startswith(_PLUS_SIGNS):
        # RFC 3966: a global phone-context is the prefix the local number is dialled after;
        # a domain name only says the number is local.
        number = context + " " + number
    prefix = "".join(ch for ch in outside_line_prefix if ch.isascii() and ch.isdigit())
    readings = [r for r in _readings(number, raw, region, prefix) if len(r.digits) <= _MAX_DIGITS]
    if not readings:
        raise InvalidNumberError(f"{raw.strip()[:40]!r} has too many digits for a phone number.")
    first = readings[0]
    if not first.digits:
        return IncomingNumber(raw, NumberKind.WITHHELD, "")  # only separators: nothing sent
    if not first.international and len(first.digits) < MIN_EXTERNAL_DIGITS:
        return IncomingNumber(raw, NumberKind.EXTENSION, first.digits, extension=extension)

    # A number written with a country code is trusted when it is possible at all; a
    # national one only when it is valid at home. A valid reading beats a merely possible one.
    first_parsed = _parse(first.text, region_code)
    possible: tuple[_Reading, phonenumbers.PhoneNumber] | None = None
    for reading in readings:
        parsed = first_parsed if reading is first else _parse(reading.text, region_code)
        if parsed is None:
            continue
        if phonenumbers.is_valid_number(parsed):
            return IncomingNumber(
                raw, NumberKind.NUMBER, reading.digits, _e164(parsed), extension=extension
            )
        if reading.international and possible is None and phonenumbers.is_possible_number(parsed):
            possible = (reading, parsed)
    if possible is not None:
        reading, parsed = possible
        e164 = _stable_e164(parsed, reading.digits)
        if e164 is not None:
            return IncomingNumber(raw, NumberKind.NUMBER, reading.digits, e164, extension=extension)

    if first.international:
        if first_parsed is not None:
            # Its country is known but the number is impossible there: guessing at another
            # country's number with the same ending is what rule 3 forbids.
            return IncomingNumber(raw, NumberKind.NUMBER, first.digits, extension=extension)
        # An unknown country code ("+0047…", "+999…"): only its ending is left to go by.
        return IncomingNumber(
            raw,
            NumberKind.NUMBER,
            first.digits,
            trailing=_trailing_digits(first.digits.lstrip("0")),
            extension=extension,
        )
    national = first.digits
    if region.trunk_prefix and national.startswith(region.trunk_prefix):
        without_trunk = national[len(region.trunk_prefix) :]
    else:
        without_trunk = national
    return IncomingNumber(
        raw,
        NumberKind.NUMBER,
        national,
        national=_national_guesses(national, region),
        trailing=_trailing_digits(without_trunk.lstrip("0")),
        extension=extension,
    )


def read_call_text(
    text: str, home_region: str, outside_line_prefix: str = ""
) -> tuple[IncomingNumber, str]:
    """A call handed over as text (`screenpop call`, a link): its number, and the caller's name
    where a SIP header value gives one (``"Kari" <sip:…>``). Raises InvalidNumberError, for a
    link with the link's own reason ("a callto: link to a name has no number")."""
    display_name = ""
    if has_call_scheme(text) or "<" in text:
        display_name = parse_call_uri(text).display_name
    return parse_incoming(text, home_region, outside_line_prefix), display_name


def format_e164(e164: str) -> str:
    """A stored E.164 number in the international format people read."""
    parsed = _parse(e164, None)
    if parsed is None:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
