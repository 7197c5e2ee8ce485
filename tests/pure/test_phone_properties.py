"""Properties of the incoming-number parser and the matcher, over generated input.

``database=None``: the examples are cheap to find again, and no ``.hypothesis`` folder is
left in the working tree.
"""

from __future__ import annotations

import string
from urllib.parse import quote

import phonenumbers
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from screenpop.core.errors import InvalidNumberError
from screenpop.core.matching import MatchedBy, match
from screenpop.core.phone import MIN_EXTERNAL_DIGITS, IncomingNumber, NumberKind, parse_incoming
from tests.pure.test_matching_rules import WORLD, FakeIndex, entry

FAST = settings(max_examples=200, deadline=None, database=None)
HOMES = ["NO", "SE", "DK", "GB", "DE", "NL", "IT", "US"]
IDD = {"US": "011"}  # every other home here dials abroad with 00
SEPARATORS = [" ", "-", ".", "/", "\u00a0", "\u2013", "\u2009", ""]
EXAMPLES = [
    number
    for region in [*HOMES, "FR", "FI", "CH", "AT", "ES", "PL", "IE", "AU", "CA", "BR", "JP"]
    for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE)
    if (number := phonenumbers.example_number_for_type(region, kind)) is not None
]

homes = st.sampled_from(HOMES)
prefixes = st.sampled_from(["", "0", "9", "00"])
# Text that looks like what phone systems send, so the parser's branches get exercised.
phoneish = st.lists(
    st.sampled_from(
        list(string.digits * 3)
        + list("+()-./ ;=@:%<>#xXaé٣\n\u00a0\u2013\u202a")
        + ["tel:", "sip:", "sips:", "ext", "phone-context=", "+47", "00", "011", "(0)", "%2B"]
        + ["anonymous", "user=phone"]
    ),
    max_size=30,
).map("".join)


def _check_invariants(incoming: IncomingNumber) -> None:
    assert incoming.digits == "" or (incoming.digits.isascii() and incoming.digits.isdigit())
    if incoming.kind is NumberKind.WITHHELD:
        assert (incoming.digits, incoming.e164) == ("", None)
    if incoming.kind is NumberKind.EXTENSION:
        assert incoming.e164 is None and len(incoming.digits) < MIN_EXTERNAL_DIGITS
    if incoming.e164 is not None:
        assert incoming.e164.startswith("+") and incoming.e164[1:].isdigit()
        assert not incoming.national and not incoming.trailing  # rule 3: exact or nothing
    assert all(nsn.isascii() and nsn.isdigit() for nsn in incoming.national)
    assert incoming.trailing == "" or len(incoming.trailing) >= MIN_EXTERNAL_DIGITS
    assert isinstance(incoming.display, str)


def _parse_or_refuse(text: str, home: str, prefix: str) -> IncomingNumber | None:
    try:
        incoming = parse_incoming(text, home, prefix)
    except InvalidNumberError as err:
        assert err.message and "\n" not in err.message and "\r" not in err.message
        return None
    _check_invariants(incoming)
    match(WORLD, incoming)  # nor does matching it raise
    return incoming


@FAST
@given(st.text(max_size=300), homes, prefixes)
def test_any_text_parses_or_is_refused_in_one_line(text: str, home: str, prefix: str) -> None:
    _parse_or_refuse(text, home, prefix)


@FAST
@given(phoneish, st.sampled_from([*HOMES, "", "XX", "no", "001"]), prefixes)
def test_phone_like_text_parses_or_is_refused(text: str, home: str, prefix: str) -> None:
    _parse_or_refuse(text, home, prefix)


@st.composite
def digit_strings(draw: st.DrawFn) -> str:
    """Up to 17 digits, the most a number can have, grouped with any separators."""
    lead = draw(st.sampled_from(["", "+", "00", "011", "0", "(0)"]))
    groups = draw(st.lists(st.text(string.digits, min_size=1, max_size=4), min_size=1))
    digits = "".join(groups)
    assume(len(digits) + len(lead.strip("+()")) <= 17)
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(groups)))
    body = "".join(s + g for s, g in zip(separators, groups, strict=False))
    return lead + body


