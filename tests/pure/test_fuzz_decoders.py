"""Hostile and junk input for every decoder that takes it from outside: nothing raises but
the project's documented errors, nothing hangs, and oversized input is refused early.

Bounded fuzzing with hypothesis (``FUZZ`` examples each, no example database left behind).
"""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from screenpop.core.errors import DecodeError, InvalidNumberError
from screenpop.core.models import (
    CallerId,
    CallerIdCollection,
    ContactSummary,
    RawCallerIdCollection,
)
from screenpop.core.normalise import normalise_caller_id
from screenpop.core.phone import parse_incoming
from screenpop.sync.caller_ids import build_rows
from screenpop.triggers.messages import MAX_MESSAGE_BYTES, MessageError, decode

FUZZ = settings(max_examples=300, deadline=None, database=None)

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=6)
    ),
    max_leaves=30,
)
CALLER_KEYS = [
    "PhoneNumber",
    "DialInPrefix",
    "PersonId",
    "PersonName",
    "Mrmrs",
    "ContactId",
    "ContactName",
]
callerish = st.fixed_dictionaries({}, optional={k: scalars for k in CALLER_KEYS})
SUMMARY_KEYS = ["Contact", "Tickets", "Followups", "Documents", "Sales", "Chats"]
summaryish = st.fixed_dictionaries({}, optional={k: json_values for k in SUMMARY_KEYS})


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


@FUZZ
@given(st.binary(max_size=400) | json_values.map(lambda v: json.dumps(v).encode()))
def test_ipc_messages_decode_or_refuse(raw: bytes) -> None:
    with contextlib.suppress(MessageError):
        decode(raw)


def test_ipc_messages_refuse_deep_nesting_and_size() -> None:
    for raw in (
        _nested(50_000)[:MAX_MESSAGE_BYTES],
        b'{"v":1,"type":"call","number":' + _nested(20_000) + b"}",
    ):
        try:
            decode(raw)
        except MessageError:
            continue
        raise AssertionError("a deeply nested message was accepted")
    started = time.perf_counter()
    try:
        decode(b"x" * (10 * 1024 * 1024))
    except MessageError as err:
        assert "too large" in err.message
    else:
        raise AssertionError("a 10 MB message was accepted")
    assert time.perf_counter() - started < 0.5  # refused before any parsing


@FUZZ
@given(json_values | callerish)
def test_a_caller_id_decodes_or_is_a_decode_error(raw: Any) -> None:
    with contextlib.suppress(DecodeError):
        CallerId.from_wire(raw)


@FUZZ
@given(
    json_values
    | st.fixed_dictionaries(
        {},
        optional={
            "CallerIDHash": scalars,
            "CallerIDs": st.lists(callerish | json_values, max_size=8) | scalars,
        },
    )
)
def test_caller_id_collections_decode_or_are_a_decode_error(raw: Any) -> None:
    for kind in (RawCallerIdCollection, CallerIdCollection):
        with contextlib.suppress(DecodeError):
            kind.from_wire(raw)


@FUZZ
@given(st.lists(callerish | json_values, max_size=12), st.sampled_from(["NO", "IT", "US", "GB"]))
def test_building_rows_never_fails_a_sync(entries: list[Any], region: str) -> None:
    rows, skipped = build_rows(entries, region)
    assert len(rows) + skipped == len(entries)
    assert all(row[1].startswith("+") and row[1][1:].isdigit() for row in rows)


@FUZZ
@given(json_values | summaryish)
def test_a_summary_decodes_or_is_a_decode_error(raw: Any) -> None:
    with contextlib.suppress(DecodeError):
        ContactSummary.from_wire(raw)


@FUZZ
@given(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(-(2**20), 2**20),
    st.sampled_from(["NO", "IT", "US", "GB", "DE", "ZZ"]),
)
def test_the_normaliser_never_raises(number: int, prefix: int, region: str) -> None:
    found = normalise_caller_id(number, prefix, region)
    assert found is None or (found.e164.startswith("+") and found.e164[1:].isdigit())


@FUZZ
@given(st.text(max_size=120))
def test_any_text_parses_as_a_number_or_is_refused(text: str) -> None:
    with contextlib.suppress(InvalidNumberError):
        parse_incoming(text, "NO", "0")


def test_a_thousand_character_number_is_refused_at_once() -> None:
    started = time.perf_counter()
    for text in ("1" * 1000, "+47 " + "2" * 996, "tel:" + "%32" * 332, "sip:" + "9" * 996 + "@pbx"):
        try:
            parse_incoming(text, "NO")
        except InvalidNumberError as err:
            assert "too long" in err.message or "too many digits" in err.message
        else:
            raise AssertionError(f"{text[:20]}… was accepted")
    assert time.perf_counter() - started < 0.1
