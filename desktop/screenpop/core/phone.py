"""Phone numbers: caller IDs from the CRM into E.164 once, and incoming numbers of any shape.

DESIGN §3 (what the API sends) and §4 (what phone systems send). Issue 3 deepens matching;
the parsing here is already tolerant so the exact tier is right from the start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote

import phonenumbers

from screenpop.core.errors import InvalidNumberError

ITALY = 39
MAX_INPUT_LENGTH = 256
MIN_EXTERNAL_DIGITS = 7
_MAX_DIGITS = 17
_WITHHELD = frozenset(
    {"", "anonymous", "unknown", "restricted", "private", "withheld", "unavailable", "-"}
)
_SCHEMES = ("tel:", "callto:", "sips:", "sip:")
_SEPARATORS = re.compile(r"[\s\-./()\u00a0\u2010-\u2015]")
_TRUNK_ZERO_AFTER_CODE = re.compile(r"^(\+\d{1,3})\s*\(0\)")


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parse(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None


def caller_id_e164(phone_number: int, dial_in_prefix: int, home_region: str) -> str | None:
    """The E.164 form of a CRM caller ID, or None when it cannot be a phone number.

    ``PhoneNumber`` is a long, so leading zeros are gone; ``DialInPrefix`` is 0 when the
    number already holds its country code (or is national in the home region).
    """
    digits = str(phone_number)
    if dial_in_prefix > 0:
        guesses = [f"+{dial_in_prefix}{digits}"]
        if dial_in_prefix == ITALY:
            guesses.append(f"+{ITALY}0{digits}")
    else:
        guesses = [f"+{digits}"]
        if digits.startswith(str(ITALY)):
            guesses.append(f"+{ITALY}0{digits[len(str(ITALY)) :]}")
        guesses.append(digits)
    parsed = [p for p in (_parse(g, home_region) for g in guesses) if p is not None]
    for number in parsed:
        if phonenumbers.is_valid_number(number):
            return _e164(number)
    # Unknown ranges (new number plans, lagging metadata) are kept when they are plausible,
    # trusting the CRM's own country code over our metadata.
    if dial_in_prefix > 0 and parsed and phonenumbers.is_possible_number(parsed[0]):
        return _e164(parsed[0])
    return None


class NumberKind(StrEnum):
    NUMBER = "number"
    EXTENSION = "extension"
    WITHHELD = "withheld"


@dataclass(frozen=True, slots=True)
class IncomingNumber:
    """An incoming caller number after parsing: E.164 where its country can be trusted."""

    raw: str
    kind: NumberKind
    digits: str
    e164: str | None = None

    @property
    def display(self) -> str:
        if self.kind is NumberKind.WITHHELD:
            return "Withheld number"
        if self.e164:
            parsed = _parse(self.e164, None)
            if parsed is not None:
                return phonenumbers.format_number(
                    parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL
                )
            return self.e164
        return self.digits


def _strip_uri(text: str) -> str:
    lowered = text.lower()
    for scheme in _SCHEMES:
        if lowered.startswith(scheme):
            text = text[len(scheme) :].lstrip("/")
            if scheme.startswith("sip"):
                text = text.split("@", 1)[0]
            # RFC 3966 parameters (;ext=, ;phone-context=) and SIP user parameters.
            return unquote(text.split(";", 1)[0].split("?", 1)[0])
    return text


def parse_incoming(text: str, home_region: str, outside_line_prefix: str = "") -> IncomingNumber:
    """Parse what a phone system sent. Raises InvalidNumberError for input that is no number."""
    raw = text
    if len(text) > MAX_INPUT_LENGTH:
        raise InvalidNumberError("That is far too long to be a phone number.")
    text = _strip_uri(text.strip()).strip()
    if text.lower() in _WITHHELD:
        return IncomingNumber(raw, NumberKind.WITHHELD, "")
    text = _TRUNK_ZERO_AFTER_CODE.sub(r"\1", text)
    compact = _SEPARATORS.sub("", text)
    plus = compact.startswith("+")
    digits = compact[1:] if plus else compact
    if not digits.isdigit() or not digits.isascii():
        raise InvalidNumberError(f"{raw.strip()[:40]!r} is not a phone number.")
    if len(digits) > _MAX_DIGITS:
        raise InvalidNumberError(f"{raw.strip()[:40]!r} has too many digits for a phone number.")
    if not plus and outside_line_prefix and digits.startswith(outside_line_prefix):
        rest = digits[len(outside_line_prefix) :]
        if len(rest) >= MIN_EXTERNAL_DIGITS:
            digits = rest
    if not plus and len(digits) < MIN_EXTERNAL_DIGITS:
        return IncomingNumber(raw, NumberKind.EXTENSION, digits)
    parsed = _parse(("+" if plus else "") + digits, home_region)
    e164: str | None = None
    if parsed is not None:
        # A "+" number carries its own country; a national one is trusted only when valid.
        trusted = (
            phonenumbers.is_possible_number(parsed)
            if plus
            else phonenumbers.is_valid_number(parsed)
        )
        if trusted:
            e164 = _e164(parsed)
    return IncomingNumber(raw, NumberKind.NUMBER, digits, e164)


def format_e164(e164: str) -> str:
    """A stored E.164 number in the international format people read."""
    parsed = _parse(e164, None)
    if parsed is None:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