@FAST
@given(digit_strings(), homes, prefixes)
def test_digit_strings_always_parse(text: str, home: str, prefix: str) -> None:
    incoming = parse_incoming(text, home, prefix)  # never raises, not even InvalidNumberError
    _check_invariants(incoming)
    assert incoming.kind is not NumberKind.WITHHELD


# "+" and a real country code, then any digits: possible, impossible and invalid numbers,
# with a trunk 0 after the code now and then (which phonenumbers drops).
plus_numbers = st.builds(
    lambda cc, zero, digits: f"+{cc} {zero}{digits}",
    st.sampled_from(sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)),
    st.sampled_from(["", "0", "(0)", "00"]),
    st.text(string.digits, min_size=1, max_size=13),
)


@FAST
@given(st.one_of(plus_numbers, digit_strings(), phoneish), homes, prefixes)
def test_parsing_is_idempotent(text: str, home: str, prefix: str) -> None:
    incoming = _parse_or_refuse(text, home, prefix)
    if incoming is None or incoming.e164 is None:
        return
    again = parse_incoming(incoming.e164, home, prefix)
    assert again.e164 == incoming.e164
    assert parse_incoming(incoming.e164, "US").e164 == incoming.e164  # E.164 needs no home


@st.composite
def valid_numbers(draw: st.DrawFn) -> phonenumbers.PhoneNumber:
    """A valid number near one of phonenumbers' examples: the last digits drawn."""
    example = draw(st.sampled_from(EXAMPLES))
    nsn = phonenumbers.national_significant_number(example)
    tail = draw(st.text(string.digits, min_size=3, max_size=3))
    number = phonenumbers.parse(f"+{example.country_code}{nsn[:-3]}{tail}", None)
    assume(phonenumbers.is_valid_number(number))
    return number


def _spread(text: str, separators: list[str]) -> str:
    """``text`` with a separator drawn for each gap between two digits."""
    out: list[str] = []
    for i, ch in enumerate(text):
        if i and ch.isdigit() and text[i - 1].isdigit():
            out.append(separators[i % len(separators)])
        out.append(ch)
    return "".join(out)


@st.composite
def dressed(draw: st.DrawFn, number: phonenumbers.PhoneNumber, home: str) -> tuple[str, str]:
    """(a way a phone system may send ``number`` to an agent at ``home``, outside prefix)."""
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    region = phonenumbers.region_code_for_number(number)
    nsn = phonenumbers.national_significant_number(number)
    if region == home:
        dialled = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    else:
        # how it is dialled from home: the home region's IDD, or national within +1
        dialled = phonenumbers.format_out_of_country_calling_number(number, home)
    idd = IDD.get(home, "00") + " " + e164[1:]
    shapes = {
        "e164": e164,
        "international": phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
        "rfc3966": phonenumbers.format_number(number, PhoneNumberFormat.RFC3966),
        "dialled": dialled,
        "idd": idd,
        "tel": f"tel:{e164};ext=12",
        "tel-context": f"tel:{nsn};phone-context=+{number.country_code}",
        "sip": f"sip:{e164}@pbx.example;user=phone",
        "sips-escaped": f"sips:{quote(e164)}@pbx.example:5061",
        "sip-idd": f"<sip:{idd.replace(' ', '')}@10.0.0.1>;tag=1",
    }
    name = draw(st.sampled_from(sorted(shapes)))
    text = shapes[name]
    if draw(st.booleans()) and not text.startswith(("tel:", "sip")):
        text = _spread(text, draw(st.lists(st.sampled_from(SEPARATORS), min_size=1)))
    prefix = ""
    if name in ("dialled", "idd") and draw(st.booleans()):
        prefix = draw(st.sampled_from(["0", "9"]))
        text = f"{prefix} {text}"
    return text, prefix


@FAST
@given(st.data(), valid_numbers(), homes)
def test_any_dress_of_a_cached_number_finds_it(
    data: st.DataObject, number: phonenumbers.PhoneNumber, home: str
) -> None:
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    text, prefix = data.draw(dressed(number, home))
    index = FakeIndex([*WORLD.entries, entry(e164, 4242, "Target Person")])
    incoming = parse_incoming(text, home, prefix)
    assert incoming.e164 == e164, text
    candidates = match(index, incoming)
    assert 4242 in [c.person_id for c in candidates], text
    assert {c.matched_by for c in candidates} == {MatchedBy.EXACT}
    assert parse_incoming(e164, home).e164 == e164
