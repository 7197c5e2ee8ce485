import pytest

from screenpop.core.errors import InvalidNumberError
from screenpop.core.phone import NumberKind, caller_id_e164, parse_incoming


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("+47 22 33 44 55", "+4722334455"),
        ("004722334455", "+4722334455"),
        ("22 33 44 55", "+4722334455"),
        ("+44 (0)20 7946 0123", "+442079460123"),
        ("tel:+47-22-33-44-55;ext=12", "+4722334455"),
        ("sip:+4722334455@pbx.example;user=phone", "+4722334455"),
        ("sips:%2B4722334455@pbx", "+4722334455"),
        ("callto://+4722334455", "+4722334455"),
        ("0012125550123", "+12125550123"),
    ],
)
def test_incoming_shapes_reach_e164(text: str, e164: str) -> None:
    assert parse_incoming(text, "NO").e164 == e164


def test_outside_line_prefix_is_dropped() -> None:
    assert parse_incoming("022334455", "NO", outside_line_prefix="0").e164 == "+4722334455"


@pytest.mark.parametrize("text", ["anonymous", "Unknown", "", "restricted", "sip:anonymous@x"])
def test_withheld_numbers(text: str) -> None:
    assert parse_incoming(text, "NO").kind is NumberKind.WITHHELD


def test_short_numbers_are_extensions_without_e164() -> None:
    number = parse_incoming("1234", "NO")
    assert number.kind is NumberKind.EXTENSION and number.e164 is None


@pytest.mark.parametrize("text", ["hello", "12ab34", "+47 22 33 44 55 66 77 88 99 00", "x" * 300])
def test_junk_is_refused(text: str) -> None:
    with pytest.raises(InvalidNumberError):
        parse_incoming(text, "NO")


@pytest.mark.parametrize(
    ("phone", "prefix", "e164"),
    [
        (22334455, 47, "+4722334455"),  # national number and its country code
        (4722334455, 0, "+4722334455"),  # country code already inside
        (22334455, 0, "+4722334455"),  # national in the home region
        (612345678, 39, "+390612345678"),  # Italy: the long lost the leading 0
        (39612345678, 0, "+390612345678"),
        (2079460123, 44, "+442079460123"),
    ],
)
def test_caller_id_normalisation(phone: int, prefix: int, e164: str) -> None:
    assert caller_id_e164(phone, prefix, "NO") == e164


def test_caller_id_that_is_no_number() -> None:
    assert caller_id_e164(12, 0, "NO") is None


@pytest.mark.parametrize(
    ("text", "extension"),
    [
        ("tel:+47-22-33-44-55;ext=12", "12"),
        ("+47 22 33 44 55 ext. 12", "12"),
        ("+47 22 33 44 55 x12", "12"),
        ("22334455;ext=7", "7"),
        ("+47 22 33 44 55", ""),
    ],
)
def test_the_extension_is_kept_apart(text: str, extension: str) -> None:
    number = parse_incoming(text, "NO")
    assert (number.e164, number.extension) == ("+4722334455", extension)


@pytest.mark.parametrize(
    ("text", "prefix", "digits"),
    [
        ("+47 22 33 44 55", "", "4722334455"),
        ("0047 22 33 44 55", "", "4722334455"),  # the IDD is no part of the number
        ("0 22 33 44 55", "0", "22334455"),  # nor is the PBX's outside-line prefix
        ("070 123 45 67", "", "0701234567"),  # a national number as sent
    ],
)
def test_digits_are_the_number_without_dialling_prefixes(
    text: str, prefix: str, digits: str
) -> None:
    assert parse_incoming(text, "NO", prefix).digits == digits


def test_a_foreign_national_number_carries_the_tier_two_hints() -> None:
    number = parse_incoming("070 123 45 67", "NO")
    assert number.kind is NumberKind.NUMBER and number.e164 is None
    assert number.national == ("701234567", "0701234567")  # trunk 0 dropped, or Italy's kept
    assert number.trailing == "701234567"
    assert number.display == "0701234567"


def test_a_trusted_number_carries_no_tier_two_hints() -> None:
    number = parse_incoming("+46 70 123 45 67", "NO")
    assert (number.national, number.trailing) == ((), "")
    assert number.display == "+46 70 123 45 67"


@pytest.mark.parametrize(
    ("text", "home", "e164"),
    [
        ("22 33 44 55", "no", "+4722334455"),  # the region as a settings file may spell it
        ("\u0662\u0662\u0663\u0663\u0664\u0664\u0665\u0665", "NO", "+4722334455"),
        ("\uff0b47 22 33 44 55", "NO", "+4722334455"),  # a full-width plus
        ("\u200e+47\u00a022\u201133\u201144\u201155\u200f", "NO", "+4722334455"),
        ("tel:22334455;phone-context=+x", "NO", "+4722334455"),  # junk context: local
        ("tel:020 7946 0123;phone-context=+44", "NO", "+442079460123"),
        ("+44 0 20 7946 0123", "NO", "+442079460123"),
        ("[+47] 22 33 44 55", "NO", "+4722334455"),
    ],
)
def test_more_shapes_reach_e164(text: str, home: str, e164: str) -> None:
    assert parse_incoming(text, home).e164 == e164


@pytest.mark.parametrize(
    "text",
    ["sip:ola.nordmann@pbx.example", "1-800-FLOWERS", "22+334455", "*31#22334455", "abc\ndef"],
)
def test_no_number_at_all_is_refused_in_one_line(text: str) -> None:
    with pytest.raises(InvalidNumberError) as refused:
        parse_incoming(text, "NO")
    assert "\n" not in refused.value.message


@pytest.mark.parametrize("home", ["NO", "GB", "US", "IT"])
def test_italys_zero_survives_the_crm_and_the_phone_system(home: str) -> None:
    cached = caller_id_e164(612345678, 39, home)  # the long lost the 0
    assert cached == "+390612345678"
    assert parse_incoming("+39 06 1234 5678", home).e164 == cached
    assert parse_incoming("+39 (0)6 1234 5678", home).e164 == cached
    if home == "IT":
        assert parse_incoming("06 1234 5678", home).e164 == cached
    else:
        assert "0612345678" in parse_incoming("06 1234 5678", home).national
