"""The netstring decoder: strict framing, any chunking, and fuzzed input.

``database=None``: no ``.hypothesis`` folder is left in the working tree.
"""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.triggers.netstring import MAX_PAYLOAD, NetstringDecoder, NetstringError, encode

FUZZ = settings(max_examples=400, deadline=None, database=None)


def test_whole_netstrings_in_one_chunk() -> None:
    decoder = NetstringDecoder()
    assert decoder.feed(b"5:hello,0:,12:hello world!,") == [b"hello", b"", b"hello world!"]
    assert decoder.pending == 0


def test_a_netstring_split_anywhere_arrives_once_whole() -> None:
    data = encode(b'{"event":true}') + encode(b"x")
    for cut in range(len(data) + 1):
        decoder = NetstringDecoder()
        assert decoder.feed(data[:cut]) + decoder.feed(data[cut:]) == [b'{"event":true}', b"x"]


def test_byte_by_byte() -> None:
    decoder = NetstringDecoder()
    out: list[bytes] = []
    for byte in encode(b"a:b,c"):
        out += decoder.feed(bytes([byte]))
    assert out == [b"a:b,c"]


def test_payloads_may_hold_anything() -> None:
    payload = bytes(range(256)) + b"3:abc,"
    assert NetstringDecoder().feed(encode(payload)) == [payload]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"x:hello,", "not a length"),
        (b":", "not a length"),
        (b"-1:a,", "not a length"),
        (b" 5:hello,", "not a length"),
        (b"05:hello,", "leading zero"),
        (b"5:hello!", "does not end with ','"),
        (b"5:helloX", "does not end with ','"),
        (b"999999:", "over the 65536 byte limit"),
        (b"70000:", "of 70000 bytes is over the 65536 byte limit"),
        (b"1" * 50, "over the 65536 byte limit"),
        (b"12345x", "not a length"),
    ],
)
def test_bad_framing_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(NetstringError, match=reason):
        NetstringDecoder().feed(data)


def test_an_oversized_length_is_refused_before_its_payload_arrives() -> None:
    decoder = NetstringDecoder(max_payload=1024)
    with pytest.raises(NetstringError, match="over the 1024 byte limit"):
        decoder.feed(b"1025:")
    assert decoder.pending == 0  # nothing of it was buffered


def test_a_payload_at_the_limit_is_fine() -> None:
    payload = b"x" * MAX_PAYLOAD
    assert NetstringDecoder().feed(encode(payload)) == [payload]


def test_good_payloads_before_a_fault_are_kept_and_the_decoder_stays_failed() -> None:
    decoder = NetstringDecoder()
    with pytest.raises(NetstringError) as failed:
        decoder.feed(b"1:a,1:b,junk")
    assert failed.value.payloads == [b"a", b"b"]
    with pytest.raises(NetstringError):
        decoder.feed(b"1:c,")  # the stream cannot be trusted any more


def test_decoding_a_megabyte_of_small_messages_is_fast() -> None:
    message = encode(b'{"event":true,"type":"CALL_INCOMING","peeruri":"sip:+4722334455@pbx"}')
    data = message * (1_000_000 // len(message))
    decoder = NetstringDecoder()
    started = time.perf_counter()
    count = sum(len(decoder.feed(data[i : i + 65536])) for i in range(0, len(data), 65536))
    elapsed = time.perf_counter() - started
    assert count == len(data) // len(message)
    assert elapsed < 0.5, f"{elapsed:.3f} s for 1 MB"


def _chunks(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({min(c, len(data)) for c in cuts})
    edges = [0, *points, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(edges)]


@FUZZ
@given(st.lists(st.binary(max_size=300), max_size=20), st.lists(st.integers(0, 7000)))
def test_any_payloads_any_chunking_round_trip(payloads: list[bytes], cuts: list[int]) -> None:
    data = b"".join(encode(p) for p in payloads)
    decoder = NetstringDecoder()
    out: list[bytes] = []
    for chunk in _chunks(data, cuts):
        out += decoder.feed(chunk)
    assert out == payloads
    assert decoder.pending == 0


netstringish = st.lists(
    st.one_of(
        st.binary(max_size=20),
        st.sampled_from([b":", b",", b"0", b"1:", b"5:", b"65536:", b"65537:", b"00:", b"9"]),
        st.binary(max_size=30).map(encode),
    ),
    max_size=30,
).map(b"".join)


@FUZZ
@given(st.one_of(st.binary(max_size=2000), netstringish), st.lists(st.integers(0, 2000)))
def test_any_bytes_decode_or_raise_only_the_documented_error(data: bytes, cuts: list[int]) -> None:
    """Never another exception, never a hang, never more buffered than one netstring."""
    decoder = NetstringDecoder(max_payload=1024)
    try:
        for chunk in _chunks(data, cuts):
            for payload in decoder.feed(chunk):
                assert len(payload) <= 1024
            assert decoder.pending <= 1024 + len("1024:,")
    except NetstringError as err:
        assert err.message and "\n" not in err.message
