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
