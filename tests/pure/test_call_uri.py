"""Call links as the desktop, browsers and phone systems hand them over (RFC 3966, RFC 3261).

``database=None``: no ``.hypothesis`` folder is left in the working tree.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.core.call_uri import (
    MAX_INPUT_LENGTH,
    CallUri,
    has_call_scheme,
    parse_call_uri,
    split_call_text,
)
from screenpop.core.errors import InvalidNumberError
from screenpop.core.phone import parse_incoming


@pytest.mark.parametrize(
    ("link", "scheme", "number"),
    [
        ("tel:+47-22-33-44-55", "tel", "+47-22-33-44-55"),
        ("TEL:+4722334455", "tel", "+4722334455"),
        ("tel:+47.22.33.44.55", "tel", "+47.22.33.44.55"),
        ("tel:+47%2022%2033%2044%2055", "tel", "+47 22 33 44 55"),
        ("tel:+1-(212)-555-0123", "tel", "+1-(212)-555-0123"),
        ("callto:+4722334455", "callto", "+4722334455"),
        ("callto://+4722334455", "callto", "+4722334455"),
        ("callto://+4722334455/", "callto", "+4722334455"),  # as browsers hand it over
        ("sip:+4722334455@pbx.example", "sip", "+4722334455"),
        ("SIPS:%2B4722334455@pbx.example:5061", "sips", "+4722334455"),
        ("sip:22334455@10.0.0.1:5060;transport=udp", "sip", "22334455"),
        ("sip:+4722334455:secret@pbx.example", "sip", "+4722334455"),  # no password, ever
        ("sip:+4722334455", "sip", "+4722334455"),  # no host at all
        ("sip:anonymous@anonymous.invalid", "sip", "anonymous"),
    ],
)
def test_the_number_part_of_a_link(link: str, scheme: str, number: str) -> None:
    uri = parse_call_uri(link)
    assert (uri.scheme, uri.number) == (scheme, number)
    assert uri.raw == link


def test_tel_parameters_are_split_off_and_decoded() -> None:
    uri = parse_call_uri("tel:2233;ext=12;isub=9%2F1;phone-context=%2B47;tsp=x.example")
    assert uri == CallUri(
        raw=uri.raw,
        scheme="tel",
        number="2233",
        extension="12",
        phone_context="+47",
        isub="9/1",
    )


def test_parameter_names_are_case_insensitive_and_the_first_wins() -> None:
    uri = parse_call_uri("tel:+4722334455;EXT=7;ext=8;Phone-Context=example.com")
    assert (uri.extension, uri.phone_context) == ("7", "example.com")


def test_sip_user_part_with_telephone_parameters_and_user_phone() -> None:
    uri = parse_call_uri("sip:+4722334455;ext=12;isub=3@pbx.example;user=phone;transport=tcp")
    assert uri.number == "+4722334455"
    assert (uri.extension, uri.isub, uri.host, uri.user_phone) == (
        "12",
        "3",
        "pbx.example",
        True,
    )
    assert parse_call_uri("sip:+4722334455@pbx.example").user_phone is False


def test_sip_headers_after_the_question_mark_are_ignored() -> None:
    uri = parse_call_uri("sip:+4722334455@pbx.example?subject=hello%20there&priority=urgent")
    assert (uri.number, uri.host) == ("+4722334455", "pbx.example")


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ('"Kari Nordmann" <sip:+4722334455@pbx>;tag=1', "Kari Nordmann"),
        ('"Ola \\"the boss\\" N." <sip:+4722334455@pbx>', 'Ola "the boss" N.'),
        ("Kari   Nordmann <sips:+4722334455@pbx>", "Kari Nordmann"),
        ("<tel:+4722334455>", ""),
        ('"Kari\r\nX-Evil: 1" <sip:+4722334455@pbx>', "Kari  X-Evil: 1"),
    ],
)
def test_display_names_of_header_values(header: str, name: str) -> None:
    uri = parse_call_uri(header)
    assert (uri.display_name, uri.number) == (name, "+4722334455")


@pytest.mark.parametrize(
    ("link", "reason"),
    [
        ("hello", "does not start with tel:"),
        ("+4722334455", "does not start with tel:"),
        ("mailto:kari@example.com", "does not start with tel:"),
        ("tel:", "carries no number"),
        ("callto://", "carries no number"),
        ("sip:@pbx.example", "carries no number"),
        ("tel:hello", "only digits"),
        ("tel:+47 22 33 44 55 <script>", "only digits"),
        ("callto:echo123", "a callto: link to a name"),
        ("tel:+47%zz22", "broken %-escape"),
        ("tel:+47%2", "broken %-escape"),
        ("sip:+47\n22@pbx", "control characters"),
        ('"Kari" <sip:+4722334455@pbx', "never closed"),
    ],
)
def test_junk_is_refused_with_a_clear_one_line_reason(link: str, reason: str) -> None:
    with pytest.raises(InvalidNumberError) as refused:
        parse_call_uri(link)
    message = refused.value.message
    assert reason in message
    assert "\n" not in message and "\r" not in message


def test_oversized_input_is_refused_before_any_parsing() -> None:
    link = "tel:+47" + "1" * MAX_INPUT_LENGTH
    with pytest.raises(InvalidNumberError, match="far too long"):
        parse_call_uri(link)
    with pytest.raises(InvalidNumberError, match="far too long"):
        split_call_text(link)


@pytest.mark.parametrize(
    ("text", "scheme"),
    [("tel:1", True), ("  SIP:x", True), ("sips:x", True), ("callto:x", True),
     ("telnet:x", False), ("sipx:1", False), ("+47 tel:", False), ("", False)],
)  # fmt: skip
def test_has_call_scheme(text: str, scheme: bool) -> None:
    assert has_call_scheme(text) is scheme


def test_plain_text_keeps_its_parameters() -> None:
    uri = split_call_text("22334455;ext=7")
    assert (uri.scheme, uri.number, uri.extension) == ("", "22334455", "7")


@pytest.mark.parametrize(
    ("link", "e164", "extension"),
    [
        ("tel:+47-22-33-44-55;ext=12", "+4722334455", "12"),
        ("tel:22 33 44 55;phone-context=+47", "+4722334455", ""),
        ("tel:7946-0123;phone-context=+44-20", "+442079460123", ""),
        ("callto://+4722334455/", "+4722334455", ""),
        ("sip:+4722334455;ext=3@pbx;user=phone", "+4722334455", "3"),
        ('"Kari" <sips:004722334455@10.0.0.1>;tag=x', "+4722334455", ""),
    ],
)
def test_the_number_parser_reads_links_through_this_module(
    link: str, e164: str, extension: str
) -> None:
    number = parse_incoming(link, "NO")
    assert (number.e164, number.extension) == (e164, extension)


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=300))
def test_any_text_is_split_or_refused_in_one_line(text: str) -> None:
    for parse in (parse_call_uri, split_call_text):
        try:
            uri = parse(text)
        except InvalidNumberError as err:
            assert err.message and "\n" not in err.message and "\r" not in err.message
            continue
        assert uri.raw == text
        assert uri.scheme in ("", "tel", "callto", "sip", "sips")


linkish = st.lists(
    st.sampled_from(
        ["tel:", "sip:", "sips:", "callto:", "//", "+47", "22", "-", ".", "(", ")", "%2B",
         "%", "%zz", ";ext=", ";phone-context=", ";isub=", "@", ":", "?", "<", ">", '"',
         "Kari", " ", "user=phone", ";", "\\", "/"]
    ),
    max_size=20,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None, database=None)
@given(linkish)
def test_link_like_text_is_split_or_refused_in_one_line(text: str) -> None:
    try:
        uri = parse_call_uri(text)
    except InvalidNumberError as err:
        assert "\n" not in err.message
        return
    assert uri.number.strip()
    assert "%" not in uri.number or "%25" in text
