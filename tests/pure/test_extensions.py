"""Every extension marker libphonenumber reads, in every language it knows, is taken off before
matching: the number after it matches the cache exactly, the extension is kept."""

from __future__ import annotations

import pytest
from phonenumbers import phonenumberutil

from screenpop.core import extensions
from screenpop.core.extensions import split_extension
from screenpop.core.phone import NumberKind, parse_incoming

NUMBER = "+47 22 33 44 55"
E164 = "+4722334455"

# One line per marker in libphonenumber's parsing pattern (phonenumberutil._create_extn_pattern):
# the RFC 3966 parameter, the explicit labels (English, Spanish with either accent, full width,
# Russian, Spanish/Portuguese), the one-character and short labels, the American "- 12#", and
# the auto-dial markers.
MARKERS = [
    (";ext=", "RFC 3966"),
    (" ext ", "English"),
    (" ext. ", "English, full stop"),
    (" ext: ", "English, colon"),
    (" EXT ", "any case"),
    (" extn ", "English"),
    (" xtn ", "English, short"),
    (" extension ", "English"),
    (" extensión ", "Spanish, precomposed ó"),
    (" extensio\u0301n ", "Spanish, combining accent"),
    (" ｅｘｔｎ ", "full width"),
    (" ｘｔ ", "full width, short"),
    (" доб ", "Russian"),
    (" Доб. ", "Russian, capital, full stop"),
    (" anexo ", "Spanish and Portuguese"),
    (" x", "x"),
    ("x", "x without a space"),
    (" ｘ", "full-width x"),
    ("#", "hash"),
    ("＃", "full-width hash"),
    ("~", "tilde"),
    ("～", "full-width tilde"),
    (" int ", "int"),
    (" ｉｎｔ ", "full-width int"),
    (",,", "auto-dial"),
    (";", "auto-dial"),
    (",", "one comma"),
    (", ext ", "comma before a label"),
    (" ext．", "full-width full stop"),
]


@pytest.mark.parametrize(("marker", "what"), MARKERS, ids=[m[1] + repr(m[0]) for m in MARKERS])
def test_each_marker_is_taken_off(marker: str, what: str) -> None:
    incoming = parse_incoming(f"{NUMBER}{marker}12", "NO")
    assert incoming.kind is NumberKind.NUMBER, what
    assert incoming.e164 == E164, what
    assert incoming.extension == "12", what


def test_the_american_style_needs_its_hash() -> None:
    incoming = parse_incoming("+1 212 555 0100 - 503#", "US")
    assert (incoming.e164, incoming.extension) == ("+12125550100", "503")


def test_a_national_number_with_an_extension_matches_in_its_region() -> None:
    incoming = parse_incoming("22 33 44 55 доб. 7", "NO")
    assert (incoming.e164, incoming.extension) == (E164, "7")


def test_extension_digits_of_other_scripts_become_ascii() -> None:
    assert split_extension("22334455 ext ١٢") == ("22334455", "12")


def test_a_lone_end_of_dialling_hash_is_no_extension() -> None:
    # A PBX's "end of dialling" after the number, with or without separators.
    for text in ("22334455#", "22 33 44 55#", "22 33 44 55 #"):
        incoming = parse_incoming(text, "NO")
        assert (incoming.e164, incoming.extension) == (E164, ""), text


def test_a_marker_without_a_number_before_it_is_no_extension() -> None:
    assert split_extension("x12") == ("x12", "")
    assert split_extension("ext 12") == ("ext 12", "")


def test_a_short_internal_number_keeps_its_extension_apart() -> None:
    incoming = parse_incoming("1881 ext 2", "NO")
    assert (incoming.kind, incoming.digits, incoming.extension) == (
        NumberKind.EXTENSION,
        "1881",
        "2",
    )


def test_the_pattern_is_libphonenumbers_own() -> None:
    # The copy used where phonenumbers hides its pattern is the pattern itself.
    assert extensions._FALLBACK == phonenumberutil._EXTN_PATTERNS_FOR_PARSING
    assert extensions._EXTENSION.pattern == f"(?:{phonenumberutil._EXTN_PATTERNS_FOR_PARSING})$"
